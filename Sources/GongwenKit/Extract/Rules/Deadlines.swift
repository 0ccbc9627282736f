import Foundation

/// Due dates and the schedule, from the sentences of the body.
package enum DeadlineExtractor {
    static let actions = ["报送", "申报", "提交", "发送", "报名", "上报", "递交", "寄送", "完成"]
    static let actionList = WordList(actions)
    /// Where 申报 stands in `actions`.
    static let applyIndex = actionList.index(of: "申报")
    /// 申报 followed by these is a noun (申报材料, 申报企业), not the act of applying.
    static let nounsAfterApply = ["材料", "书", "表", "企业", "单位", "编号", "系统", "页面", "入口", "工作", "流程", "条件", "要求"]
    /// The same nouns, looked for at once after a 申报 (each noun's string read at each 申报 was most of the
    /// 4,686 prefix tests of 300 notices' verbs).
    static let nounAfterApplyList = WordList(nounsAfterApply)
    static let windowLabels = ["申报时间", "报名时间", "受理时间", "提交时间", "报送时间", "申报日期", "征集时间", "公示期", "公示时间", "公示日期"]
    static let windowLabelList = WordList(windowLabels)
    static let modalEndings = ["应当", "务必", "必须", "需要", "应", "须", "需", "要", "可", "请"]
    /// What a step's subject ends with before its verb ("我厅将", "省经信委拟"): made once, not for each date.
    static let stepEndings = ["将", "拟", "计划", "预计"] + modalEndings

    package static func extract(
        _ sentences: [Sentence], context: ExtractionContext
    ) -> (deadlines: [Deadline], schedule: [ScheduleItem]) {
        var deadlines: [Deadline] = []
        var deadlineIndex = SmallIndex<DeadlineKey>()  // each deadline's key, at its position in `deadlines`
        var lastSentenceQuoted: [Int] = []  // for each deadline, the sentence its text or last mention quotes
        var schedule: [ScheduleItem] = []
        // (A sentence is read in place, `sentences[sentenceNumber]`, and copied out only when it holds a
        // date: a copy of each was a retain and a release.)
        for sentenceNumber in sentences.indices
        where !sentences[sentenceNumber].triggers.isDisjoint(with: [.month, .numericDate]) {
            let expressions = DateExpressions.scan(
                sentences[sentenceNumber].line, triggers: sentences[sentenceNumber].triggers)
            guard !expressions.isEmpty else { continue }
            let sentence = sentences[sentenceNumber]
            let line = sentence.line
            // What each date expression asks of its sentence, found once for the sentence: a sentence
            // with thousands of dates must not be read again for each.
            let firstWindowLabel = windowLabelList.firstPosition(in: line)
            let firstDueLabel = ["截止", "截至"].compactMap { line.firstIndex(of: $0) }.min()
            let verbs = verbPositions(in: line)
            lazy var sentenceSubject = SentenceSubject.find(line)
            for expression in expressions {
                let span = line.span(expression.range)
                let windowLabel = firstWindowLabel.map { $0 < expression.range.lowerBound } ?? false
                let dueLabel = firstDueLabel.map { $0 < expression.range.lowerBound } ?? false
                let ownStep = isIssuersOwnStep(subject(before: expression.range.lowerBound, in: line), context: context)
                let isDeadline =
                    !expression.isRecurring && !ownStep
                    && (expression.isDue || dueLabel
                        || (expression.start != nil && (windowLabel || submittedWithin(expression.range, verbs, line))))
                guard
                    let end = resolve(
                        expression.end, after: expression.start, context: context, clampToSigning: isDeadline)
                else { continue }
                let start = expression.start.flatMap {
                    resolve($0, after: nil, context: context, clampToSigning: false)
                }
                if isDeadline {
                    let precision: Deadline.Precision =
                        expression.isMonthEnd ? .monthEnd : (end.day == nil ? .month : .day)
                    let actor = actor(before: expression.range.lowerBound, in: line, subjectOfSentence: sentenceSubject)
                    let date = format(end, monthEnd: expression.isMonthEnd)
                    let key = DeadlineKey(date: ExactText(date), actor: actor.map(ExactText.init))
                    if let same = deadlineIndex.position(of: key) {
                        // A sentence already quoted just before is not copied again.
                        let quoted = lastSentenceQuoted[same] == sentenceNumber
                        deadlines[same].mentions.append(
                            Mention(text: quoted ? nil : sentence.quote(expression.range), span: span))
                        lastSentenceQuoted[same] = sentenceNumber
                    } else {
                        deadlineIndex.append(key)
                        lastSentenceQuoted.append(sentenceNumber)
                        deadlines.append(
                            Deadline(
                                date: date, start: start.map { format($0, monthEnd: false) },
                                time: expression.timeOfDay, precision: precision,
                                action: action(verbs, after: expression.range, windowLabel: windowLabel),
                                actor: actor, text: sentence.quote(expression.range), span: span, mentions: []))
                    }
                } else {
                    schedule.append(
                        ScheduleItem(
                            date: format(start ?? end, monthEnd: false),
                            end: start == nil ? nil : format(end, monthEnd: false),
                            text: sentence.quote(expression.range), span: span))
                }
            }
        }
        deadlines.sort { $0.date < $1.date }
        return (deadlines, schedule)
    }

    /// One deadline per date and actor: later sentences that give the same are its mentions.
    /// (Compared and hashed by their bytes, `ExactText`: a `String` key hashed the actor's Chinese name
    /// scalar by scalar, normalizing it.)
    struct DeadlineKey: Hashable {
        var date: ExactText
        var actor: ExactText?
    }

    /// Fills in a missing year: from the window's start, else the notice's year; a window that ends
    /// in an earlier month than it starts crosses a year end, and a due date cannot fall before the
    /// notice was signed.
    static func resolve(
        _ date: WrittenDate, after start: WrittenDate?, context: ExtractionContext, clampToSigning: Bool
    ) -> (year: Int, month: Int, day: Int?)? {
        if let year = date.year { return (year, date.month, date.day) }
        if let start, let startYear = start.year ?? context.year {
            return (date.month < start.month ? startYear + 1 : startYear, date.month, date.day)
        }
        guard var year = context.year else { return nil }
        if clampToSigning, let signed = context.signedOn,
            (year, date.month, date.day ?? DateScanner.daysIn(month: date.month, year: year)) < (
                signed.year, signed.month, signed.day
            )
        {
            year += 1
        }
        return (year, date.month, date.day)
    }

    static func format(_ date: (year: Int, month: Int, day: Int?), monthEnd: Bool) -> String {
        if let day = date.day { return ISODate.string(year: date.year, month: date.month, day: day) }
        if monthEnd {
            return ISODate.string(
                year: date.year, month: date.month, day: DateScanner.daysIn(month: date.month, year: date.year))
        }
        return ISODate.string(year: date.year, month: date.month)
    }

    /// "省经信委于6月23日前完成评估论证", "我厅将于…": the issuer itself is the one to act, so the date
    /// is its own step towards its superior, not a due date of the notice's recipients.
    static func isIssuersOwnStep(_ subject: String?, context: ExtractionContext) -> Bool {
        guard var actor = subject, !actor.hasPrefix("各"), !actor.hasPrefix("有关") else { return false }
        // (The endings read by index: `for word in stepEndings` held a copy of the list, retained and released at
        // each call — on two cores, by both threads.)
        let endings = stepEndings
        for k in endings.indices where actor.hasSuffix(endings[k]) && actor.count > endings[k].count {
            actor = String(actor.dropLast(endings[k].count))
        }
        if SentenceSubject.selfReferences.contains(where: { actor.hasPrefix($0) }) { return true }
        // A short form of the issuer's own name: 省经信委 for 江苏省经济和信息化委员会.
        guard let issuer = context.issuerName, let level = ["省", "市", "区", "县"].first(where: { actor.hasPrefix($0) }),
            actor.unicodeScalars.count <= 6, let last = actor.unicodeScalars.last
        else { return false }
        let issuerLevel = level == "省" ? Issuer.Level.provincial : .municipal
        return context.issuerLevel == issuerLevel && issuer.unicodeScalars.contains(last)
            && (issuer.hasSuffix(String(last)) || issuer.hasSuffix("委员会") && last == "委")
    }

    /// The words from the clause's start to the "于" before the date: who acts, as written.
    static func subject(before index: Int, in line: TextLine) -> String? {
        subjectWords(before: index, in: line).flatMap { $0.isEmpty ? nil : $0.text }
    }

    /// The longest subject looked for: a body's name is far shorter. (Walking back further, for each of
    /// a thousand dates in one endless clause, was quadratic.)
    static let longestSubject = 100

    /// The words between the clause's start and a "于" right before `index`; nil when no 于 stands there
    /// or the clause runs back further than `longestSubject` characters.
    static func subjectWords(before index: Int, in line: TextLine) -> TextLine? {
        var end = index
        while end > 0, index - end < longestSubject, line.scalars[end - 1].isLineSpace { end -= 1 }
        guard end > 0, line.scalars[end - 1] == "于" else { return nil }
        end -= 1
        var start = end
        let clauseEnds = ScalarSet.clausePunctuation  // (read once, not at each scalar)
        while start > 0, !clauseEnds.contains(line.scalars[start - 1]) {
            start -= 1
            if end - start > longestSubject { return nil }
        }
        return line[start..<end].trimmed()
    }

    /// Verbs of handing something in: a window followed by one is the time to do it, due at its end.
    static let submissionVerbs: Set<String> = ["报送", "申报", "提交", "报名", "上报", "递交", "寄送", "发送"]

    /// How far after a window its verb may stand ("5月10日至5月20日期间登录系统申报": 8 characters).
    static let windowVerbReach = 12

    /// Whether a window is followed, in the same clause and within `windowVerbReach` characters, by a verb of
    /// handing something in: "请于5月10日至5月20日报送", "于2023年5月10日至5月20日期间登录系统申报". (Not an
    /// event's window — "7月至8月组织专家评审" — nor one whose verb is 完成, which the issuer's own steps use.)
    static func submittedWithin(_ range: Range<Int>, _ verbs: [(position: Int, verb: String)], _ line: TextLine) -> Bool
    {
        guard let index = firstVerb(verbs, atOrAfter: range.upperBound) else { return false }
        let next = verbs[index]
        guard submissionVerbs.contains(next.verb), next.position - range.upperBound <= windowVerbReach else {
            return false
        }
        return !line.scalars[range.upperBound..<next.position].contains { "，。；,;".unicodeScalars.contains($0) }
    }

    /// The verb after the date ("于8月30日前报送我局" → 报送), or before it ("截止申报").
    static func action(_ verbs: [(position: Int, verb: String)], after range: Range<Int>, windowLabel: Bool) -> String?
    {
        if let index = firstVerb(verbs, atOrAfter: range.upperBound) { return verbs[index].verb }
        if windowLabel { return "申报" }
        return verbs.first.flatMap { $0.position < range.lowerBound ? $0.verb : nil }
    }

    /// The index of the first verb at or after `position`, by binary search over the positions (a sentence with
    /// thousands of dates must not be read again for each).
    static func firstVerb(_ verbs: [(position: Int, verb: String)], atOrAfter position: Int) -> Int? {
        var low = 0
        var high = verbs.count
        while low < high {
            let middle = (low + high) / 2
            if verbs[middle].position < position { low = middle + 1 } else { high = middle }
        }
        return low < verbs.count ? low : nil
    }

    /// Where the action verbs of a line stand, in order, skipping 申报 where it modifies a noun.
    static func verbPositions(in line: TextLine) -> [(position: Int, verb: String)] {
        var found: [(position: Int, verb: String)] = []
        var i = 0
        while i < line.count {
            // Most positions begin no verb: passed over with one bit test, before the line is handed on.
            guard actionList.mayBegin(with: line.scalars[i]) else {
                i += 1
                continue
            }
            let verb = actionList.firstMatch(at: i, in: line) { index -> String? in
                // (申报 told by its index in the list: compared as strings, each verb found took 400 instructions.)
                let after = i + actionList.length(index)
                if index == applyIndex, nounAfterApplyList.firstMatch(at: after, in: line) != nil {
                    return nil
                }
                return actions[index]
            }
            if let verb { found.append((i, verb)) }
            i += 1
        }
        return found
    }

    /// The body that must act: the words before "于" + date, from the clause start (or after 请),
    /// when they name a body ("各市工信局", "申报企业应" → 申报企业).
    static func actor(before index: Int, in line: TextLine, subjectOfSentence: @autoclosure () -> String?) -> String? {
        guard var words = subjectWords(before: index, in: line) else { return nil }
        if let marker = OutlineMarker.parse(words) { words = words[marker.contentStart..<words.count] }
        if let please = words.firstIndex(of: "请") { words = words[(please + 1)..<words.count] }
        var changed = true
        while changed {
            changed = false
            for modal in modalEndings where words.hasSuffix(modal) && words.count > modal.unicodeScalars.count {
                words = words[0..<(words.count - modal.unicodeScalars.count)]
                changed = true
            }
        }
        if words.isEmpty { return subjectOfSentence() }  // "请各市工信局…，于5月15日前…"
        return SentenceSubject.isBody(words) ? words.text : nil
    }
}
