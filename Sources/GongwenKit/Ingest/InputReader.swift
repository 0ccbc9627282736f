import Foundation

/// How much input Gongwen reads before refusing it. A notice is a few kilobytes; the whole pipeline
/// holds about 7 bytes of memory per input byte for text and 12 for HTML, so the default keeps one input
/// under ~800 MB.
public struct IngestLimits: Sendable, Equatable {
    /// The most bytes any input may hold, whatever the limit asked for: 2 GiB less one byte. A line's
    /// length and a column are kept in 32 bits (`Scalars`, `Origins`), and an input no longer than
    /// this cannot run past them.
    public static let largest = Int(Int32.max)

    public private(set) var maxBytes: Int

    /// At most `largest`.
    public init(maxBytes: Int) { self.maxBytes = min(maxBytes, Self.largest) }

    public static let standard = IngestLimits(maxBytes: 64 << 20)
}

/// Reads an input's bytes in chunks, refusing it as soon as its first bytes show it is not text or its
/// length passes the limit: a 4 GiB image or an endless stream on standard input costs one chunk of
/// memory, not all of it.
package enum InputReader {
    static let chunkSize = 1 << 20
    /// How many bytes are looked at before the rest is read: enough for any file signature and a fair
    /// sample of control bytes.
    static let headSize = 64 << 10

    /// The bytes of the file at `path` ("-" for standard input), read with `open`/`read` on a file
    /// descriptor (FileManager and FileHandle took 6% of a parse of short notices on their own).
    package static func bytes(of path: String, limits: IngestLimits) throws -> [UInt8] {
        let descriptor: Int32
        var expected = 0
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw IngestError.unreadable(path: path, reason: reason(errno)) }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else {
                let error = errno
                close(descriptor)
                throw IngestError.unreadable(path: path, reason: reason(error))
            }
            guard status.st_mode & S_IFMT != S_IFDIR else {
                close(descriptor)
                throw IngestError.unreadable(path: path, reason: "it is a directory")
            }
            // A regular file says its size: refuse it before reading a byte. (A pipe or a device says 0.)
            if status.st_mode & S_IFMT == S_IFREG {
                expected = Int(status.st_size)
                guard expected <= limits.maxBytes else {
                    close(descriptor)
                    throw IngestError.tooLarge(path: path, limit: limits.maxBytes, size: expected)
                }
            }
        }
        defer { if path != "-" { close(descriptor) } }

        // A regular file smaller than a chunk (a notice) is read straight into an array of its size and one
        // byte more, which tells a file that grew since `fstat` (they were read into a chunk, cleared first,
        // and copied out of it).
        var bytes: [UInt8] = []
        var checkedHead = false
        if expected > 0, expected < chunkSize {
            bytes = try readWhole(descriptor, size: expected, path: path)
            guard bytes.count <= limits.maxBytes else {
                throw IngestError.tooLarge(path: path, limit: limits.maxBytes, size: nil)
            }
            if bytes.count >= headSize {
                try Ingest.refuseNonText(bytes.prefix(headSize), path: path)
                checkedHead = true
            }
            if bytes.count <= expected { return bytes }
        }
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: expected > 0 ? min(expected + 1, chunkSize) : chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw IngestError.unreadable(
                    path: path, reason: "read failed after \(bytes.count) bytes: \(reason(errno))")
            }
            if count == 0 { break }
            guard bytes.count + count <= limits.maxBytes else {
                throw IngestError.tooLarge(path: path, limit: limits.maxBytes, size: nil)
            }
            bytes.append(contentsOf: chunk[0..<count])
            if !checkedHead, bytes.count >= headSize {
                try Ingest.refuseNonText(bytes.prefix(headSize), path: path)
                checkedHead = true
            }
            // A regular file that has given the size `fstat` reported, with room left in the read, is at
            // its end: no further read is made to be told so (for a notice of a few kilobytes, that read
            // was a third of the system calls of its parse).
            if expected > 0, bytes.count == expected, count < chunk.count { break }
        }
        return bytes
    }

    /// The bytes of a regular file of `size` bytes (and of one byte more, when it grew since its size was
    /// told), read into one array. A read that gives the last of the `size` bytes with room left is the
    /// file's end: no further read is made to be told so, as in `bytes(of:limits:)`.
    private static func readWhole(_ descriptor: Int32, size: Int, path: String) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
            guard let start = buffer.baseAddress else { return }
            while initialized < buffer.count {
                let asked = buffer.count - initialized
                let count = read(descriptor, start + initialized, asked)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw IngestError.unreadable(
                        path: path, reason: "read failed after \(initialized) bytes: \(reason(errno))")
                }
                if count == 0 { break }
                initialized += count
                if initialized == size, count < asked { break }
            }
        }
    }

    /// What an `errno` from opening or reading a file means, in the words the errors use.
    private static func reason(_ error: Int32) -> String {
        switch error {
        case ENOENT, ENOTDIR: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "it is a directory"
        default: return String(cString: strerror(error))
        }
    }
}
