/// A telephone number, normalized: "0591-87846628", "18765839053", "400-123-4567".
public struct Phone: Encodable, Sendable, Equatable {
    public enum Kind: String, Encodable, Sendable {
        case landline, mobile, tollFree, fax
    }

    public var number: String
    public var kind: Kind
    @Nullable public var `extension`: String?
    /// True when the text gave a local number and the area code is the issuer's city's.
    public var areaCodeInferred: Bool
    public var span: SourceSpan
}

/// One contact block: the people, their department, how to reach them.
public struct Contact: Encodable, Sendable, Equatable {
    public var names: [String]
    @Nullable public var department: String?
    public var phones: [Phone]
    public var emails: [String]
    @Nullable public var address: String?
    @Nullable public var postcode: String?
    /// The block's lines.
    public var text: String
    public var span: SourceSpan
}

/// Contact blocks, from the 联系方式 section and from labelled lines anywhere in the body
/// ("联系人：市工信局技术处廖世清，联系电话：83258376").
public enum ContactExtractor {
    enum Field {
        case department, person, phone, fax, email, address, postcode
    }

    /// Labels, longest first so that 联系电话 wins over 电话.
    static let labels: [(String, Field)] = [
        ("联系部门", .department), ("联系单位", .department), ("联系处室", .department), ("联系人", .person),
        ("联系电话", .phone), ("咨询电话", .phone), ("办公电话", .phone), ("手机", .phone), ("座机", .phone), ("电话", .phone),
        ("传真", .fax), ("电子邮箱", .email), ("电子邮件", .email), ("邮箱", .email), ("Email", .email), ("E-mail", .email),
        ("邮寄地址", .address), ("通讯地址", .address), ("通信地址", .address), ("联系地址", .address), ("地址", .address),
        ("邮政编码", .postcode), ("邮编", .postcode),
    ]

    public static func extract(_ body: [Section], context: ExtractionContext) -> [Contact] {
        var builder = Builder(areaCode: AreaCodes.code(forIssuer: context.issuerName, level: context.issuerLevel))
        walk(body, inContactSection: false, builder: &builder)
        builder.finish()
        return builder.contacts
    }

    private static func walk(_ sections: [Section], inContactSection: Bool, builder: inout Builder) {
        for section in sections {
            let isContactSection = inContactSection || (section.heading?.contains("联系") ?? false)
            for (i, line) in section.lines.enumerated() {
                var text = line.line
                if i == 0, let marker = section.marker { text = text[marker.contentStart..<text.count] }
                if i == 0, section.heading != nil, section.heading?.contains("联系") == true { continue }
                builder.read(text, inContactSection: isContactSection)
            }
            walk(section.children, inContactSection: isContactSection, builder: &builder)
        }
    }

    struct Builder {
        let areaCode: String?
        var contacts: [Contact] = []
        var current: Contact?
        var lines: [TextLine] = []

        init(areaCode: String?) { self.areaCode = areaCode }

        mutating func read(_ line: TextLine, inContactSection: Bool) {
            let fields = ContactExtractor.fields(in: line)
            if fields.isEmpty {
                // "福建省工信厅科技处 陈恒", "（一）山东省工业和信息化厅科技处": a department, maybe with a person.
                guard inContactSection, let (department, names) = ContactExtractor.departmentAndPeople(line) else { return }
                start()
                current!.department = department
                current!.names = names
                lines.append(line)
                return
            }
            for (field, value) in fields {
                switch field {
                case .department:
                    if current?.department != nil || !(current?.names.isEmpty ?? true) { finish() }
                    if current == nil { start() }
                    current!.department = value.text
                case .person:
                    if !(current?.names.isEmpty ?? true) { finish() }
                    if current == nil { start() }
                    let (department, names) = ContactExtractor.people(value)
                    if current!.department == nil { current!.department = department }
                    current!.names = names
                case .phone, .fax:
                    if current == nil { start() }
                    current!.phones += ContactExtractor.phones(in: value, fax: field == .fax, areaCode: areaCode)
                case .email:
                    if current == nil { start() }
                    current!.emails += ContactExtractor.emails(in: value)
                case .address:
                    if current == nil { start() }
                    current!.address = value.text
                case .postcode:
                    if current == nil { start() }
                    let digits = value.scalars.prefix { $0.isASCIIDigit }
                    if digits.count == 6 { current!.postcode = String(String.UnicodeScalarView(digits)) }
                }
            }
            lines.append(line)
        }

