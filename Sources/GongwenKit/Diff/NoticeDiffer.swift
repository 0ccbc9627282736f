/// Compares two records rule by rule, as a policy analyst reads two years of a campaign: a moved due
/// date is one ``Change`` with both dates and both spans, not a removed line and an added one.
///
/// ```swift
/// let diff = NoticeDiffer.diff(try Gongwen.parse(path: "2020.txt"), try Gongwen.parse(path: "2022.txt"))
/// print(diff.hasChanges)
/// ```
public enum NoticeDiffer {
    /// Items at least this alike are the same item reworded.
    static let rewordedThreshold = 0.5

    public static func diff(
        _ old: NoticeRecord, _ new: NoticeRecord, oldPath: String? = nil, newPath: String? = nil
    ) -> NoticeDiff {
        var changes: [Change] = []
        let notes = Notes()
        changes += header(old, new)
        changes += deadlines(old, new, notes)
        changes += schedule(old, new, notes)
        changes += quotas(old, new, notes)
        changes += items(.focusAreas, "重点领域", old.focusAreas, new.focusAreas, notes)
        changes += items(.eligibility, "申报条件", old.eligibility, new.eligibility, notes)
        changes += sections(old, new, notes)
        changes += directory(old, new, notes)
        changes += contacts(old, new, notes)
        changes += submission(old, new)
        changes += citations(old, new, notes)
        var summary: [String: Int] = [:]
        for change in changes { summary[change.kind.rawValue, default: 0] += 1 }
        return NoticeDiff(
            old: reference(old, path: oldPath), new: reference(new, path: newPath),
            changes: changes, summary: summary, notes: notes.lines)
    }

    static func reference(_ record: NoticeRecord, path: String?) -> NoticeReference {
        NoticeReference(
            path: path ?? record.source.path, title: record.title, issuer: record.issuer.name,
            campaignYear: record.campaignYear, docNumber: record.docNumber?.text)
    }

    // MARK: - Scalar fields

    /// The issuer and the addressees. The document number is not a rule (each year has its own) and
    /// is shown with each notice instead.
    static func header(_ old: NoticeRecord, _ new: NoticeRecord) -> [Change] {
        var result: [Change] = []
        func compare(_ subject: String, _ a: String?, _ b: String?, _ aSpan: SourceSpan?, _ bSpan: SourceSpan?) {
            guard (a.map(TextDiff.canonical) ?? []) != (b.map(TextDiff.canonical) ?? []) else { return }
            result.append(
                Change(
                    area: .header, kind: a == nil ? .added : b == nil ? .removed : .changed, subject: subject,
                    old: a, new: b, oldSpan: aSpan, newSpan: bSpan, similarity: nil, edits: []))
        }
        compare("issuer", old.issuer.name, new.issuer.name, old.issuer.span, new.issuer.span)
        compare(
            "addressees", old.addressees.joined(separator: "、"), new.addressees.joined(separator: "、"),
            old.elements.first { $0.kind == .addressee }?.span, new.elements.first { $0.kind == .addressee }?.span)
        return result
    }

    /// Deadlines pair by what is due and who acts; a due date that moved is a change of the date.
    static func deadlines(_ old: NoticeRecord, _ new: NoticeRecord, _ notes: Notes) -> [Change] {
        func subject(_ d: Deadline) -> String {
            [d.actor, d.action.map { "\($0) due date" } ?? "due date"].compactMap { $0 }.joined(separator: " ")
        }
        let pairs = pair(old.deadlines, new.deadlines, "deadlines", notes, text: \.text) { a, b in
            (a.actor == b.actor ? 2.0 : 0) + (a.action == b.action ? 1.0 : 0) + TextDiff.similarity(a.text, b.text)
        }
        return pairs.map { a, b in
            let kind: Change.Kind =
                a == nil
                ? .added : b == nil ? .removed : (a!.date == b!.date && a!.start == b!.start ? .unchanged : .changed)
            let describe = { (d: Deadline) in d.start.map { "\($0) – \(d.date)" } ?? d.date }
            return Change(
                area: .deadlines, kind: kind, subject: subject((b ?? a)!), old: a.map(describe), new: b.map(describe),
                oldSpan: a?.span, newSpan: b?.span, similarity: nil, edits: [])
        }
    }

