import Testing

@testable import GongwenKit

@Suite("Contacts")
struct ContactsTests {
    func contacts(_ text: String, issuer: String? = nil, level: Issuer.Level = .other) -> [Contact] {
        ContactExtractor.extract(bodySections(text), context: context(year: 2023, issuer: issuer, level: level))
    }

    @Test(
        "Phone forms",
        arguments: [
            ("电话：（010）66072791；（010）68416386", ["010-66072791", "010-68416386"]),
            ("联系电话：0531-86902744/18765839053/15610118686", ["0531-86902744", "18765839053", "15610118686"]),
            ("电话: (010) 68416386", ["010-68416386"]),
            ("电话：０５９１－８７８４６６２８", ["0591-87846628"]),
            ("咨询电话：400-810-1234", ["400-810-1234"]),
            ("电话：4008101234", ["400-810-1234"]),
            ("联系电话：010-68416386转8012", ["010-68416386"]),
            ("手机：13800138000；电话：075583398238、02583398238", ["13800138000", "0755-83398238", "025-83398238"]),
            // Groups written with spaces: after an area code, around a dash; an extension after 分机; a count.
            ("电话：025 83398238，0591 - 87846628", ["025-83398238", "0591-87846628"]),
            ("电话：010-68416386分机8012；推荐3家", ["010-68416386"]),
        ])
    func phones(line: String, numbers: [String]) {
        #expect(contacts(line).flatMap(\.phones).map(\.number) == numbers)
    }

    @Test(
        "The cheap look before the tokenizer answers as asking every scalar did: every line of every input, and edges")
    func mayHoldContact() throws {
        var lines = try everyInputLine()
        lines += ["联系人：王强", "电话0591-87654321", "1234567", "123 4567", "质量@协会", "邮箱", "质量标杆", "", "123456"].map {
            TextLine($0)
        }
        // Marks at the ends and in the one to three scalars a block of four leaves; a label before white space and
        // its colon, its digits or a bracket (with digits after it, or without); runs of digits broken and joined.
        lines += [
            "联系电话 ：", "电话　（0531）86902744", "电话(abc)", "电话（", "E-mail:caq", "email", "传真电话", "：电话", "电话：",
            "手机13800138000", "邮编（100000）", "邮编(abc", "地址 （北京）", "12(34567", "12 34-567", "1234５67", "123456—",
            "@", "1", ":", "电话1", "联系人", "这是一个很长的句子，请与联系人", "这是一个很长的句子，请与联系人：", "推荐名额3个，联系电话", "报送地址：北京",
            "（1）推荐（2）联系", "时间：2023年9月1日", "１２３４５６７", "电话：\t0531", "通知(2023)", "联系人 王强 电话 1380013800",
            "电话　　　　　　　　：0531", "传真        86902744", "123@qq", "0531-8690@", "12电话：",
            // Digits right after a label, fewer than seven: a postcode's and a fax's labels take them, an address's
            // and a person's do not.
            "邮编100000", "传真 869027", "邮政编码 100", "地址1号", "联系人3位", "电话和传真1", "联系人及电话1",
        ].map { TextLine($0) }
        var held = 0
        for line in lines {
            var digits = 0
            var expected = false
            for (i, scalar) in line.scalars.enumerated() {
                if scalar == "@" {
                    expected = true
                    break
                }
                if scalar.isASCIIDigit {
                    digits += 1
                    if digits >= 7 {
                        expected = true
                        break
                    }
                    continue
                }
                if !ContactExtractor.phoneJoiners.contains(scalar) { digits = 0 }
                if ContactExtractor.labelList.mayBegin(with: scalar), ContactExtractor.label(at: i, in: line) != nil {
                    expected = true
                    break
                }
            }
            #expect(ContactExtractor.mayHoldContact(line) == expected, "\(line.text.prefix(60))")
            if expected { held += 1 }
        }
        #expect(held >= 50, "\(held) lines may hold a contact")
    }

