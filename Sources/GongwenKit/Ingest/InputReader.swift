import Foundation

/// How much input Gongwen reads before refusing it. A notice is a few kilobytes; the whole pipeline
/// holds about 20 bytes of memory per input byte, so the default keeps one input under ~1.5 GB.
public struct IngestLimits: Sendable, Equatable {
    public var maxBytes: Int

    public init(maxBytes: Int) { self.maxBytes = maxBytes }

    public static let standard = IngestLimits(maxBytes: 64 << 20)
}

/// Reads an input's bytes in chunks, refusing it as soon as its first bytes show it is not text or its
/// length passes the limit: a 4 GiB image or an endless stream on standard input costs one chunk of
/// memory, not all of it.
public enum InputReader {
    static let chunkSize = 1 << 20
    /// How many bytes are looked at before the rest is read: enough for any file signature and a fair
    /// sample of control bytes.
    static let headSize = 64 << 10

    public static func bytes(of path: String, limits: IngestLimits) throws -> [UInt8] {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw IngestError.unreadable(path: path, reason: "no such file")
            }
            guard !isDirectory.boolValue else { throw IngestError.unreadable(path: path, reason: "it is a directory") }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw IngestError.unreadable(path: path, reason: "permission denied")
            }
            handle = opened
            // A regular file says its size: refuse it before reading a byte. (A pipe or a device says 0.)
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limits.maxBytes {
                try? handle.close()
                throw IngestError.tooLarge(path: path, limit: limits.maxBytes, size: size)
            }
        }
        defer { if path != "-" { try? handle.close() } }

        var bytes: [UInt8] = []
        var checkedHead = false
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: chunkSize)
            } catch {
                throw IngestError.unreadable(path: path, reason: "read failed after \(bytes.count) bytes: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            guard bytes.count + chunk.count <= limits.maxBytes else {
                throw IngestError.tooLarge(path: path, limit: limits.maxBytes, size: nil)
            }
            bytes += chunk
            if !checkedHead, bytes.count >= headSize {
                try Ingest.refuseNonText(bytes.prefix(headSize), path: path)
                checkedHead = true
            }
        }
        return bytes
    }
}