    static func schedule(_ old: NoticeRecord, _ new: NoticeRecord, _ notes: Notes) -> [Change] {
        let pairs = pair(old.schedule, new.schedule, "schedule", notes, text: \.text) { a, b in
            TextDiff.similarity(a.text, b.text)
        }
        return pairs.map { a, b in
            let describe = { (s: ScheduleItem) in s.end.map { "\(s.date) – \($0)" } ?? s.date }
            let kind: Change.Kind =
                a == nil ? .added : b == nil ? .removed : (describe(a!) == describe(b!) ? .unchanged : .changed)
            return Change(
                area: .schedule, kind: kind, subject: event(of: (b ?? a)!.text), old: a.map(describe),
                new: b.map(describe), oldSpan: a?.span, newSpan: b?.span, similarity: nil, edits: [])
        }
    }

    /// What a schedule item is about: the first clause of its sentence with a few words left once
    /// its dates are taken out ("2022年7月至8月，中国质协将组织专家开展评审工作…" → "中国质协将组织专家开展评审工作").
    static func event(of text: String) -> String {
        let clauses = text.split(whereSeparator: { "，,；;。".contains($0) }).map { withoutDates(String($0)) }
        return clauses.first { $0.unicodeScalars.filter(\.isHan).count >= 4 } ?? ListExtractor.summary(of: text)
    }

