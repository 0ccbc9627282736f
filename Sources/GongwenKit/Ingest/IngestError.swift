/// Why an input was refused. Each message names the input and, where it applies, the byte offset.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case blank(path: String)
    case binary(path: String, byteOffset: Int, byte: UInt8)
    case invalidEncoding(path: String, encoding: String, byteOffset: Int)
    case undetectableEncoding(path: String, firstInvalidUTF8Offset: Int)
    case unsupportedEncoding(path: String, encoding: String)
    case html(path: String, reason: String)
    case unencodable(encoding: String, utf16Offset: Int)
    /// Larger than `IngestLimits.maxBytes`; `size` when the file said it before being read.
    case tooLarge(path: String, limit: Int, size: Int?)
    /// A known non-text format (PDF, Word, an archive, an image), with how to convert it when it can be.
    case notText(path: String, format: String, advice: String?)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read the input: \(reason)"
        case let .empty(path):
            return "\(path): the input is empty (0 bytes)"
        case let .blank(path):
            return "\(path): the input holds only white space; there is no notice to parse"
        case let .binary(path, offset, byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return
                "\(path): binary content at byte offset \(offset) (control byte 0x\(byte < 16 ? "0" : "")\(hex)); expected text or HTML"
        case let .invalidEncoding(path, encoding, offset):
            return "\(path): invalid \(encoding) at byte offset \(offset)"
        case let .undetectableEncoding(path, offset):
            return
                "\(path): not valid UTF-8 (first invalid byte at offset \(offset)) and no other encoding fits the bytes"
        case let .unsupportedEncoding(path, encoding):
            return "\(path): unsupported encoding \(encoding)"
        case let .unencodable(encoding, offset):
            return "the character at UTF-16 offset \(offset) has no form in \(encoding)"
        case let .tooLarge(path, limit, size):
            let actual = size.map { "is \($0) bytes" } ?? "is longer than that (read up to the limit, then stopped)"
            guard limit < IngestLimits.largest else {
                return
                    "\(path): the input \(actual); Gongwen reads at most \(limit) bytes (2 GiB less one) from one input"
            }
            return
                "\(path): the limit is \(limit) bytes and the input \(actual); raise it with --max-bytes if this is really one notice"
        case let .notText(path, format, advice):
            return "\(path): this is \(format), not text or HTML" + (advice.map { ": \($0)" } ?? "")
        case let .html(path, reason):
            return "\(path): the HTML could not be read: \(reason)"
        }
    }
}