        private mutating func start() {
            finish()
            current = Contact(names: [], department: nil, phones: [], emails: [], address: nil, postcode: nil, text: "",
                              span: SourceSpan(start: SourcePoint(line: 1, column: 1), end: SourcePoint(line: 1, column: 1)))
        }

        mutating func finish() {
            if var contact = current, !lines.isEmpty,
               !contact.names.isEmpty || !contact.phones.isEmpty || !contact.emails.isEmpty || contact.address != nil {
                contact.text = lines.map(\.text).joined(separator: "\n")
                contact.span = SourceSpan.covering(lines.compactMap(\.span))!
                contacts.append(contact)
            }
            current = nil
            lines = []
        }
    }

    /// The labelled fields of a line, each with its value (up to the next label).
    static func fields(in line: TextLine) -> [(Field, TextLine)] {
        var found: [(field: Field, labelStart: Int, valueStart: Int)] = []
        var i = 0
        while i < line.count {
            var matched = false
            for (label, field) in labels where line.hasPrefix(label, at: i) {
                var j = i + label.unicodeScalars.count
                while j < line.count, line.scalars[j].isLineSpace { j += 1 }
                let hasColon = j < line.count && (line.scalars[j] == "：" || line.scalars[j] == ":")
                // "邮编250002", "电话0531-…": a label straight before its digits needs no colon.
                let digitsFollow = j < line.count && (line.scalars[j].isASCIIDigit || line.scalars[j] == "（" || line.scalars[j] == "(")
                guard hasColon || (digitsFollow && (field == .postcode || field == .phone || field == .fax)) else { continue }
                // A label opens the line or a clause ("（三）电子邮箱：", "…，邮编250002").
                guard i == 0 || "，,；;。）)、 ".unicodeScalars.contains(line.scalars[i - 1]) else { continue }
                if hasColon { j += 1 }
                found.append((field, i, j))
                i = j
                matched = true
                break
            }
            if !matched { i += 1 }
        }
        return found.enumerated().map { k, entry in
            let end = k + 1 < found.count ? found[k + 1].labelStart : line.count
            var value = line[entry.valueStart..<end].trimmed()
            while let last = value.scalars.last, "，,；;。".unicodeScalars.contains(last) { value = value[0..<(value.count - 1)] }
            return (entry.field, value.trimmed())
        }
    }

    /// "冯雷、韩铁" → two people; "路正红 别 致" (a two-character name spaced to align with a
    /// three-character one) → 路正红, 别致; "市工信局技术处廖世清" → department 市工信局技术处, person 廖世清.
    static func people(_ value: TextLine) -> (department: String?, names: [String]) {
        var tokens: [TextLine] = []
        var start = 0
        for i in 0...value.count {
            let boundary = i == value.count || "、，,;；/ ".unicodeScalars.contains(value.scalars[i]) || value.hadGap(before: i)
            guard boundary else { continue }
            if i > start {
                let token = value[start..<i].trimmed()
                if !token.isEmpty { tokens.append(token) }
            }
            start = (i < value.count && "、，,;；/ ".unicodeScalars.contains(value.scalars[i])) ? i + 1 : i
        }
        var department: String?
        var names: [String] = []
        var singles: [String] = []
        func flushSingles() {
            if (2...3).contains(singles.count) { names.append(singles.joined()) }
            singles = []
        }
        for token in tokens {
            let text = token.text
            if token.count == 1, token.scalars[0].isHan {
                singles.append(text)
                continue
            }
            flushSingles()
            if let (dept, name) = splitDepartment(token) {
                department = department ?? dept
                if let name { names.append(name) }
            } else if isPersonName(token) {
                names.append(text)
            }
        }
        flushSingles()
        return (department, names)
    }

    /// A line that names a department, maybe followed by a person: "福建省工信厅科技处 陈恒".
    static func departmentAndPeople(_ line: TextLine) -> (String, [String])? {
        let trimmed = line.trimmed()
        guard trimmed.count <= 40, trimmed.scalars.allSatisfy({ $0.isHan || "（）() ".unicodeScalars.contains($0) }) else { return nil }
        if OrganizationName.isShaped(trimmed) { return (trimmed.text, []) }
        let (department, names) = people(trimmed)
        guard let department else { return nil }
        return (department, names)
    }

