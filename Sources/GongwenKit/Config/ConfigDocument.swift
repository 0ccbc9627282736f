/// The notice a configuration was read from: its address in the input (path#index), file digest and header.
public struct ConfigDocument: Encodable, Sendable {
    public var address: String
    public var file: String
    public var sha256: String
    @Nullable public var docNumber: String?
    @Nullable public var title: String?
    @Nullable public var issuer: String?
    @Nullable public var signedOn: String?
}
