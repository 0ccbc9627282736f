/// A naming rule: files named "以“申报企业全称”命名", the mail subject "邮件主题为“…”".
public struct NamingRule: Encodable, Sendable, Equatable {
    public enum Target: String, Encodable, Sendable {
        case file, emailSubject, folder
    }

    public var target: Target
    public var pattern: String
    public var text: String
    public var span: SourceSpan
}
