/// A GB/T 9704 element outside the body: where it stands and what it says.
public struct ElementRecord: Encodable, Sendable {
    public enum Kind: String, Encodable, Sendable {
        case copyNumber, secrecy, urgency, signer, masthead, docNumber, title, addressee, attachmentNote, signature,
            date,
            annotation, attachmentMarker, attachmentTitle, copyTo, printedBy,
            /// Outside GB/T 9704: a header line that is none of its elements, and a web page's furniture.
            preamble, furniture
    }

    public var kind: Kind
    public var text: String
    public var span: SourceSpan
}
