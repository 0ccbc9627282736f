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
