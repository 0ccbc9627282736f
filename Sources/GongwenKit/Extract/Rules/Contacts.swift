/// Contact blocks, from the 联系方式 section, from labelled fields anywhere in the body
/// ("联系人：市工信局技术处廖世清，联系电话：83258376", "…投诉联系人：张斌 投诉联系电话：88102084"), and
/// from the notes around the signature ("（联系人：房钦、刘笑，电话：020-83135943、83387376）").
///
/// Each line is cut into tokens — labels, phone numbers, e-mail addresses, runs of Han characters,
/// separators — and the tokens are read in order: a name is a person's when a 联系人 label stands
/// before it, or when it opens with a surname and a phone number or a phone label follows it. A
/// number with an area code, a mobile or a 400 number is a phone wherever it stands; a local
/// number only under a phone label, in a list after another phone, or right after a name.
package enum ContactExtractor {
    enum Field {
        case department, person, phone, fax, email, address, postcode
    }

    /// Labels, longest first so that 联系电话 wins over 电话.
    static let labels: [(String, Field)] = [
        ("联系人及联系方式", .person), ("联系人和联系方式", .person), ("联系人及联系电话", .person), ("联系人及方式", .person),
        ("联系人及电话", .person), ("联系人和电话", .person), ("联系人及手机", .person), ("电话和传真", .phone), ("电话及传真", .phone),
        ("传真电话", .fax), ("传真号码", .fax), ("联系传真", .fax), ("电话号码", .phone), ("联系手机", .phone), ("移动电话", .phone),
        ("联系邮箱", .email), ("电子信箱", .email), ("邮件地址", .email),
        ("联系部门", .department), ("联系单位", .department), ("联系处室", .department), ("联系科室", .department), ("联系人", .person),
        ("联系方式", .phone), ("联系电话", .phone), ("咨询电话", .phone), ("办公电话", .phone), ("监督电话", .phone), ("举报电话", .phone),
        ("固定电话", .phone), ("手机号码", .phone), ("手机", .phone), ("座机", .phone), ("电话", .phone), ("传真", .fax),
        ("电子邮箱", .email), ("电子邮件", .email), ("邮箱", .email), ("Email", .email), ("E-mail", .email), ("email", .email),
        ("邮寄地址", .address), ("通讯地址", .address), ("通信地址", .address), ("联系地址", .address), ("报送地址", .address),
        ("地址", .address),
        ("邮政编码", .postcode), ("邮编", .postcode),
    ]

    package static func extract(
        _ body: [Section], closing: [NormalizedLine] = [], context: ExtractionContext
    ) -> [Contact] {
        var builder = Builder(areaCode: AreaCodes.code(forIssuer: context.issuerName, level: context.issuerLevel))
        walk(body, inContactSection: false, builder: &builder)
        for line in closing { builder.read(line.line, inContactSection: true) }
        builder.finish()
        return builder.contacts
    }

    private static func walk(_ sections: [Section], inContactSection: Bool, builder: inout Builder) {
        // (Each section and each of its lines read where it stands: the loops' own copies of them were
        // retained and released, a section's four times.)
        for index in sections.indices {
            let headedContacts = sections[index].heading?.contains("联系") ?? false
            let isContactSection = inContactSection || headedContacts
            let lines = sections[index].lines
            for k in lines.indices {
                guard k == lines.startIndex else {
                    builder.read(lines[k].line, inContactSection: isContactSection)
                    continue
                }
                // The numbered line after its number; none when it is the heading that names the contacts.
                if headedContacts { continue }
                if let marker = sections[index].marker {
                    builder.read(
                        lines[k].line[marker.contentStart..<lines[k].line.count], inContactSection: isContactSection)
                } else {
                    builder.read(lines[k].line, inContactSection: isContactSection)
                }
            }
            if !sections[index].children.isEmpty {  // (a leaf's empty array is not retained for a call)
                walk(sections[index].children, inContactSection: isContactSection, builder: &builder)
            }
        }
    }

    /// A piece of a line, as the contact reader sees it.
    enum Token {
        case label(Field)
        case phone(digits: String, extension: String?, hasAreaCode: Bool, range: Range<Int>)
        case email(String)
        /// A run of Han characters, ended by punctuation, a digit, a label or a gap in the input.
        case han(TextLine)
        /// , 、 / brackets and gaps: the parts of one field.
        case softBreak
        /// ；。: the end of a field.
        case hardBreak
        case other
    }

    struct Builder {
        let areaCode: String?
        var contacts: [Contact] = []
        var current: Contact?
        var lines: [TextLine] = []
        /// The line being read: a contact that ends within it ("联系人：甲，电话：1；乙，电话：2") came from it.
        var reading: TextLine?
        /// Where in the line being read the token being read stands, and the words of that line the
        /// current contact was read from: a long line of many contacts is quoted in part for each.
        var tokenRange: Range<Int>?
        var contactRange: Range<Int>?
        /// The names of the current contact (a few), for a name read twice to be kept once (by their bytes:
        /// hashed as strings, each name of a normalized line, in NFC, was normalized again).
        var currentNames = SmallSet<ExactText>()

        init(areaCode: String?) { self.areaCode = areaCode }

        mutating func read(_ line: TextLine, inContactSection: Bool) {
            guard inContactSection || ContactExtractor.mayHoldContact(line) else { return }
            reading = line
            contactRange = nil  // a contact read on from an earlier line keeps its lines whole
            defer {
                reading = nil
                tokenRange = nil
            }
            let (tokens, starts) = ContactExtractor.tokens(of: line)
            guard
                tokens.contains(where: { token in
                    switch token {
                    case .label, .email: return true
                    case let .phone(_, _, hasAreaCode, _): return hasAreaCode || inContactSection
                    default: return false
                    }
                }) || inContactSection
            else { return }
            var field: Field?
            var used = false
            var lastAreaCode: String?
            var k = 0
            while k < tokens.count {
                tokenRange = starts[k]..<(k + 1 < starts.count ? starts[k + 1] : line.count)
                switch tokens[k] {
                case let .label(kind):
                    field = kind
                    if kind == .person, !(current?.names.isEmpty ?? true) { finish() }
                    if kind == .department, current?.department != nil || !(current?.names.isEmpty ?? true) { finish() }
                case .hardBreak:
                    field = nil
                case .softBreak, .other:
                    break
                case let .email(address):
                    edit { $0.emails.append(address) }
                    used = true
                case let .phone(digits, ext, hasAreaCode, range):
                    let listed =
                        field == .phone || field == .fax || field == .person
                        || ContactExtractor.previousIsPhoneOrName(tokens, before: k)
                    guard
                        hasAreaCode || digits.count == 11 && digits.hasPrefix("1") || digits.hasPrefix("400") || listed,
                        field != .postcode
                    else { break }
                    let fax =
                        field == .fax || line.hasPrefix("(传真)", at: range.upperBound)
                        || line.hasPrefix("（传真）", at: range.upperBound)
                    let local = hasAreaCode ? nil : (lastAreaCode ?? areaCode)
                    if let phone = ContactExtractor.phone(
                        digits: digits, extension: ext, fax: fax, areaCode: local, span: line.span(range))
                    {
                        edit { $0.phones.append(phone) }
                        used = true
                        if hasAreaCode, let dash = phone.number.firstIndex(of: "-"), phone.kind != .tollFree {
                            lastAreaCode = String(phone.number[..<dash])
                        }
                    }
                case let .han(words):
                    switch field {
                    case .person:
                        // Singles spaced apart ("刘 培") and department-name pairs are read together.
                        var end = k + 1
                        while end < tokens.count, case .han = tokens[end] { end += 1 }
                        used = readLabelledPeople(ContactExtractor.hanRun(tokens[k..<end])) || used
                        k = end - 1
                    case .department:
                        edit { $0.department = words.text }
                        used = true
                    case .address:
                        break  // read whole below, digits and all
                    default:
                        if let end = readUnlabelledName(tokens, at: k, field: field, inContactSection: inContactSection)
                        {
                            used = true
                            k = end - 1
                        }
                    }
                }
                k += 1
            }
            // (A line is read for an address or a postcode only when its tokens hold that label: each read
            // was a pass over the line, and every address and postcode it finds stands after a label the
            // tokens hold.)
            let labels = ContactExtractor.labelKinds(in: tokens)
            if labels.address, let address = ContactExtractor.address(in: line) {
                edit { $0.address = address }
                used = true
            }
            if labels.postcode, let postcode = ContactExtractor.postcode(in: line) {
                edit { $0.postcode = postcode }
                used = true
            }
            if used || (current != nil && field != nil) { lines.append(line) }
        }

        /// The people after a 联系人 label; whether any was read.
        private mutating func readLabelledPeople(_ run: [TextLine]) -> Bool {
            let (department, names) = ContactExtractor.people(run)
            guard !names.isEmpty || department != nil else { return false }
            let new = names.filter { !currentNames.contains(ExactText($0)) }
            for name in new { currentNames.insert(ExactText(name)) }
            edit { contact in
                if contact.department == nil { contact.department = department }
                contact.names += new
            }
            return !names.isEmpty
        }

        /// A name with no label: a surname, then a phone number or a phone label ("杨开松 86220122");
        /// in a 联系方式 section, a line of a department and a name alone ("福建省工信厅科技处 陈恒"), or a
        /// department alone, which opens the next block. Returns the index after what it read, or nil.
        private mutating func readUnlabelledName(
            _ tokens: [Token], at k: Int, field: Field?, inContactSection: Bool
        ) -> Int? {
            guard case let .han(words) = tokens[k] else { return nil }
            var end = k + 1
            while end < tokens.count, case let .han(next) = tokens[end], next.count == 1, words.count == 1 { end += 1 }
            let alone =
                inContactSection && field == nil
                && tokens.allSatisfy { token in
                    switch token {
                    case .han, .softBreak: return true
                    default: return false
                    }
                }
            if alone { end = tokens.count }
            guard alone || ContactExtractor.phoneFollows(tokens, after: end - 1) else { return nil }
            let (department, names) = ContactExtractor.people(ContactExtractor.hanRun(tokens[k..<end]))
            guard let name = names.last, PersonNames.hasSurname(name) else {
                guard let department, field == nil, inContactSection else { return nil }
                if let existing = current,
                    existing.department != nil || !existing.phones.isEmpty || !existing.names.isEmpty
                {
                    finish()
                }
                edit { $0.department = department }
                return end
            }
            if let existing = current, !existing.names.isEmpty, !existing.phones.isEmpty { finish() }
            edit { contact in
                if let department { contact.department = department }
                contact.names.append(name)
            }
            currentNames.insert(ExactText(name))
            return end
        }

        /// Changes the contact being read, opening one when none is.
        private mutating func edit(_ change: (inout Contact) -> Void) {
            // (Taken, not copied: the contact alone holds its lists, and appending to them does not copy them;
            // `current ?? …` and then `current = nil` retained and released each of its lists and strings.)
            var contact =
                current.take()
                ?? Contact(
                    names: [], department: nil, phones: [], emails: [], address: nil, postcode: nil, text: "",
                    span: SourceSpan(start: SourcePoint(line: 1, column: 1), end: SourcePoint(line: 1, column: 1)))
            change(&contact)
            current = contact
            if let token = tokenRange {
                contactRange =
                    contactRange.map { min($0.lowerBound, token.lowerBound)..<max($0.upperBound, token.upperBound) }
                    ?? token
            }
        }

        mutating func finish() {
            if lines.isEmpty, let reading { lines = [reading] }
            // (Taken, not copied, and none is open after: whether or not it is kept.)
            if let contact = current.take(), !lines.isEmpty,
                !contact.names.isEmpty || !contact.phones.isEmpty || !contact.emails.isEmpty || contact.address != nil
            {
                contacts.append(quoting(contact))
            }
            lines = []
            contactRange = nil
            currentNames = SmallSet()
        }

        /// `contact` with its text and span: the lines it was read from. (Given back, not changed in a
        /// variable: a variable's contact was copied into the list, and the variable's let go.)
        private func quoting(_ contact: consuming Contact) -> Contact {
            if lines.count == 1, let words = contactRange, let line = lines.first, line.count > Sentence.longestQuote {
                // One line of many contacts: each quotes its own words with some context, not the line.
                let quoted = Sentence.quoteRange(words, in: line.count)
                contact.text =
                    (quoted.lowerBound > 0 ? "…" : "") + line[quoted].text + (quoted.upperBound < line.count ? "…" : "")
                contact.span = line.span(quoted)
            } else {
                contact.text = String(joining: lines, separator: "\n")  // (no string made for each line)
                if let span = SourceSpan.covering(lines.compactMap(\.span)) { contact.span = span }
            }
            return consume contact
        }
    }

    /// The tokens of a line, left to right, and where each starts in the line.
    static func tokens(of line: TextLine) -> (tokens: [Token], starts: [Int]) {
        let s = line.scalars
        let emailRanges = emailMatches(in: line)  // in order, not overlapping
        var nextEmail = 0
        var tokens: [Token] = []
        var starts: [Int] = []
        // A line gives at most a token a scalar: room for them is made at once (up to a bound, for the
        // rare endless line), not by doubling from one, which was five or six allocations a line.
        tokens.reserveCapacity(min(s.count, 256))
        starts.reserveCapacity(min(s.count, 256))
        var i = 0
        // (Asked at each character of each Han run, a label look-up was a fifth of the tokenizer.)
        let labels = labelList  // (read once, not at each position: a constant's every read checks it was made)
        func labelAt(_ i: Int) -> (Field, Int)? { label(at: i, in: line, listedIn: labels) }
        // Where the input had white space that normalization took out, in order, and the next of them not yet
        // passed (the positions read only go forward): asked at each character of a Han run, `hadGap` looked
        // up two source points among the line's runs.
        let gaps = line.gapPositions
        var nextGap = 0
        func hadGap(before j: Int) -> Bool {
            while nextGap < gaps.count, gaps[nextGap] < j { nextGap += 1 }
            return nextGap < gaps.count && gaps[nextGap] == j
        }
        while i < s.count {
            while nextEmail < emailRanges.count, emailRanges[nextEmail].range.upperBound <= i { nextEmail += 1 }
            if nextEmail < emailRanges.count, emailRanges[nextEmail].range.lowerBound <= i {
                let email = emailRanges[nextEmail]
                if email.range.lowerBound == i {
                    starts.append(i)
                    tokens.append(.email(email.address))
                    i = email.range.upperBound
                } else {
                    i += 1
                }
                continue
            }
            starts.append(i)  // each branch below reads one token
            if let (field, next) = labelAt(i) {
                tokens.append(.label(field))
                i = next
                continue
            }
            let c = s[i]
            if c.isASCIIDigit || (c == "（" || c == "(") && i + 1 < s.count && s[i + 1] == "0" {
                let (token, next) = number(at: i, in: line)
                tokens.append(token)
                i = max(next, i + 1)
                continue
            }
            if c.isHan {
                var j = i + 1
                while j < s.count, s[j].isHan, !hadGap(before: j), labelAt(j) == nil { j += 1 }
                tokens.append(.han(line[i..<j]))
                i = j
                continue
            }
            if hardBreaks.contains(c) {
                tokens.append(.hardBreak)
            } else if softBreaks.contains(c) || c.isLineSpace {
                tokens.append(.softBreak)
            } else {
                tokens.append(.other)
            }
            i += 1
        }
        return (tokens, starts)
    }

    /// Whether `tokens` hold an address label and a postcode label.
    static func labelKinds(in tokens: [Token]) -> (address: Bool, postcode: Bool) {
        var kinds = (address: false, postcode: false)
        for token in tokens {
            guard case let .label(field) = token else { continue }
            if field == .address { kinds.address = true }
            if field == .postcode { kinds.postcode = true }
        }
        return kinds
    }

    /// The Han runs among tokens, in order.
    static func hanRun(_ tokens: ArraySlice<Token>) -> [TextLine] {
        tokens.compactMap { token in if case let .han(words) = token { return words } else { return nil } }
    }

    /// A cheap look before the tokenizer: a contact label, an "@", or a run of seven digits.
    ///
    /// Each of the three stands at or before a mark: a label is followed (past white space) by its colon, its
    /// digits or a bracket before them (`label(at:in:)`), a run of digits begins with one. So only the marks are
    /// visited — digits, colons, "@" and opening brackets, found four scalars at a time
    /// (`Scalars.firstIndex(in:or:in:from:)`, the ASCII digits and colon one range) — and a label is asked for
    /// only where one would end before a mark: before a colon or a bracket in the few places a label's length back,
    /// and before digits only a phone's, a fax's or a postcode's, found by its last scalars (`SuffixList`). (Asking
    /// each scalar whether it began a label or a run, most of a line's scalars, was a sixtieth of the parse.) The
    /// marks are visited in order, so a label whose follower is an earlier mark has been found there: at a digit
    /// only a label that digits may follow can end unseen (any other is followed by its colon).
    static func mayHoldContact(_ line: TextLine) -> Bool {
        // Read once, not at each mark (a constant's every read checks that it was made).
        let joiners = phoneJoiners
        let labels = labelList
        let digitLabel = digitLabelsByEnd
        let (shortest, longest) = labelLengths
        return line.scalars.withUnsafeBufferPointer { s in
            /// Where a label followed by `mark`, past white space, ends.
            func labelEnd(before mark: Int) -> Int {
                var end = mark
                while end > 0, s[end - 1].isLineSpace { end -= 1 }
                return end
            }
            /// Whether a label stands at most `longest` and at least `shortest` scalars before `end` that
            /// `label(at:in:)` finds.
            func labelStands(before end: Int) -> Bool {
                var i = max(0, end - longest)
                while i <= end - shortest {
                    // (`label(at:in:listedIn:)`'s test, its first scalar read from the buffer: read through the
                    // line, as that function reads it, it cost 0.15 M instructions more on 300 notices.)
                    if labels.mayBegin(with: s[i]), label(at: i, in: line) != nil { return true }
                    i += 1
                }
                return false
            }
            var next = 0
            while let mark = Scalars.firstIndex(in: "0"...":", or: ("：", "@", "（", "("), in: s, from: next) {
                let scalar = s[mark]
                if scalar == "@" { return true }
                if scalar.isASCIIDigit {
                    // (Asked at each place a label's length before the digit, for any label, this took a quarter
                    // of the look's own instructions: most of a line's marks are digits, of dates and numbers.)
                    if digitLabel.endsAny(line, before: labelEnd(before: mark)) { return true }
                    // The run of digits and joiners it begins: seven digits in it may be a phone number.
                    var digits = 0
                    var end = mark
                    while end < s.count {
                        if s[end].isASCIIDigit {
                            digits += 1
                            if digits >= 7 { return true }
                        } else if !joiners.contains(s[end]) {
                            break
                        }
                        end += 1
                    }
                    next = end  // (what ended the run may be a mark itself)
                    continue
                }
                // A colon, or an opening bracket (before digits, as "电话（0531）…" has it: `label(at:in:)` asks).
                if labelStands(before: labelEnd(before: mark)) { return true }
                next = mark + 1
            }
            return false
        }
    }

    /// The labels that digits may follow directly, with no colon (`label(at:in:)`): a phone's, a fax's and a
    /// postcode's, found by where they end (`mayHoldContact`).
    static let digitLabelsByEnd = SuffixList(labels.filter { [.phone, .fax, .postcode].contains($0.1) }.map(\.0))

    /// The fewest and the most scalars a contact label holds.
    static let labelLengths = (labels.map(\.0.unicodeScalars.count).min()!, labels.map(\.0.unicodeScalars.count).max()!)

    /// What ends a field (`Token.hardBreak`), and what parts one field's values (`Token.softBreak`).
    static let hardBreaks = ScalarSet(of: "；;。")
    static let softBreaks = ScalarSet(of: "，,、/（）()[]【】 ")
    /// The dashes a phone number's groups are joined by.
    static let dashes = ScalarSet(of: "-－—–‐")

    /// What may stand between the digits of a phone number.
    static let phoneJoiners = ScalarSet(of: "-－—–‐ ()（）")

    /// The labels compiled for finding them at a position: most positions of a line start none.
    static let labelList = WordList(labels.map(\.0))

    /// `label(at:in:)`, asked only where a label's first scalar stands: most positions are passed over
    /// with one bit test. (`labels` is `labelList`, read once by a caller that asks at each position.)
    @inline(__always)
    static func label(at i: Int, in line: TextLine, listedIn labels: WordList) -> (Field, Int)? {
        labels.mayBegin(with: line.scalars[i]) ? label(at: i, in: line) : nil
    }

    /// The contact label at `i` and where its value starts: a colon follows it, or (for phones and
    /// postcodes) the digits themselves ("邮编250002", "电话0531-…").
    static func label(at i: Int, in line: TextLine) -> (Field, Int)? {
        let s = line.scalars
        return labelList.firstMatch(at: i, in: line) { index in
            let field = labels[index].1
            var j = i + labelList.length(index)
            while j < s.count, s[j].isLineSpace { j += 1 }
            if j < s.count, s[j] == "：" || s[j] == ":" { return (field, j + 1) }
            if j < s.count, field == .phone || field == .fax || field == .postcode,
                s[j].isASCIIDigit || (s[j] == "（" || s[j] == "(") && j + 1 < s.count && s[j + 1].isASCIIDigit
            {
                return (field, j)
            }
            return nil
        }
    }

    /// The address after an address label, up to the next label or the end of the clause.
    static func address(in line: TextLine) -> String? {
        let labels = labelList  // (read once, not at each position: a constant's every read checks it was made)
        func labelAt(_ i: Int) -> (Field, Int)? { label(at: i, in: line, listedIn: labels) }
        var i = 0
        while i < line.count {
            guard let (field, valueStart) = labelAt(i) else {
                i += 1
                continue
            }
            guard field == .address else {
                i = valueStart
                continue
            }
            var end = valueStart
            while end < line.count, labelAt(end) == nil, !hardBreaks.contains(line.scalars[end]) {
                end += 1
            }
            var value = line[valueStart..<end].trimmed()
            while let last = value.scalars.last, "，,、".unicodeScalars.contains(last) {
                value = value[0..<(value.count - 1)].trimmed()
            }
            return value.isEmpty ? nil : value.text
        }
        return nil
    }

    /// A number at `start`: a phone when its digits make one ("0591-87846628", "(010)68205231",
    /// "025 83398238", "13933354229", "400-810-1234", "010-68416386转8012"), else `.other`.
    /// Digits that belong to a date, an amount or a longer run are never a phone.
    static func number(at start: Int, in line: TextLine) -> (Token, Int) {
        let s = line.scalars
        if let grouped = spacedNumber(at: start, in: s) { return grouped }
        var i = start
        // A group's digits are a stretch of the line, made a string once at the end (appended to strings a
        // scalar at a time, and counted as characters, they took 4,000 instructions a number); an
        // extension's digits, rare, are gathered as bytes. The groups are told by what the rules ask of them,
        // not kept in an array (an allocation a number): every digit before an extension is in one, and they
        // follow one another, so their digits are those from the first one's start to the last one's end.
        var groups = DigitGroups()
        var current = start..<start
        var parenthesized = false
        var ext: [UInt8]?
        while i < s.count {
            let c = s[i]
            if c.isASCIIDigit {
                if ext != nil {
                    ext!.append(UInt8(truncatingIfNeeded: c.value))
                } else {
                    // (A group's digits stand together: nothing else is read between two of them.)
                    current = (current.isEmpty ? i : current.lowerBound)..<(i + 1)
                }
            } else if (c == "（" || c == "(") && current.isEmpty && groups.count == 0 {
                parenthesized = true
            } else if (c == "）" || c == ")") && parenthesized && groups.count == 0 && !current.isEmpty {
                groups.append(current)
                current = i..<i
            } else if dashes.contains(c) && !current.isEmpty && ext == nil,
                let digit = (i + 1..<min(s.count, i + 3)).first(where: { !s[$0].isLineSpace }), s[digit].isASCIIDigit
            {
                groups.append(current)
                current = i..<i
                i = digit  // "0591 - 87846628": spaces around the dash
                continue
            } else if c == " " && !current.isEmpty && groups.count < 2 && ext == nil,
                let dash = (i + 1..<min(s.count, i + 3)).first(where: { !s[$0].isLineSpace }),
                dashes.contains(s[dash])
            {
                i = dash
                continue
            } else if c == " " && parenthesized && groups.count == 1 && current.isEmpty {
                // "(010) 68416386"
            } else if c == " " && groups.count == 0 && (3...4).contains(current.count) && s[current.lowerBound] == "0"
                && i + 1 < s.count && s[i + 1].isASCIIDigit
            {
                groups.append(current)
                current = i..<i  // "025 83398238"
            } else if (line.hasPrefix("转", at: i) || line.hasPrefix("分机", at: i)) && ext == nil && !current.isEmpty
                && i + 1 < s.count && (s[i + 1].isASCIIDigit || line.hasPrefix("分机", at: i))
            {
                if line.hasPrefix("分机", at: i) { i += 1 }
                ext = []
            } else {
                break
            }
            i += 1
        }
        if !current.isEmpty { groups.append(current) }
        var end = i
        while end > start, !s[end - 1].isASCIIDigit { end -= 1 }
        let digitCount = groups.digitCount
        let digits = String(unsafeUninitializedCapacity: digitCount) { bytes in
            var n = 0
            // (Never past the room asked for: the groups' digits are all the stretch holds, which tests assert.)
            for k in groups.stretch where s[k].isASCIIDigit && n < digitCount {
                bytes[n] = UInt8(truncatingIfNeeded: s[k].value)
                n += 1
            }
            assert(n == digitCount, "the digits of the stretch are the groups' digits")
            return n
        }
        let other: (Token, Int) = (.other, i)
        // A number glued to letters or other digits, or followed by a unit, is not a phone.
        // (A slash between numbers lists them: "0531-86902744/18765839053"; after a letter it is a URL's.)
        if start > 0,
            s[start - 1].isASCIILetter || s[start - 1] == "." || s[start - 1] == "@"
                || s[start - 1] == "/" && !(start > 1 && s[start - 2].isASCIIDigit)
        {
            return other
        }
        if i < s.count, s[i].isASCIILetter || s[i] == "@" || s[i] == "." && i + 1 < s.count && s[i + 1].isASCIIDigit {
            return other
        }
        if i < s.count, numberUnits.contains(s[i]) { return other }
        guard end > start else { return other }
        let hasAreaCode =
            digits.hasPrefix("0") && (groups.count >= 2 || (10...12).contains(digitCount))
            && (groups.count < 2 || (3...4).contains(groups.firstCount))
        let isMobile = digitCount == 11 && digits.hasPrefix("1") && groups.count == 1
        let isTollFree = digitCount == 10 && (digits.hasPrefix("400") || digits.hasPrefix("800"))
        let isLocal = (7...8).contains(digitCount) && !digits.hasPrefix("0") && groups.count == 1
        guard hasAreaCode || isMobile || isTollFree || isLocal else { return other }
        return (
            .phone(
                digits: digits,
                extension: (ext?.isEmpty ?? true) ? nil : ext.map { String(decoding: $0, as: UTF8.self) },
                hasAreaCode: hasAreaCode,
                range: start..<end), i
        )
    }

    /// The groups of a phone number's digits read so far ("0591" and "87846628" in "0591-87846628"), told by how
    /// many there are, how long the first is, their digits in all, and the stretch from the first one's start to
    /// the last one's end.
    struct DigitGroups {
        private(set) var count = 0
        private(set) var firstCount = 0
        private(set) var digitCount = 0
        private(set) var stretch = 0..<0

        mutating func append(_ group: Range<Int>) {
            if count == 0 {
                firstCount = group.count
                stretch = group
            } else {
                stretch = stretch.lowerBound..<group.upperBound
            }
            count += 1
            digitCount += group.count
        }
    }

    /// What follows a number that is a count or a date, not a phone: "3家", "2023年".
    static let numberUnits = ScalarSet(of: "年月日号元万亿家个项份字人次届批期条页岁%％")

    /// Numbers written in groups as they are read aloud, which the general reading takes for several numbers:
    /// a mobile 3-4-4 ("138 0013 8000", "138-0013-8000") and a local number split in two after its area code
    /// ("0371-6550 9936", "0371 6550 9936"). Not when more digits or a letter follow.
    static func spacedNumber(at start: Int, in s: Scalars) -> (Token, Int)? {
        /// The index after `count` digits at `i`, or nil.
        func digits(_ count: ClosedRange<Int>, at i: Int) -> Int? {
            var j = i
            while j < s.count, s[j].isASCIIDigit, j - i < count.upperBound { j += 1 }
            return count.contains(j - i) ? j : nil
        }
        func separator(at i: Int, _ allowed: String) -> Int? {
            i < s.count && allowed.unicodeScalars.contains(s[i]) ? i + 1 : nil
        }
        func ends(_ i: Int) -> Bool { i == s.count || !(s[i].isASCIIDigit || s[i].isASCIILetter || s[i] == "@") }
        guard start < s.count, s[start].isASCIIDigit,
            start == 0 || !(s[start - 1].isASCIIDigit || s[start - 1].isASCIILetter)
        else { return nil }
        let text = { (range: Range<Int>) in String(scalars: s[range].filter(\.isASCIIDigit)) }
        // Mobile: 1xx, then two groups of four, the same separator (a space or a dash) between them.
        if s[start] == "1", let a = digits(3...3, at: start), let sep = separator(at: a, " -"),
            let b = digits(4...4, at: sep), b < s.count, s[b] == s[a], let c = digits(4...4, at: b + 1), ends(c)
        {
            return (.phone(digits: text(start..<c), extension: nil, hasAreaCode: false, range: start..<c), c)
        }
        // Area code, then a local number of 7–8 digits split by one space.
        if s[start] == "0", let a = digits(3...4, at: start), let sep = separator(at: a, " -－—–"),
            let b = digits(3...4, at: sep), let space = separator(at: b, " "), let c = digits(4...4, at: space),
            ends(c),
            (7...8).contains(b - sep + c - space)
        {
            return (.phone(digits: text(start..<c), extension: nil, hasAreaCode: true, range: start..<c), c)
        }
        return nil
    }

    /// Whether a phone number or a person's name stands right before token `k` (separators aside).
    static func previousIsPhoneOrName(_ tokens: [Token], before k: Int) -> Bool {
        var j = k - 1
        while j >= 0 {
            switch tokens[j] {
            case .softBreak: j -= 1
            case .phone: return true
            case let .han(words): return isPersonName(words) && PersonNames.hasSurname(words.text) || words.count == 1
            default: return false
            }
        }
        return false
    }

    /// Whether a phone number or a phone label follows token `k` (separators aside).
    static func phoneFollows(_ tokens: [Token], after k: Int) -> Bool {
        var j = k + 1
        while j < tokens.count {
            switch tokens[j] {
            case .softBreak, .other: j += 1
            case .phone: return true
            case let .label(field): return field == .phone
            default: return false
            }
        }
        return false
    }

    /// "邮编：100037", "邮政编码250002", "(邮编518035)".
    static func postcode(in line: TextLine) -> String? {
        for label in ["邮政编码", "邮编"] {
            guard var i = line.firstIndex(of: label) else { continue }
            i += label.unicodeScalars.count
            while i < line.count, line.scalars[i].isLineSpace || line.scalars[i] == "：" || line.scalars[i] == ":" {
                i += 1
            }
            let digits = line.scalars[i...].prefix { $0.isASCIIDigit }
            if digits.count == 6 { return String(scalars: digits) }
        }
        return nil
    }

    /// The people of a run of Han tokens (a name list already cut at 、，and gaps): "冯雷", "韩铁";
    /// "路正红", "别", "致" → 路正红, 别致; "市工信局技术处廖世清" → department and person.
    /// Forms of address written after a contact's name.
    static let honorifics = ["同志", "先生", "女士", "老师"]

    static func people(_ run: [TextLine]) -> (department: String?, names: [String]) {
        var department: String?
        var names: [String] = []
        var singles: [String] = []
        func flushSingles() {
            if (2...3).contains(singles.count) { names.append(singles.joined()) }
            singles = []
        }
        for var token in run {
            // "周八同志", "张三先生": the form of address is not part of the name.
            if token.count >= 4, let honorific = honorifics.first(where: { token.hasSuffix($0) }) {
                token = token[0..<(token.count - honorific.unicodeScalars.count)]
            }
            let text = token.text
            if token.count == 1, token.scalars[0].isHan {
                singles.append(text)
                continue
            }
            flushSingles()
            if let (dept, name) = splitDepartment(token) {
                department = department ?? dept
                if let name { names.append(name) }
            } else if isPersonName(token), run.count == 1 || PersonNames.hasSurname(text) {
                names.append(text)
            }
        }
        flushSingles()
        return (department, names)
    }

    /// Splits "市工信局技术处廖世清" at its last organisation word: department, then a 2–4 character name.
    static func splitDepartment(_ token: TextLine) -> (String, String?)? {
        guard token.count <= 40 else { return nil }
        if OrganizationName.isShaped(token) && token.count > 4 { return (token.text, nil) }
        // A department of three characters or more: the ending is asked first, in place (most cuts have
        // none), before the token is cut there. (Each cut was sliced twice and each ending asked of it.)
        for cut in stride(from: token.count - 2, through: 3, by: -1) where departmentEndings.endsAny(token, before: cut)
        {
            let tail = token[cut..<token.count]
            guard isPersonName(tail) else { continue }
            return (token[0..<cut].text, tail.text)
        }
        return nil
    }

    /// What a department's name ends with.
    static let departmentEndings = SuffixList([
        "处", "科", "室", "局", "厅", "部", "中心", "办公室", "办", "所", "站", "会", "院", "司", "委",
    ])

    /// Two to four Han characters that do not end like an organisation.
    static func isPersonName(_ token: TextLine) -> Bool {
        guard (2...4).contains(token.count), token.scalars.allSatisfy(\.isHan) else { return false }
        return !organizationEndings.endsAny(token)
    }

    /// The endings of an organisation's name of two characters or more (a name may end like the
    /// one-character ones: 王会, 李站).
    static let organizationEndings = SuffixList(OrganizationName.suffixes.filter { $0.unicodeScalars.count >= 2 })

    static func phone(digits: String, extension ext: String?, fax: Bool, areaCode: String?, span: SourceSpan) -> Phone?
    {
        let ext = (ext?.isEmpty ?? true) ? nil : ext
        // The digits are ASCII (the tokenizer takes only those): read as bytes, not as characters.
        let d = Array(digits.utf8)
        func make(_ number: String, _ kind: Phone.Kind, inferred: Bool = false) -> Phone {
            Phone(number: number, kind: fax ? .fax : kind, extension: ext, areaCodeInferred: inferred, span: span)
        }
        func text(_ range: some RangeExpression<Int>) -> String { String(decoding: d[range], as: UTF8.self) }
        let (zero, one, two) = (UInt8(ascii: "0"), UInt8(ascii: "1"), UInt8(ascii: "2"))
        if d.count == 11, d[0] == one { return make(digits, .mobile) }
        if d.count == 10, digits.hasPrefix("400") || digits.hasPrefix("800") {
            return make("\(text(0..<3))-\(text(3..<6))-\(text(6...))", .tollFree)
        }
        if d.first == zero, (10...12).contains(d.count) {
            let areaLength = (d[1] == one || d[1] == two) ? 3 : 4
            return make("\(text(0..<areaLength))-\(text(areaLength...))", .landline)
        }
        if (7...8).contains(d.count), d.first != zero {
            if let areaCode { return make("\(areaCode)-\(digits)", .landline, inferred: true) }
            return make(digits, .landline)
        }
        return nil
    }

    static func emails(in value: TextLine) -> [String] {
        emailMatches(in: value).map(\.address)
    }

    /// Every e-mail address in the line, wherever it stands ("电子版发jmjs@gxt.fujian.gov.cn）").
    /// What the part of an address before its @ is written with.
    static let emailLocalCharacters = ScalarSet(
        of: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")

    static func emailMatches(in value: TextLine) -> [(address: String, range: Range<Int>)] {
        let s = value.scalars
        var found: [(address: String, range: Range<Int>)] = []
        // (Each "@" found sixteen scalars at a time, `TextLine.firstIndex(of:or:from:)`: most lines hold none,
        // and a loop over each scalar of every tokenized line was a thousand instructions a line.)
        var next = 0
        while let at = value.firstIndex(of: "@", or: "@", from: next) {
            next = at + 1
            if let email = emailMatch(around: at, in: s) { found.append(email) }
        }
        return found
    }

    /// The e-mail address whose "@" stands at `at` of `s`, when the scalars around it make one.
    static func emailMatch(around at: Int, in s: Scalars) -> (address: String, range: Range<Int>)? {
        let allowedLocal = emailLocalCharacters
        var start = at
        while start > 0, allowedLocal.contains(s[start - 1]) { start -= 1 }
        while start < at, s[start] == "." || s[start] == "-" { start += 1 }
        var end = at + 1
        while end < s.count,
            s[end].isASCIILetter || s[end].isASCIIDigit || s[end] == "." || s[end] == "-" || s[end] == "_"
        { end += 1 }
        while end > at + 1, s[end - 1] == "." || s[end - 1] == "-" { end -= 1 }
        let domain = s[(at + 1)..<end]
        guard start < at, let dot = domain.lastIndex(of: "."), end - dot >= 3,
            s[(dot + 1)..<end].allSatisfy(\.isASCIILetter)
        else { return nil }
        return (String(scalars: s[start..<end]), start..<end)
    }
}

/// Chinese surnames (the common single ones and the compound ones): reference data for telling a
/// person's name from other short runs of Han characters when no 联系人 label says so.
enum PersonNames {
    static let single = Set(
        ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫严段雷侯龙史陶黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施洪翟安颜倪牛温芦季俞章鲁葛伍申尤毕聂丛焦向柳邢骆岳齐梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来苟全褚廉简娄盖符奚穆党燕郎邰佘麦云粟艾宗都鞠蓝乔谈占巴郁练竺荣麻井楚冷浦鬲宓逯佟习晏官缪仇卓门蒙容仲桑揭贝卞但郜姬暴茅湛郗应平芮迟战危勾敖那扈商满冀宿宣")
            .unicodeScalars)
    static let compound = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "轩辕", "端木", "百里",
    ]

    static func hasSurname(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        return single.contains(first) || compound.contains { name.hasPrefix($0) }
    }
}