    /// The text without its date expressions: runs that start with a digit and hold only digits and
    /// 年, 月, 日, 至, 到, 底, 中/上/下旬 (with a 于 just before them).
    static func withoutDates(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let dateScalars = Set("年月日号至到底旬上中下-—～~".unicodeScalars)
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i].isASCIIDigit else {
                out.append(scalars[i])
                i += 1
                continue
            }
            var end = i
            while end < scalars.count && (scalars[end].isASCIIDigit || dateScalars.contains(scalars[end])) { end += 1 }
            let run = scalars[i..<end]
            if run.contains("年") || run.contains("月") || run.contains("日") {
                if out.last == "于" { out.removeLast() }
                i = end
            } else {
                out.append(contentsOf: run)
                i = end
            }
        }
        return String(String.UnicodeScalarView(out)).trimmingSpaces()
    }

    static func quotas(_ old: NoticeRecord, _ new: NoticeRecord, _ notes: Notes) -> [Change] {
        let pairs = pair(old.quotas, new.quotas, "quotas", notes, text: \.text) { a, b in
            (a.appliesTo == b.appliesTo ? 2.0 : 0) + ((a.condition == nil) == (b.condition == nil) ? 1.0 : 0)
                + (a.condition.flatMap { c in b.condition.map { TextDiff.similarity(c, $0) } } ?? 0)
        }
        return pairs.map { a, b in
            let q = (b ?? a)!
            let subject =
                "quota of " + (q.appliesTo.isEmpty ? "each body" : q.appliesTo.joined(separator: "、"))
                + (q.condition.map { " (\($0))" } ?? "")
            let describe = { (q: Quota) in q.max.map { "\($0)\(q.unit)" } ?? "不限" }
            let kind: Change.Kind =
                a == nil ? .added : b == nil ? .removed : (describe(a!) == describe(b!) ? .unchanged : .changed)
            return Change(
                area: .quotas, kind: kind, subject: subject, old: a.map(describe), new: b.map(describe),
                oldSpan: a?.span, newSpan: b?.span, similarity: nil, edits: [])
        }
    }

    // MARK: - Lists matched by content

    /// Items matched by what they say, not where they stand: an item is unchanged, moved (the same
    /// words under another number), reworded (alike, with its edits) or added or removed.
    static func items(
        _ area: Change.Area, _ name: String, _ old: [ListItem], _ new: [ListItem], _ notes: Notes
    ) -> [Change] {
        func label(_ a: ListItem?, _ b: ListItem?) -> String {
            let numbers = [a?.number, b?.number].compactMap { $0 }
            let number =
                numbers.count == 2 && TextDiff.canonical(numbers[0]) != TextDiff.canonical(numbers[1])
                ? "\(numbers[0]) → \(numbers[1])" : numbers.first ?? ""
            return number.isEmpty ? name : "\(name) \(number)"
        }
        let matches = match(old.map(\.text), new.map(\.text), area.rawValue, notes, threshold: rewordedThreshold) {
            TextDiff.similarity(old[$0].text, new[$1].text)
        }
        return matches.map { i, j, similarity in
            let a = i.map { old[$0] }
            let b = j.map { new[$0] }
            guard let a, let b else {
                return Change(
                    area: area, kind: a == nil ? .added : .removed, subject: label(a, b), old: a?.text, new: b?.text,
                    oldSpan: a?.span, newSpan: b?.span, similarity: nil, edits: [])
            }
            let same = TextDiff.sameText(a.text, b.text)
            let kind: Change.Kind = same ? (a.index == b.index ? .unchanged : .moved) : .reworded
            return Change(
                area: area, kind: kind, subject: label(a, b), old: a.text, new: b.text, oldSpan: a.span,
                newSpan: b.span,
                similarity: same ? 1 : rounded(similarity), edits: same ? [] : TextDiff.edits(from: a.text, to: b.text))
        }
    }

    /// Sections aligned by meaning: by their headings or by what they contain, whichever is more
    /// alike, so a renumbered or retitled section ("全国质量标杆典型经验遴选" → "典型经验遴选",
    /// "大力推广…典型经验" → "现场分享" with the same paragraphs) is the same section. The same number
    /// at the same depth counts a little in favour.
    static func sections(_ old: NoticeRecord, _ new: NoticeRecord, _ notes: Notes) -> [Change] {
        struct Headed {
            var section: SectionRecord
            var depth: Int
            var content: String
        }
        func headed(_ sections: [SectionRecord], depth: Int = 0) -> [Headed] {
            sections.flatMap { section -> [Headed] in
                let own =
                    section.heading == nil
                    ? [] : [Headed(section: section, depth: depth, content: content(of: section))]
                return own + (depth < 1 ? headed(section.children, depth: depth + 1) : [])
            }
        }
        func content(of section: SectionRecord) -> String { section.text + section.children.map(content(of:)).joined() }
        func title(_ s: SectionRecord) -> String { "\(s.number ?? "")\(s.heading ?? "")" }
        let a = headed(old.sections)
        let b = headed(new.sections)
        let matches = match(
            a.map { title($0.section) }, b.map { title($0.section) }, "sections", notes, threshold: rewordedThreshold
        ) { i, j in
            let x = a[i]
            let y = b[j]
            var score = max(
                TextDiff.similarity(x.section.heading!, y.section.heading!),
                x.content.isEmpty || y.content.isEmpty ? 0 : TextDiff.similarity(x.content, y.content))
            if x.depth == y.depth, x.section.number.map(TextDiff.canonical) == y.section.number.map(TextDiff.canonical)
            {
                score += 0.1
            }
            if x.depth != y.depth { score -= 0.1 }
            return min(score, 1)
        }
        return matches.map { i, j, _ in
            let x = i.map { a[$0].section }
            let y = j.map { b[$0].section }
            guard let x, let y else {
                return Change(
                    area: .sections, kind: x == nil ? .added : .removed, subject: "section", old: x.map(title),
                    new: y.map(title), oldSpan: x?.span, newSpan: y?.span, similarity: nil, edits: [])
            }
            let sameHeading = TextDiff.sameText(x.heading!, y.heading!)
            let sameNumber = x.number.map(TextDiff.canonical) == y.number.map(TextDiff.canonical)
            let kind: Change.Kind = sameHeading ? (sameNumber ? .unchanged : .moved) : .renamed
            let numbers = sameNumber ? (y.number ?? "") : "\(x.number ?? "–") → \(y.number ?? "–")"
            // How alike the two are, as they were matched: by heading or by content.
            let similarity = max(
                TextDiff.similarity(x.heading!, y.heading!), TextDiff.similarity(content(of: x), content(of: y)))
            return Change(
                area: .sections, kind: kind, subject: "section \(numbers)".trimmingSpaces(), old: title(x),
                new: title(y),
                oldSpan: x.span, newSpan: y.span, similarity: sameHeading ? 1 : rounded(similarity),
                edits: sameHeading ? [] : TextDiff.edits(from: x.heading!, to: y.heading!))
        }
    }

    /// Units matched by name; of the rest, one in the same region and of the same kind (or, for a
    /// national body, with a name at least 0.6 alike) is the same body renamed
    /// ("山西省经济和信息化厅" → "山西省工业和信息化厅").
    static func directory(_ old: NoticeRecord, _ new: NoticeRecord, _ notes: Notes) -> [Change] {
        func subject(_ unit: DirectoryEntry) -> String { unit.region.map { "unit of \($0)" } ?? "unit" }
        var byName: [[Unicode.Scalar]: [Int]] = [:]
        for (j, unit) in new.directory.enumerated() { byName[TextDiff.canonical(unit.name), default: []].append(j) }
        var unmatchedOld: [Int] = []
        var result: [Change] = []
        for (i, unit) in old.directory.enumerated() {
            let key = TextDiff.canonical(unit.name)
            if let j = byName[key]?.first {
                byName[key]!.removeFirst()
                let b = new.directory[j]
                result.append(
                    Change(
                        area: .directory, kind: .unchanged, subject: subject(b), old: unit.name, new: b.name,
                        oldSpan: unit.span, newSpan: b.span, similarity: 1, edits: []))
            } else {
                unmatchedOld.append(i)
            }
        }
        var unmatchedNew = byName.values.flatMap { $0 }.sorted()
        let compareNames = unmatchedOld.count * unmatchedNew.count <= comparisonBudget
        if !compareNames {
            notes.add(
                "directory: \(unmatchedOld.count) old and \(unmatchedNew.count) new unit names differ, too many to look for renamed units"
            )
        }
        for i in unmatchedOld {
            let a = old.directory[i]
            let candidates =
                compareNames ? unmatchedNew.map { ($0, TextDiff.similarity(a.name, new.directory[$0].name)) } : []
            let sameRegion = candidates.filter {
                a.region != nil && new.directory[$0.0].region == a.region && new.directory[$0.0].kind == a.kind
            }
            let best = (sameRegion.isEmpty ? candidates.filter { $0.1 >= 0.6 } : sameRegion).max { $0.1 < $1.1 }
            if let (j, similarity) = best {
                unmatchedNew.removeAll { $0 == j }
                let b = new.directory[j]
                result.append(
                    Change(
                        area: .directory, kind: .renamed, subject: subject(b), old: a.name, new: b.name,
                        oldSpan: a.span, newSpan: b.span, similarity: rounded(similarity),
                        edits: TextDiff.edits(from: a.name, to: b.name)))
            } else {
                result.append(
                    Change(
                        area: .directory, kind: .removed, subject: subject(a), old: a.name, new: nil, oldSpan: a.span,
                        newSpan: nil, similarity: nil, edits: []))
            }
        }
        for j in unmatchedNew {
            let b = new.directory[j]
            result.append(
                Change(
                    area: .directory, kind: .added, subject: subject(b), old: nil, new: b.name, oldSpan: nil,
                    newSpan: b.span,
                    similarity: nil, edits: []))
        }
        return result
    }

    /// People, numbers, addresses and e-mail addresses that came or went.
    static func contacts(_ old: NoticeRecord, _ new: NoticeRecord, _ notes: Notes) -> [Change] {
        var result: [Change] = []
        func setChange(_ subject: String, _ a: [(String, SourceSpan?)], _ b: [(String, SourceSpan?)]) {
            result += membership(.contacts, subject, a, b, key: TextDiff.canonical)
        }
        setChange(
            "contact person", old.contacts.flatMap { c in c.names.map { ($0, c.span) } },
            new.contacts.flatMap { c in c.names.map { ($0, c.span) } })
        setChange(
            "phone", old.contacts.flatMap(\.phones).map { ($0.number, $0.span) },
            new.contacts.flatMap(\.phones).map { ($0.number, $0.span) })
        setChange(
            "e-mail", old.contacts.flatMap { c in c.emails.map { ($0, c.span) } },
            new.contacts.flatMap { c in c.emails.map { ($0, c.span) } })
        setChange(
            "postcode", old.contacts.compactMap { c in c.postcode.map { ($0, c.span) } },
            new.contacts.compactMap { c in c.postcode.map { ($0, c.span) } })
        let departmentPairs = pair(old.contacts, new.contacts, "contacts", notes, text: \.text) { a, b in
            TextDiff.similarity(a.department ?? "", b.department ?? "")
                + TextDiff.similarity(a.address ?? "", b.address ?? "")
        }
        for case let (a?, b?) in departmentPairs {
            for (subject, x, y) in [
                ("contact department", a.department, b.department), ("address", a.address, b.address),
            ] {
                guard let x, let y, !TextDiff.sameText(x, y) else { continue }
                result.append(
                    Change(
                        area: .contacts, kind: .reworded, subject: subject, old: x, new: y, oldSpan: a.span,
                        newSpan: b.span,
                        similarity: rounded(TextDiff.similarity(x, y)), edits: TextDiff.edits(from: x, to: y)))
            }
        }
        return result
    }

    /// Values compared as sets by a key: each old value is unchanged (a new value has its key) or
    /// removed; each new value whose key no old value has is added.
    static func membership<Key: Hashable>(
        _ area: Change.Area, _ subject: String, _ a: [(String, SourceSpan?)], _ b: [(String, SourceSpan?)],
        key: (String) -> Key
    ) -> [Change] {
        var result: [Change] = []
        var newByKey: [Key: (String, SourceSpan?)] = [:]
        for value in b where newByKey[key(value.0)] == nil { newByKey[key(value.0)] = value }
        let oldKeys = Set(a.map { key($0.0) })
        for (value, span) in a {
            if let kept = newByKey[key(value)] {
                result.append(
                    Change(
                        area: area, kind: .unchanged, subject: subject, old: value, new: kept.0, oldSpan: span,
                        newSpan: kept.1, similarity: 1, edits: []))
            } else {
                result.append(
                    Change(
                        area: area, kind: .removed, subject: subject, old: value, new: nil, oldSpan: span, newSpan: nil,
                        similarity: nil, edits: []))
            }
        }
        for (value, span) in b where !oldKeys.contains(key(value)) {
            result.append(
                Change(
                    area: area, kind: .added, subject: subject, old: nil, new: value, oldSpan: nil, newSpan: span,
                    similarity: nil, edits: []))
        }
        return result
    }

    /// Channels, forms, formats and naming rules that came or went.
    static func submission(_ old: NoticeRecord, _ new: NoticeRecord) -> [Change] {
        var result: [Change] = []
        func setChange(_ subject: String, _ a: [(String, SourceSpan)], _ b: [(String, SourceSpan)]) {
            result += membership(.submission, subject, a.map { ($0.0, $0.1) }, b.map { ($0.0, $0.1) }) { $0 }
        }
        func unique(_ values: [(String, SourceSpan)]) -> [(String, SourceSpan)] {
            var seen: [(String, SourceSpan)] = []
            for value in values where !seen.contains(where: { $0.0 == value.0 }) { seen.append(value) }
            return seen
        }
        let channel = { (c: Channel) in (c.kind.rawValue + (c.target.map { ": \($0)" } ?? ""), c.span) }
        setChange("channel", unique(old.submission.channels.map(channel)), unique(new.submission.channels.map(channel)))
        setChange(
            "file format", unique(old.submission.fileFormats.map { ($0.format, $0.span) }),
            unique(new.submission.fileFormats.map { ($0.format, $0.span) }))
        let material = { (m: Material) in ((m.form ?? "copies") + (m.copies.map { " ×\($0)" } ?? ""), m.span) }
        setChange(
            "materials", unique(old.submission.materials.map(material)), unique(new.submission.materials.map(material)))
        setChange(
            "naming rule", unique(old.submission.naming.map { ("\($0.target.rawValue): \($0.pattern)", $0.span) }),
            unique(new.submission.naming.map { ("\($0.target.rawValue): \($0.pattern)", $0.span) }))
        return result
    }

    /// Cited documents that came, went or changed. The same document cited by a shorter or longer
    /// title ("关于…实施意见" / "工业和信息化部关于…实施意见") is unchanged; a title at least 0.6 alike
    /// with another year or number ("…2020年工业质量品牌建设工作的通知" → "…2022年…") is the
    /// document's successor, a change. The notice's own attachments are left out.
    static func citations(_ old: NoticeRecord, _ new: NoticeRecord, _ notes: Notes) -> [Change] {
        let a = old.citations.filter { $0.attachmentIndex == nil }
        let b = new.citations.filter { $0.attachmentIndex == nil }
        func name(_ c: Citation) -> String {
            [c.title.map { "《\($0)》" }, c.docNumber.map { "（\($0)）" }].compactMap { $0 }.joined()
        }
        func sameDocument(_ x: Citation, _ y: Citation) -> Bool {
            if let m = x.docNumber, let n = y.docNumber { return TextDiff.sameText(m, n) }
            guard let s = x.title, let t = y.title else { return false }
            let cs = String(String.UnicodeScalarView(TextDiff.canonical(s)))
            let ct = String(String.UnicodeScalarView(TextDiff.canonical(t)))
            return cs.hasSuffix(ct) || ct.hasSuffix(cs)
        }
        let matches = match(a.map(name), b.map(name), "citations", notes, threshold: 0.6) { i, j in
            sameDocument(a[i], b[j])
                ? 1 : TextDiff.similarity(a[i].title ?? a[i].docNumber ?? "", b[j].title ?? b[j].docNumber ?? "")
        }
        return matches.map { i, j, similarity in
            let x = i.map { a[$0] }
            let y = j.map { b[$0] }
            let subject = "cited document"
            guard let x, let y else {
                return Change(
                    area: .citations, kind: x == nil ? .added : .removed, subject: subject, old: x.map(name),
                    new: y.map(name),
                    oldSpan: x?.span, newSpan: y?.span, similarity: nil, edits: [])
            }
            let same = sameDocument(x, y)
            return Change(
                area: .citations, kind: same ? .unchanged : .changed, subject: subject, old: name(x), new: name(y),
                oldSpan: x.span, newSpan: y.span, similarity: rounded(similarity),
                edits: same ? [] : TextDiff.edits(from: name(x), to: name(y)))
        }
    }

    // MARK: - Matching

    /// Pairs compared by similarity at most, per list: beyond it (a hostile input with thousands of
    /// items) only items with the same text are matched, and the diff says so in its notes.
    static let comparisonBudget = 250_000

    /// Pairs two lists: first items with the same text (in comparison form), then the rest greedily
    /// by a score, best pairs first; what is left is added or removed. The result follows the new
    /// list's order, removed items after.
    static func pair<T>(
        _ a: [T], _ b: [T], _ what: String, _ notes: Notes, text: (T) -> String,
        score: (T, T) -> Double
    ) -> [(T?, T?)] {
        match(a.map(text), b.map(text), what, notes, threshold: .leastNonzeroMagnitude) { score(a[$0], b[$1]) }
            .map { i, j, _ in (i.map { a[$0] }, j.map { b[$0] }) }
    }

    /// Matches two lists: items with the same text (in comparison form) first, then the rest by a
    /// score (at least `threshold`), best pairs first, ties to the pair nearest in position:
    /// (old index, new index, score), in the new list's order, removed ones after.
    static func match(
        _ old: [String], _ new: [String], _ what: String, _ notes: Notes, threshold: Double,
        score: (Int, Int) -> Double
    ) -> [(Int?, Int?, Double)] {
        var matchOf: [Int: (Int, Double)] = [:]
        var usedOld = Set<Int>()
        var byText: [[Unicode.Scalar]: [Int]] = [:]
        for (j, text) in new.enumerated() { byText[TextDiff.canonical(text), default: []].append(j) }
        for (i, text) in old.enumerated() {
            let key = TextDiff.canonical(text)
            // The nearest in position of the new items with this text.
            guard let candidates = byText[key], let j = candidates.min(by: { abs($0 - i) < abs($1 - i) }) else {
                continue
            }
            byText[key]!.removeAll { $0 == j }
            matchOf[j] = (i, score(i, j))
            usedOld.insert(i)
        }
        let restOld = old.indices.filter { !usedOld.contains($0) }
        let restNew = new.indices.filter { matchOf[$0] == nil }
        if restOld.count * restNew.count > comparisonBudget {
            notes.add(
                "\(what): \(restOld.count) old and \(restNew.count) new items differ in their text, too many to compare by similarity; only items with the same text are matched"
            )
        } else {
            var candidates: [(Int, Int, Double)] = []
            for i in restOld { for j in restNew { candidates.append((i, j, score(i, j))) } }
            candidates.sort { $0.2 > $1.2 || ($0.2 == $1.2 && abs($0.0 - $0.1) < abs($1.0 - $1.1)) }
            for (i, j, s) in candidates where s >= threshold && !usedOld.contains(i) && matchOf[j] == nil {
                usedOld.insert(i)
                matchOf[j] = (i, s)
            }
        }
        var result: [(Int?, Int?, Double)] = new.indices.map { j in (matchOf[j]?.0, j, matchOf[j]?.1 ?? 0) }
        result += old.indices.filter { !usedOld.contains($0) }.map { ($0, nil, 0) }
        return result
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}

/// What a diff could not do in full, said in its output.
final class Notes {
    private(set) var lines: [String] = []
    func add(_ line: String) { lines.append(line) }
}
