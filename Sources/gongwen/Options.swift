import ArgumentParser
import CTerminal
import Foundation
import GongwenKit

/// How much of one input is read before it is refused.
struct LimitArguments: ParsableArguments {
    @Option(
        name: .customLong("max-bytes"),
        help: ArgumentHelp(
            "Refuse an input larger than this (bytes, or with K, M or G: 64M; at most 2G).",
            valueName: "size"))
    var maxBytes: ByteCount = ByteCount(IngestLimits.standard.maxBytes)

    var limits: IngestLimits { IngestLimits(maxBytes: maxBytes.bytes) }
}

/// A size in bytes as people write it: 1048576, 512K, 64M, 1G (powers of 1024).
struct ByteCount: ExpressibleByArgument, CustomStringConvertible {
    var bytes: Int

    init(_ bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let text = argument.uppercased().replacingOccurrences(of: "IB", with: "").replacingOccurrences(
            of: "B", with: "")
        let shifts: [Character: Int] = ["K": 10, "M": 20, "G": 30]
        var digits = Substring(text)
        var shift = 0
        if let last = digits.last, let s = shifts[last] {
            shift = s
            digits = digits.dropLast()
        }
        guard let value = Int(digits), value > 0 else { return nil }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: 1 << shift)
        guard !overflow, bytes <= 1 << 31 else { return nil }  // 2G: IngestLimits.largest, give or take its byte
        self.bytes = bytes
    }

    var description: String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20)M" : "\(bytes)"
    }

    var defaultValueDescription: String { description }
}

/// The moment SOURCE_DATE_EPOCH names, when it is set: what a report or a calendar says it was made at, so
/// that it can be made again byte for byte (reproducible-builds.org); nil for "now".
func sourceDateEpoch() -> Date? {
    ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init).map {
        Date(timeIntervalSince1970: TimeInterval($0))
    }
}

/// `--files-from`: more notice files than a command line holds (an archive of 100,000), one path a line.
struct FileListArguments: ParsableArguments {
    @Option(
        name: .customLong("files-from"),
        help: ArgumentHelp(
            "Also read the paths listed in this file, one a line (- for standard input).", valueName: "list"))
    var filesFrom: String?

    /// The listed paths (blank lines and surrounding spaces left out), or none without --files-from.
    func listedPaths(limits: IngestLimits) throws -> [String] {
        guard let filesFrom else { return [] }
        let bytes = try InputReader.bytes(of: filesFrom, limits: limits)
        return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// `--input-format`: the same words wherever a command reads notices.
struct InputFormatArguments: ParsableArguments {
    @Option(
        name: .customLong("input-format"),
        help: "Read the input as 'text' or 'html' instead of guessing from its name and first bytes.")
    var inputFormat: InputFormat?
}

/// `--color auto|always|never`, as ls, grep and git spell it.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

struct ColorArguments: ParsableArguments {
    @Option(
        help: "Colour the terminal output: auto (on a terminal, unless NO_COLOR is set), always (for less -R) or never."
    )
    var color: ColorChoice = .auto

    /// Whether output going to `sink` is coloured: `always` and `never` as said; `auto` on a terminal, unless
    /// the NO_COLOR environment variable is set and not empty (no-color.org) or the terminal is "dumb".
    func colour(for sink: OutputSink) -> Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            return sink.isTerminal && environment["TERM"] != "dumb"
        }
    }
}

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
