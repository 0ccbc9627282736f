/// The directory of units and the contacts: a unit matched by name and region, a person by name.
extension NoticeDiffer {
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
}