    /// Splits "市工信局技术处廖世清" at its last organisation word: department, then a 2–4 character name.
    static func splitDepartment(_ token: TextLine) -> (String, String?)? {
        let departmentEndings = ["处", "科", "室", "局", "厅", "部", "中心", "办公室", "办", "所", "站", "会", "院", "司", "委"]
        if OrganizationName.isShaped(token) && token.count > 4 { return (token.text, nil) }
        for cut in stride(from: token.count - 2, through: 2, by: -1) {
            let head = token[0..<cut], tail = token[cut..<token.count]
            guard departmentEndings.contains(where: { head.hasSuffix($0) }), isPersonName(tail), head.count >= 3 else { continue }
            return (head.text, tail.text)
        }
        return nil
    }

    /// Two to four Han characters that do not end like an organisation.
    static func isPersonName(_ token: TextLine) -> Bool {
        guard (2...4).contains(token.count), token.scalars.allSatisfy(\.isHan) else { return false }
        return !OrganizationName.suffixes.contains { token.hasSuffix($0) && $0.unicodeScalars.count >= 2 }
    }

    /// Every number in a phone value: "（010）66072791；（010）68416386",
    /// "0531-86902744/18765839053/15610118686", "010-12345678转8012", "400-123-4567".
    static func phones(in value: TextLine, fax: Bool, areaCode: String?) -> [Phone] {
        var phones: [Phone] = []
        let s = value.scalars
        var i = 0
        while i < s.count {
            guard s[i].isASCIIDigit || ((s[i] == "（" || s[i] == "(") && i + 1 < s.count && s[i + 1].isASCIIDigit) else { i += 1; continue }
            let start = i
            var digits = ""
            var extensionDigits: String?
            while i < s.count {
                let c = s[i]
                if c.isASCIIDigit {
                    if extensionDigits != nil { extensionDigits!.unicodeScalars.append(c) } else { digits.unicodeScalars.append(c) }
                } else if "-－—()（） ".unicodeScalars.contains(c) {
                    // separators inside a number
                } else if value.hasPrefix("转", at: i) || value.hasPrefix("分机", at: i) {
                    extensionDigits = extensionDigits ?? ""
                    if value.hasPrefix("分机", at: i) { i += 1 }
                } else {
                    break
                }
                i += 1
            }
            var end = i
            while end > start, !s[end - 1].isASCIIDigit { end -= 1 }
            if let phone = phone(digits: digits, extension: extensionDigits, fax: fax, areaCode: areaCode, span: value.span(start..<end)) {
                phones.append(phone)
            }
        }
        return phones
    }

    static func phone(digits: String, extension ext: String?, fax: Bool, areaCode: String?, span: SourceSpan) -> Phone? {
        let ext = (ext?.isEmpty ?? true) ? nil : ext
        let d = Array(digits)
        func make(_ number: String, _ kind: Phone.Kind, inferred: Bool = false) -> Phone {
            Phone(number: number, kind: fax ? .fax : kind, extension: ext, areaCodeInferred: inferred, span: span)
        }
        if d.count == 11, d[0] == "1" { return make(digits, .mobile) }
        if d.count == 10, digits.hasPrefix("400") || digits.hasPrefix("800") {
            return make("\(String(d[0..<3]))-\(String(d[3..<6]))-\(String(d[6...]))", .tollFree)
        }
        if d.first == "0", (10...12).contains(d.count) {
            let areaLength = (d[1] == "1" || d[1] == "2") ? 3 : 4
            return make("\(String(d[0..<areaLength]))-\(String(d[areaLength...]))", .landline)
        }
        if (7...8).contains(d.count), d.first != "0" {
            if let areaCode { return make("\(areaCode)-\(digits)", .landline, inferred: true) }
            return make(digits, .landline)
        }
        return nil
    }

    static func emails(in value: TextLine) -> [String] {
        let allowedLocal = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-".unicodeScalars)
        let s = value.scalars
        var found: [String] = []
        for (at, scalar) in s.enumerated() where scalar == "@" {
            var start = at
            while start > 0, allowedLocal.contains(s[start - 1]) { start -= 1 }
            var end = at + 1
            while end < s.count, s[end].isASCIILetter || s[end].isASCIIDigit || s[end] == "." || s[end] == "-" { end += 1 }
            while end > at + 1, s[end - 1] == "." { end -= 1 }
            let domain = String(String.UnicodeScalarView(s[(at + 1)..<end]))
            guard start < at, domain.contains(".") else { continue }
            found.append(String(String.UnicodeScalarView(s[start..<end])))
        }
        return found
    }
}
