/// Due dates and the schedule: a deadline is matched by its action and actor, a schedule item by its event.
extension NoticeDiffer {
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
        return String(scalars: out).trimmingSpaces()
    }
}
