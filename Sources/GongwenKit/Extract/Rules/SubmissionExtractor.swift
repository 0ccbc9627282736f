package enum SubmissionExtractor {
    static let forms = ["纸质材料", "纸质版", "纸质", "光盘电子版", "光盘", "U盘电子版", "U盘", "电子版"]
    static let formList = WordList(forms)
    static let formats: [(word: String, format: String)] = [
        ("word版", "Word"), ("Word版", "Word"), ("WORD版", "Word"), ("word", "Word"), ("Word", "Word"), ("RAR", "RAR"),
        ("rar", "RAR"),
        ("ZIP", "ZIP"), ("zip", "ZIP"), ("PDF", "PDF"), ("pdf", "PDF"), ("可编辑文档", "editable document"), ("扫描件", "scan"),
        ("Excel", "Excel"), ("excel", "Excel"),
    ]

    package static func extract(_ sentences: [Sentence]) -> Submission {
        var result = Submission()
        // (Each sentence read in place, `sentences[index]`: the loop's own copy of each was a retain and a
        // release.)
        for index in sentences.indices {
            // Most sentences hold none of the words, no 份 or 电 and no naming rule, and give nothing below
            // (each reader's own first test): they are passed over, not copied for the readers; one without
            // a first scalar of the words is not scanned for them.
            let triggers = sentences[index].triggers
            let words =
                triggers.contains(.submissionWord)
                ? sentenceWords.firstPositions(in: sentences[index].line) : WordPositions()
            guard !words.isEmpty || triggers.contains(.copies) || triggers.contains(.naming) else { continue }
            let line = sentences[index].line
            var sentence = QuotingSentence(sentences[index])
            for channel in channels(in: &sentence, words: words)
            where !result.channels.contains(where: { $0.kind == channel.kind && $0.target == channel.target }) {
                result.channels.append(channel)
            }
            let materials = materials(in: &sentence)
            if !materials.isEmpty { result.materials += materials }  // (most sentences: none, and no call)
            let formatsBefore = result.fileFormats.count
            // (Most sentences hold none of the words, and the table is not read for them.)
            if !words.isEmpty {
                for ((word, format), index) in zip(formats, formatIndices) {
                    guard let at = words[index],
                        !result.fileFormats[formatsBefore...].contains(where: { $0.format == format })
                    else { continue }
                    let range = at..<(at + word.unicodeScalars.count)
                    result.fileFormats.append(
                        FileFormat(format: format, text: sentence.quote(range), span: line.span(range)))
                }
            }
            let naming = naming(in: &sentence)
            if !naming.isEmpty { result.naming += naming }
        }
        // An online channel named without its address says nothing more than one that has it.
        if result.channels.contains(where: { $0.kind == .online && $0.target != nil }) {
            result.channels.removeAll { $0.kind == .online && $0.target == nil }
        }
        return result
    }

    /// Words that tell an address is the online channel's; words that name it without an address.
    static let onlineWords = ["网上申报", "在线申报", "申报系统", "申报页面", "申报入口", "登录", "访问"]
    static let onlineWithoutAddress = ["网上在线申报", "网上申报", "在线申报"]
    static let sendingWords = ["发送", "发至", "报送"]
    /// (Not the bare 报: it stands inside 申报.)
    static let deliveryVerbs = ["报送至", "报送", "寄送至", "送至", "报至"]
    /// Every word the channels are read from.
    static let channelWords = onlineWords + onlineWithoutAddress + ["邮箱"] + sendingWords + deliveryVerbs
    /// The channels' words and then the file formats' words, looked for in one pass over a sentence (a
    /// pass for each list was two scans of every sentence).
    static let sentenceWords = WordList(channelWords + formats.map(\.word))
    /// Where the formats' words stand in `sentenceWords`, in `formats`' order.
    private static let formatIndices = channelWords.count..<(channelWords.count + formats.count)
    /// Where each list's words stand in `sentenceWords`: a sentence's positions are read by them.
    private static let channelIndices = (
        online: onlineWords.map(sentenceWords.index(of:)),
        onlineWithoutAddress: onlineWithoutAddress.map(sentenceWords.index(of:)),
        mailbox: sentenceWords.index(of: "邮箱"),
        sending: sendingWords.map(sentenceWords.index(of:)),
        delivery: deliveryVerbs.map(sentenceWords.index(of:))
    )

    /// Where the body after a delivery verb ends.
    static let targetEnds = ScalarSet(of: "，。；（(")

    /// The channels `sentence` names; `words`: `sentenceWords.firstPositions` in it.
    static func channels(in sentence: inout QuotingSentence, words: WordPositions) -> [Channel] {
        // Most sentences name no channel: nothing more is asked of them (their line not even copied).
        guard !words.isEmpty, (0..<channelWords.count).contains(where: { words[$0] != nil }) else { return [] }
        let line = sentence.line
        // (Each list of indices read where it stands, by index: a copy of the tuple, and `zip`'s of the verbs and
        // their indices, retained and released the arrays at each call — on two cores, by both threads.)
        var found: [Channel] = []
        if channelIndices.online.contains(where: { words[$0] != nil }), let (url, range) = webAddress(in: line) {
            found.append(Channel(kind: .online, target: url, text: sentence.quote(range), span: line.span(range)))
        } else if let at = channelIndices.onlineWithoutAddress.compactMap({ words[$0] }).min() {
            found.append(
                Channel(kind: .online, target: nil, text: sentence.quote(at..<(at + 4)), span: line.span(at..<(at + 4)))
            )
        }
        if let at = words[channelIndices.mailbox], channelIndices.sending.contains(where: { words[$0] != nil }) {
            let address = ContactExtractor.emails(in: line).first
            found.append(
                Channel(
                    kind: .email, target: address, text: sentence.quote(at..<(at + 2)), span: line.span(at..<(at + 2))))
        }
        for k in deliveryVerbs.indices {
            guard let at = words[channelIndices.delivery[k]] else { continue }
            let start = at + deliveryVerbs[k].unicodeScalars.count
            var end = start
            while end < line.count, !targetEnds.contains(line.scalars[end]) { end += 1 }
            let target = line[start..<end].trimmed()
            guard !target.isEmpty, target.count <= 30, SentenceSubject.isBody(target) || target.hasPrefix("我")
            else { continue }
            found.append(
                Channel(kind: .delivery, target: target.text, text: sentence.quote(start..<end), span: target.span!))
            break
        }
        return found
    }

    /// What ends a web address written in a sentence.
    static let addressEnds = ScalarSet(of: " ，。）)\"”")

    /// "www.caq.org.cn/html/…" or "http://…" in the line.
    static func webAddress(in line: TextLine) -> (String, Range<Int>)? {
        for prefix in ["http://", "https://", "www."] {
            guard let at = line.firstIndex(of: prefix) else { continue }
            var end = at
            while end < line.count, line.scalars[end].value < 0x80,
                !addressEnds.contains(line.scalars[end])
            { end += 1 }
            return (line[at..<end].text, at..<end)
        }
        return nil
    }

    /// "纸质一式二份", "光盘电子版一份", "纸质版1份", "一式三份", "U盘电子版".
    static func materials(in sentence: inout QuotingSentence) -> [Material] {
        // A material is counted in 份 or is an electronic copy (电子版, a form word that stands in the line):
        // a sentence with neither 份 nor 电 holds none, and is not scanned position by position. (Told by
        // the sentence's triggers: a pass of its own over every sentence was a sixth of this reader.)
        sentence.triggers.contains(.copies) ? scanMaterials(in: &sentence) : []
    }

    /// `materials(in:)` read position by position.
    static func scanMaterials(in sentence: inout QuotingSentence) -> [Material] {
        let line = sentence.line
        var found: [Material] = []
        lazy var listsElectronicCopy = line.contains("报送") || line.contains("及") || line.contains("和")
        let formList = Self.formList  // (read once, not at each position: a constant's every read checks it was made)
        var i = 0
        while i < line.count {
            // Only a form or 一式 begins a material: any other position is passed over with one bit test.
            guard line.scalars[i] == "一" || formList.mayBegin(with: line.scalars[i]) else {
                i += 1
                continue
            }
            var form: String?
            var j = i
            if let word = formList.firstMatch(at: i, in: line) {
                form = forms[word]
                j = i + formList.length(word)
            }
            let setOf = j < line.count && line.scalars[j] == "一" && line.hasPrefix("一式", at: j)
            // Copies are counted only after a form or 一式: anywhere else the digits are not looked at
            // (scanning every run of digits from each of its characters was quadratic).
            guard form != nil || setOf else {
                i += 1
                continue
            }
            var k = j
            if setOf { k += 2 }
            let numberStart = k
            while k < line.count,
                line.scalars[k].isASCIIDigit || (ChineseNumerals.isNumeral(line.scalars[k]) && line.scalars[k] != "十")
            { k += 1 }
            let numberEnd = k
            while k < line.count, line.scalars[k].isLineSpace { k += 1 }
            let hasCopies = numberEnd > numberStart && k < line.count && line.scalars[k] == "份"
            if hasCopies {
                let digits = line.scalars[numberStart..<numberEnd]
                let copies = Numerals.count(digits)
                found.append(
                    Material(
                        form: form, copies: copies, text: sentence.quote(i..<(k + 1)), span: line.span(i..<(k + 1))))
                i = k + 1
            } else if let form, form.contains("电子版"), listsElectronicCopy {
                found.append(Material(form: form, copies: nil, text: sentence.quote(i..<j), span: line.span(i..<j)))
                i = j
            } else {
                i += 1
            }
        }
        return found
    }

    /// "以“申报企业全称”命名", "邮件主题为“申报企业全称”", "文件夹以企业名称命名".
    static func naming(in sentence: inout QuotingSentence) -> [NamingRule] {
        guard sentence.triggers.contains(.naming) else { return [] }  // (no 命名, no 邮件主题为)
        let line = sentence.line
        var rules: [NamingRule] = []
        var from = 0
        while let at = line.firstIndex(of: "命名", from: from) {
            from = at + 2
            guard let by = line.scalars[..<at].lastIndex(of: "以") else { continue }
            var pattern = line[(by + 1)..<at].trimmed()
            if let first = pattern.scalars.first, let last = pattern.scalars.last,
                "“\"'‘".unicodeScalars.contains(first), "”\"'’".unicodeScalars.contains(last), pattern.count > 2
            {
                pattern = pattern[1..<(pattern.count - 1)]
            }
            guard !pattern.isEmpty, pattern.count <= 30 else { continue }
            let target: NamingRule.Target = line[max(0, by - 4)..<by].contains("文件夹") ? .folder : .file
            rules.append(
                NamingRule(
                    target: target, pattern: pattern.text, text: sentence.quote(by..<(at + 2)),
                    span: line.span(by..<(at + 2))))
        }
        if let at = line.firstIndex(of: "邮件主题为") {
            var start = at + 5
            if start < line.count, "“\"".unicodeScalars.contains(line.scalars[start]) { start += 1 }
            var end = start
            while end < line.count, !"”\"。，".unicodeScalars.contains(line.scalars[end]) { end += 1 }
            if end > start {
                rules.append(
                    NamingRule(
                        target: .emailSubject, pattern: line[start..<end].text, text: sentence.quote(at..<end),
                        span: line.span(at..<min(line.count, end + 1))))
            }
        }
        return rules
    }
}
