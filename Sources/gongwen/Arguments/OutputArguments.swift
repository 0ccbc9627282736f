import ArgumentParser
import CTerminal
import Foundation

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
final class OutputSink {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The file written, or nil for standard output.
    let path: String?
    private let descriptor: Int32
    private var temporary: String?
    /// The first write that failed (a full disk, a closed pipe), reported by `finish`.
    private var failure: String?

    init(path: String?) throws(Failure) {
        self.path = path
        guard let path else {
            descriptor = STDOUT_FILENO
            return
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw Failure(description: "\(path): is a folder; -o names the file to write")
        }
        let url = URL(fileURLWithPath: path)
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
        temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit {
        if let temporary {  // not finished: the temporary file goes, the old output stays
            close(descriptor)
            unlink(temporary)
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

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Foundation.write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            next += written
            left -= written
        }
    }

    /// Puts the file in place (or checks that standard output took everything).
    func finish() throws(Failure) {
        let name = path ?? "standard output"
        if let failure { throw Failure(description: "cannot write to \(name): \(failure)") }
        guard let path, let temporary else { return }
        self.temporary = nil
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "cannot write to \(path): \(reason)")
        }
        if rename(temporary, path) != 0 {
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
