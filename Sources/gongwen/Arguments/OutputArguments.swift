import ArgumentParser
import CProcess
import Foundation
import GongwenKit

/// `-o/--output`: where a command writes.
struct OutputArguments: ParsableArguments {
    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp(
            "Write to this file instead of standard output (it is replaced only once the output is complete; - is standard output).",
            valueName: "file"))
    var output: String?

    /// The sink, or a message on standard error and `failure` as the exit status when the file cannot be made.
    func open(failure: ExitCode = .failure) throws -> OutputSink {
        do { return try OutputSink(path: output == "-" ? nil : output) } catch {  // "-o -": standard output, as usual
            FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
            throw failure
        }
    }
}

/// Standard output, or the file of `-o`: written to a temporary file beside it and renamed over it when the
/// command completes, so that a failed run never leaves half a file where a whole one was.
///
/// Only a regular file is replaced that way. Anything else that is already there — `/dev/null`, a terminal, a named
/// pipe, `/dev/stdout` — is opened and written in place: renaming a file over it would put a regular file where the
/// device or the pipe was (run as root, `-o /dev/null` replaced the system's `/dev/null`). A symbolic link is
/// followed, and the file it names is replaced, not the link.
final class OutputSink {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The file written, or nil for standard output.
    let path: String?
    private let descriptor: Int32
    /// The temporary file written, and the regular file it is renamed over (`path`, or the file it links to).
    private var replacing: (temporary: String, target: String)?
    /// A device or a pipe `-o` named, opened here and closed by `finish`.
    private var ownsDescriptor = false
    /// The first write that failed (a full disk, a closed pipe), reported by `finish`.
    private var failure: String?
    /// The records `hold` has taken and not yet written, and their bytes in all (up to `heldCapacity`): written
    /// together by one `writev` from where each was made. (Copied into one buffer first, they were moved once more
    /// than written: that copy was 0.6% of the samples of `parse` of 3,000 notices.)
    private var held: [JSONBytes] = []
    private var heldCount = 0
    /// Whether the output is a terminal, asked once (`isatty` is a system call).
    private lazy var writesToTerminal = isatty(descriptor) == 1
    /// Records of 10 KB on average: a write about every five of them, where a write a record was a system call
    /// each (3,000 of them for 3,000 notices).
    private static let heldCapacity = 64 * 1024
    /// At most this many records to a write: fewer than any system's limit of pieces (`IOV_MAX`, 1,024 on Linux).
    private static let heldRecordsLimit = 256

    init(path: String?) throws(Failure) {
        self.path = path
        guard let path else {
            descriptor = STDOUT_FILENO
            return
        }
        var replaced = path
        var status = stat()
        if stat(path, &status) == 0 {  // stat follows a symbolic link to what it names
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                throw Failure(description: "\(path): is a folder; -o names the file to write")
            case S_IFREG:
                // The file a symbolic link names is the one replaced (realpath(3): Foundation's
                // resolvingSymlinksInPath left the link unresolved here).
                if let resolved = realpath(path, nil) {
                    replaced = String(cString: resolved)
                    free(resolved)
                }
            default:  // a device, a pipe, a socket: written where it is
                let opened = open(path, O_WRONLY | O_CLOEXEC)
                guard opened >= 0 else {
                    throw Failure(description: "\(path): cannot open it: \(String(cString: strerror(errno)))")
                }
                descriptor = opened
                ownsDescriptor = true
                return
            }
        }
        let url = URL(fileURLWithPath: replaced)
        var template = Array(
            url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else {
            throw Failure(description: "\(path): cannot create it: \(String(cString: strerror(errno)))")
        }
        // mkstemp makes the file private (0600); the output gets the permissions any new file gets.
        let mask = umask(0)
        umask(mask)
        fchmod(made, 0o666 & ~mask)
        descriptor = made
        replacing = (template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }, replaced)
    }

    deinit {
        if let replacing {  // not finished: the temporary file goes, the old output stays
            close(descriptor)
            unlink(replacing.temporary)
        } else {
            flush()  // what was written to standard output or a device before a failure is not lost
            if ownsDescriptor { close(descriptor) }
        }
    }

    /// Output to a terminal (never a file of -o).
    var isTerminal: Bool { path == nil && isatty(STDOUT_FILENO) == 1 }

    /// The terminal's width in columns, or nil when the output is not a terminal.
    var terminalColumns: Int? {
        guard path == nil else { return nil }
        let columns = Int(gw_terminal_columns(STDOUT_FILENO))
        return columns > 0 ? columns : nil
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    /// Writes `record` after what is held, or holds it with it until `heldCapacity` bytes would be held: for
    /// many small records written one after another. What is held is written by `flush`, by `write` and by
    /// `finish`; a message on standard error between two records is written after a `flush`, so that the two
    /// streams keep their order. Never held for a terminal, whose reader waits for each record.
    func hold(_ record: JSONBytes) {
        if writesToTerminal || record.count >= Self.heldCapacity {
            record.withUnsafeBytes { write($0) }
            return
        }
        if heldCount + record.count > Self.heldCapacity || held.count == Self.heldRecordsLimit { flush() }
        held.append(record)
        heldCount += record.count
    }

    /// Writes what `hold` has held.
    func flush() {
        guard !held.isEmpty else { return }
        writeNow(held)
        held.removeAll(keepingCapacity: true)
        heldCount = 0
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        flush()
        writeNow(bytes)
    }

    /// Writes the records one after another from where each was made.
    private func writeNow(_ records: [JSONBytes]) {
        withExtendedLifetime(records) {  // (each record's bytes stay where they are while `records` holds it)
            writeNow(
                pieces: records.map { record in
                    record.withUnsafeBytes {
                        iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count)
                    }
                })
        }
    }

    private func writeNow(_ bytes: UnsafeRawBufferPointer) {
        writeNow(pieces: [iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress), iov_len: bytes.count)])
    }

    /// Writes `pieces` one after another with `writev`, again from where it stopped until all are written (a write
    /// into a pipe that a signal interrupts returns having written part of them); the first failure is kept for
    /// `finish`, and nothing is written after it.
    private func writeNow(pieces: [iovec]) {
        guard failure == nil else { return }
        var pieces = pieces
        var first = 0
        while first < pieces.count {
            let written = pieces.withUnsafeBufferPointer {
                writev(descriptor, $0.baseAddress! + first, Int32(pieces.count - first))
            }
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            var left = written  // past the pieces written whole, into the one written in part
            while first < pieces.count, left >= pieces[first].iov_len {
                left -= pieces[first].iov_len
                first += 1
            }
            if left > 0 {
                pieces[first].iov_base += left
                pieces[first].iov_len -= left
            }
        }
    }

    /// Puts the file in place (or checks that standard output took everything).
    func finish() throws(Failure) {
        flush()
        let name = path ?? "standard output"
        if let failure { throw Failure(description: "cannot write to \(name): \(failure)") }
        if ownsDescriptor, let path {  // a device or a pipe: nothing to put in place
            ownsDescriptor = false
            if close(descriptor) != 0 {
                throw Failure(description: "cannot write to \(path): \(String(cString: strerror(errno)))")
            }
            return
        }
        guard let path, let (temporary, target) = replacing else { return }
        replacing = nil
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "cannot write to \(path): \(reason)")
        }
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "cannot write to \(path): \(reason)")
        }
    }

    /// `finish`, with a message on standard error and `failure` as the exit status when it fails.
    func finish(failure: ExitCode) throws {
        do { try finish() } catch {
            FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
            throw failure
        }
    }
}