    @Test(
        "A number's digits are the digits it spans, less its extension's: at every digit and bracket of every input line, and of grouped forms"
    )
    func numberDigits() throws {
        var lines = try everyInputLine()
        lines += [
            "(010) 6841-6386转8012", "0591 - 8784 - 6628", "025 83398238", "010-68416386分机8012", "1-2-3-4-5-6-7-8",
            "(010)(020)", "13800138000转", "0531－86902744", "400-810-1234", "（0591） 87846628", "0591 -", "010 -x",
            "12 345 6789", "(1) 2", "0755-8339 8238", "010-6841-6386-8012",
        ].map { TextLine($0) }
        var phones = 0
        for line in lines {
            let s = line.scalars
            for i in s.indices where s[i].isASCIIDigit || s[i] == "(" || s[i] == "（" {
                // (In a debug build, `number` asserts too that it wrote every digit of its groups and no more.)
                guard case let .phone(digits, ext, _, range) = ContactExtractor.number(at: i, in: line).0 else {
                    continue
                }
                let spanned = String(String.UnicodeScalarView(s[range].filter(\.isASCIIDigit)))
                #expect(spanned == digits + (ext ?? ""), "\(line.text.prefix(60)) at \(i)")
                phones += 1
            }
        }
        #expect(phones > 150, "\(phones) phone numbers read")
        let number = { (text: String) -> String? in
            guard case let .phone(digits, _, _, _) = ContactExtractor.number(at: 0, in: TextLine(text)).0 else {
                return nil
            }
            return digits
        }
        #expect(number("(010) 6841-6386转8012") == "01068416386")
        #expect(number("0591 - 87846628") == "059187846628")
        #expect(number("025 83398238") == "02583398238")
        #expect(number("010-6841-6386-8012") == "010684163868012")
    }

    @Test(
        "Every listed city's bodies, every province's departments and a province's cities take their area code; others none"
    )
    func areaCodeOfEachIssuer() {
        for (city, code) in AreaCodes.cities {
            // (The level as the record gives it: a municipality's bureaus are provincial.)
            let name = "\(city)市工业和信息化局"
            #expect(AreaCodes.code(forIssuer: name, level: IssuerLevels.level(of: name)) == code, "\(city)")
            #expect(AreaCodes.code(forIssuer: "\(city)工信局", level: .municipal) == code, "\(city)")
            #expect(AreaCodes.code(forIssuer: "\(city)工信局", level: .other) == nil, "\(city)")
        }
        for (province, capital) in AreaCodes.capitals {
            #expect(AreaCodes.code(forIssuer: "\(province)工业和信息化厅", level: .provincial) == AreaCodes.cities[capital])
        }
        #expect(AreaCodes.code(forIssuer: "福建省泉州市工业和信息化局", level: .municipal) == "0595")
        #expect(AreaCodes.code(forIssuer: "广东省深圳市工业和信息化局", level: .municipal) == "0755")
        #expect(AreaCodes.code(forIssuer: "中国质量协会", level: .national) == nil)
        #expect(AreaCodes.code(forIssuer: "", level: .municipal) == nil)
        #expect(AreaCodes.code(forIssuer: nil, level: .municipal) == nil)
    }

    @Test("A contact read over several lines quotes them, one line under another (2020_caq.txt)")
    func quotedOverLines() throws {
        let found = contacts("联系人：冯雷、韩铁\n\n电 话：（010）66072791；（010）68416386")
        let contact = try #require(found.first)
        #expect(found.count == 1 && contact.names == ["冯雷", "韩铁"])
        #expect(contact.text == "联系人：冯雷、韩铁\n电话：（010）66072791；（010）68416386")
        #expect(contact.span.startLine < contact.span.endLine)
    }

