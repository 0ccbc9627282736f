/// Notices that cannot be placed: no issuer, no title, or no campaign year.
public struct UnplacedNotice: Encodable, Sendable {
    public var path: String
    public var reason: String
}
