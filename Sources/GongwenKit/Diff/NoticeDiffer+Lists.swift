/// Quotas, the numbered lists (focus areas, eligibility) and the sections of the body, matched by what they say.
extension NoticeDiffer {
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
}