    @Test("The tokens of a contact line (2020_caq.txt's), and of one longer than the room made for them at once")
    func tokensOfLongLines() {
        func shape(_ token: ContactExtractor.Token) -> String {
            switch token {
            case .label: "label"
            case let .han(words): words.text
            case .phone(let digits, _, _, _): digits
            case .email: "email"
            case .softBreak: "soft"
            case .hardBreak: "hard"
            case .other: "other"
            }
        }
        let real = ContactExtractor.tokens(of: TextLine("联系人：冯雷、韩铁"))
        #expect(real.tokens.map(shape) == ["label", "冯雷", "soft", "韩铁"])
        #expect(real.starts == [0, 4, 6, 7])
        // 600 separators after the label: every one a token, past the 256 made room for.
        let long = ContactExtractor.tokens(of: TextLine("电话：" + String(repeating: "，", count: 600) + "韩铁"))
        #expect(long.tokens.count == 602)
        #expect(
            long.tokens.map(shape).last == "韩铁" && long.tokens.dropFirst().dropLast().allSatisfy { shape($0) == "soft" }
        )
        #expect(long.starts == [0] + Array(3...603))  // (the label, each separator, the name)
    }

    /// The tokenizer and the address reader ask for a label only where a label's first scalar stands:
    /// on every line of every input, at every position, no label is found anywhere else.
    @Test("A contact label is found only where a label's first scalar stands, on every input line")
    func labelsBeginWithTheirInitials() throws {
        var found = 0
        for line in try everyInputLine() {
            for i in 0..<line.count where ContactExtractor.label(at: i, in: line) != nil {
                #expect(ContactExtractor.labelList.mayBegin(with: line.scalars[i]), "\(i) of \(line.text.prefix(40))")
                found += 1
            }
        }
        #expect(found > 150, "\(found) labels")
        let tokens = ContactExtractor.tokens(of: TextLine("市工信局技术处廖世清联系电话：83258376")).tokens
        guard tokens.count == 3, case let .han(name) = tokens[0], case .label(.phone) = tokens[1] else {
            Issue.record("the Han run ends where the label begins: \(tokens)")
            return
        }
        #expect(name.text == "市工信局技术处廖世清")
    }

    /// A line is read for an address or a postcode only when its tokens hold that label: on every line of
    /// every input and on edge lines (a label inside a Han run, after a number, an e-mail or another
    /// label, with spaces or a full-width colon, digits straight after 邮编), every address and postcode
    /// found stands in a line whose tokens hold its label.
    @Test("Every address and postcode the line readers find is in a line whose tokens hold its label")
    func addressAndPostcodeNeedTheirLabels() throws {
        var lines = try everyInputLine()
        lines += [
            "地址：福州市鼓楼区", "联系电话：0591-87654321地址：福州市", "邮编350003", "邮编 ：350003", "（邮编：518035）",
            "jmjs@gxt.fujian.gov.cn邮政编码：350003", "邮寄地址：北京市，邮编100037", "联系人：王强地址：北京市", "通讯地址 : 北京市",
            "地址", "邮编", "邮编：12345", "地址：", "电话：0591-87654321，邮编：350003，地址：福州市",
        ].map { TextLine($0) }
        var addresses = 0
        var postcodes = 0
        for line in lines {
            let kinds = ContactExtractor.labelKinds(in: ContactExtractor.tokens(of: line).tokens)
            if ContactExtractor.address(in: line) != nil {
                #expect(kinds.address, "\(line.text.prefix(60))")
                addresses += 1
            }
            if ContactExtractor.postcode(in: line) != nil {
                #expect(kinds.postcode, "\(line.text.prefix(60))")
                postcodes += 1
            }
        }
        #expect(addresses >= 10, "\(addresses) lines hold an address")
        #expect(postcodes >= 5, "\(postcodes) lines hold a postcode")
    }

    /// E-mail addresses found from each "@" the fast search finds are those a look at every scalar finds:
    /// every input line, and lines with "@" at either end, doubled, alone, or in an address cut short.
    @Test("Every e-mail address is found from the @ signs a search sixteen scalars at a time finds")
    func emailsFromEachAtSign() throws {
        var lines = try everyInputLine()
        lines += [
            "@", "@@", "a@b.cn", "x@y", "@.cn", "jmjs@gxt.fujian.gov.cn）", "电子版发至zlc@163.com，纸质版寄送", "a@b.cn@c.org",
            "请发送至 qa-2023@caq.org.cn。", "...@@x.com", String(repeating: "质", count: 40) + "w@x.cn",
            "w@x.cn" + String(repeating: "量", count: 33),
        ].map { TextLine($0) }
        var found = 0
        for line in lines {
            let expected = Self.emailsAtEveryScalar(line)
            let matches = ContactExtractor.emailMatches(in: line)
            #expect(matches.map(\.address) == expected.map(\.address), "\(line.text.prefix(60))")
            #expect(matches.map(\.range) == expected.map(\.range), "\(line.text.prefix(60))")
            found += matches.count
        }
        #expect(found >= 20, "\(found) addresses")
    }

    /// The e-mail reader as it asked every scalar whether it is "@": the reference for `emailsFromEachAtSign`.
    static func emailsAtEveryScalar(_ value: TextLine) -> [(address: String, range: Range<Int>)] {
        value.scalars.indices.filter { value.scalars[$0] == "@" }.compactMap {
            ContactExtractor.emailMatch(around: $0, in: value.scalars)
        }
    }

    @Test("An extension is kept apart from the number")
    func phoneExtension() throws {
        let phone = try #require(contacts("联系电话：010-68416386转8012").first?.phones.first)
        #expect(phone.extension == "8012")
    }

    @Test("A local number takes the issuer's city's area code, and says so")
    func inferredAreaCode() throws {
        let found = contacts("联系人：市工信局技术处廖世清，联系电话：83258376", issuer: "福州市工业和信息化局", level: .municipal)
        let contact = try #require(found.first)
        #expect(contact.names == ["廖世清"])
        #expect(contact.department == "市工信局技术处")
        #expect(contact.phones.map(\.number) == ["0591-83258376"])
        #expect(contact.phones.first?.areaCodeInferred == true)
        // Without a known city the number stays local.
        #expect(contacts("联系电话：83258376").first?.phones.first?.number == "83258376")
    }

    @Test(
        "Beijing's, Shanghai's, Tianjin's and Chongqing's area codes have three digits; other cities' four",
        arguments: [
            ("联系电话：021-63211234", "021-63211234"), ("联系电话：（021）63211234", "021-63211234"),
            ("联系电话：02163211234", "021-63211234"),
            ("联系电话：022-23456789", "022-23456789"), ("联系电话：010-68416386", "010-68416386"),
            ("联系电话：0371-65509936", "0371-65509936"),
            ("联系电话：0591-83258376", "0591-83258376"),
        ])
    func areaCodeLength(line: String, number: String) throws {
        #expect(contacts(line).first?.phones.map(\.number) == [number])
    }

    @Test(
        "Numbers written in groups as they are read aloud: a mobile 3-4-4, a local number split after its area code",
        arguments: [
            ("手机：138 0013 8000", "13800138000", 4, 16), ("手机：138-0013-8000", "13800138000", 4, 16),
            ("联系电话：0371-6550 9936", "0371-65509936", 6, 19), ("联系电话：0371 6550 9936", "0371-65509936", 6, 19),
            ("联系电话：010-6820 5278", "010-68205278", 6, 18), ("联系人：张三 138 0013 8000", "13800138000", 8, 20),
        ])
    func groupedNumbers(line: String, number: String, startColumn: Int, endColumn: Int) throws {
        let phone = try #require(contacts(line).first?.phones.first, "no phone in \(line)")
        #expect(phone.number == number)
        #expect((phone.span.startColumn, phone.span.endColumn) == (startColumn, endColumn))
    }

    @Test(
        "Not a grouped number: more digits after the last group, mixed separators, a letter glued to it",
        arguments: [
            "编号：138 0013 80001", "手机：138 0013-8000", "联系电话：0371-6550 99361", "网址：a138 0013 8000",
        ])
    func notGrouped(line: String) {
        #expect(
            !contacts(line).flatMap(\.phones).map(\.number).contains { $0 == "13800138000" || $0 == "0371-65509936" },
            "\(line)")
    }

    @Test(
        "Label variants and forms of address: 联系人及方式, 周八同志, 张三先生",
        arguments: [
            ("联系人及方式：冯二 13800138000", ["冯二"], ["13800138000"]),
            ("联系人及联系电话：冯二，13800138000", ["冯二"], ["13800138000"]),
            ("联系人：周八同志", ["周八"], []),
            ("联系人：张三先生、李四女士", ["张三", "李四"], []),
            ("联系人：刘志同", ["刘志同"], []),  // a name that ends like nothing in particular stays whole
        ])
    func labelVariants(line: String, names: [String], phones: [String]) {
        let found = contacts(line)
        #expect(found.flatMap(\.names) == names, "\(line)")
        #expect(found.flatMap(\.phones).map(\.number) == phones, "\(line)")
    }

    @Test("A provincial issuer's local number takes the area code of the province's capital")
    func provincialAreaCode() throws {
        let phone = try #require(
            contacts("联系电话：65509936", issuer: "河南省工业和信息化厅", level: .provincial).first?.phones.first)
        #expect(phone.number == "0371-65509936")
        #expect(phone.areaCodeInferred)
        let fujian = contacts("联系人：张三，联系电话：87654321", issuer: "福建省工业和信息化厅", level: .provincial)
        #expect(fujian.first?.phones.map(\.number) == ["0591-87654321"])
    }

    @Test(
        "Names: a list, a spaced two-character name, a department before the name",
        arguments: [
            ("联系人：冯雷、韩铁", ["冯雷", "韩铁"]),
            ("联系人：路正红 别 致", ["路正红", "别致"]),
            ("联系人：王 芳、李建国", ["王芳", "李建国"]),
            ("联系人：张三，李四", ["张三", "李四"]),
        ])
    func names(line: String, names: [String]) {
        #expect(contacts(line).first?.names == names)
    }

    @Test("Two contact blocks in one notice stay two")
    func twoBlocks() {
        let found = contacts(
            """
            五、联系方式
            （一）山东省工业和信息化厅科技处
            联系电话：0531-51782608
            （二）山东省企业技术创新促进会
            联系电话：0531-86902744/18765839053
            （三）电子邮箱：cjh20141205@163.com
            （四）邮寄地址：济南国际创新设计产业园 A 座 2023 室（济南市市中区万寿路 2 号），邮编 250002
            """)
        #expect(found.map(\.department) == ["山东省工业和信息化厅科技处", "山东省企业技术创新促进会"])
        #expect(found.map { $0.phones.count } == [1, 2])
        #expect(found[1].emails == ["cjh20141205@163.com"])
        #expect(found[1].postcode == "250002")
        #expect(found[1].address == "济南国际创新设计产业园A座2023室（济南市市中区万寿路2号）")
    }

    @Test("Numbers outside contact fields are not phones")
    func notPhones() {
        #expect(contacts("地址：济南国际创新设计产业园A座2023室，万寿路2号").flatMap(\.phones).isEmpty)
    }

    @Test(
        "A department and a name split off a run of Han characters as trying each ending at each cut splits them: every run of every input line"
    )
    func departmentAndName() throws {
        // What the split was written as: each cut from the right, each ending asked of the head there.
        let endings = ["处", "科", "室", "局", "厅", "部", "中心", "办公室", "办", "所", "站", "会", "院", "司", "委"]
        func isName(_ token: TextLine) -> Bool {
            guard (2...4).contains(token.count), token.scalars.allSatisfy(\.isHan) else { return false }
            return !OrganizationName.suffixes.contains { token.hasSuffix($0) && $0.unicodeScalars.count >= 2 }
        }
        func split(_ token: TextLine) -> (String, String?)? {
            guard token.count <= 40 else { return nil }
            if OrganizationName.isShaped(token) && token.count > 4 { return (token.text, nil) }
            for cut in stride(from: token.count - 2, through: 2, by: -1) {
                let head = token[0..<cut]
                let tail = token[cut..<token.count]
                guard endings.contains(where: { head.hasSuffix($0) }), isName(tail), head.count >= 3 else { continue }
                return (head.text, tail.text)
            }
            return nil
        }
        var runs: [TextLine] = []
        for file in JSONWriterTests.inputFiles {
            for line in try Gongwen.normalize(path: file.path).lines.map({ TextLine($0.text) }) {
                var start = 0
                for i in 0...line.count where i == line.count || !line.scalars[i].isHan {
                    if i - start >= 2 { runs.append(line[start..<i]) }
                    start = i + 1
                }
            }
        }
        runs += ["市工信局技术处廖世清", "科技处张三", "办公室王五", "质量处", "中国质量协会", "张三丰", "总局李明", "王会"].map { TextLine($0) }
        var wrong: [String] = []
        var splits = 0
        for run in runs {
            let (found, expected) = (ContactExtractor.splitDepartment(run), split(run))
            if found?.0 != expected?.0 || found?.1 != expected?.1 { wrong.append(run.text) }
            if ContactExtractor.isPersonName(run) != isName(run) { wrong.append("name: \(run.text)") }
            if expected?.1 != nil { splits += 1 }
        }
        #expect(wrong.isEmpty, "\(wrong.count) wrong, first \(wrong.prefix(3))")
        #expect(runs.count > 5_000 && splits > 20, "\(runs.count) runs, \(splits) split into a department and a name")
        #expect(ContactExtractor.splitDepartment(TextLine("市工信局技术处廖世清"))! == ("市工信局技术处", "廖世清"))
    }
}
