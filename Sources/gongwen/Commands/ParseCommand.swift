import ArgumentParser
import Foundation
import GongwenKit

struct Parse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse notices (plain text or HTML, any common encoding) into JSON records.",
        discussion: """
            Prints one record per file, in the order the files are given: pretty JSON for one file; for several, \
            one compact JSON record a line (JSON Lines), or on a terminal a short summary of each (--format says \
            which). A folder stands for its notice files (.txt, .html, .htm, .shtml; with --recursive its \
            subfolders' too); --files-from reads paths one a line, for more files than a command line holds. Files \
            are parsed on all cores. Use - to read standard input.

            Exit status: 0 when every input was read; 1 when one could not be (reported on standard error with what \
            was wrong and where, after every other file has been printed); 64 for a mistake in the command line.
            """
    )

    @Argument(help: "Notice files (.txt, .html), folders, or - for standard input.")
    var files: [String] = []

    @OptionGroup var list: FileListArguments

    @Flag(help: "Take the notice files of folders' subfolders too.")
    var recursive = false

    @Option(
        help: ArgumentHelp(
            "json (pretty: the default for one file), jsonl (one compact record a line: the default for several), or summary (a few lines a notice: the default for several on a terminal).",
            valueName: "format"))
    var format: ParseFormat?

    @Flag(help: ArgumentHelp("The same as --format jsonl.", visibility: .hidden))
    var jsonl = false

    @OptionGroup var input: InputFormatArguments
    @OptionGroup var output: OutputArguments
    @OptionGroup var limits: LimitArguments

    func validate() throws {
        if files.isEmpty && list.filesFrom == nil {
            throw ValidationError("give notice files, folders, - or --files-from")
        }
        if list.filesFrom == "-" && files.contains("-") {
            throw ValidationError("standard input cannot be both a notice and the list of files")
        }
        if let format, let misplaced = format.inputFormat {
            throw ValidationError(
                "--format is the output's format (json, jsonl or summary); for the input's, use --input-format \(misplaced.rawValue)"
            )
        }
        if jsonl, let format, format != .jsonl {
            throw ValidationError("--jsonl and --format \(format.rawValue) disagree")
        }
    }

    /// The format of the output: as asked, else pretty JSON for one file, and for several JSON Lines, or a
    /// summary on a terminal (never kilobytes of one-line JSON on a screen unasked).
    func outputFormat(files: Int, sink: OutputSink) -> ParseFormat {
        if jsonl { return .jsonl }
        if let format { return format }
        if files == 1 { return .json }
        return sink.isTerminal ? .summary : .jsonl
    }

    func run() async throws {
        let paths: [String]
        do { paths = try inputs() } catch {
            FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let sink = try output.open()
        let outputFormat = self.outputFormat(files: paths.count, sink: sink)
        let width = sink.terminalColumns
        let inputFormat = input.inputFormat
        let limits = self.limits.limits
        if paths.count == 1 && outputFormat != .summary {
            // One file: its JSON streamed out as it is written, never held whole.
            let record: NoticeRecord
            do { record = try Gongwen.recordToWrite(path: paths[0], format: inputFormat, limits: limits) } catch {
                FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
                throw ExitCode.failure
            }
            JSONWriter.stream(record, pretty: outputFormat == .json) { sink.write($0) }
            try sink.finish(failure: .failure)
            return
        }
        // Parsed on all cores, written in the order given: a task parses a run of files one after another (see
        // `Parse.runLength`), and at most two runs a core are parsed and not yet written.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let runLength = Self.runLength(files: paths.count, cores: cores)
        let runs = (paths.count + runLength - 1) / runLength
        let window = cores * 2
        var failed = false
        await withTaskGroup(of: (Int, [Result<JSONBytes, any Error>]).self) { group in
            var submitted = 0
            var written = 0
            var done: [Int: [Result<JSONBytes, any Error>]] = [:]
            func submit() {
                while submitted < runs && submitted < written + window {
                    let index = submitted
                    let range = index * runLength..<min(paths.count, (index + 1) * runLength)
                    group.addTask {
                        (
                            index,
                            range.map { fileIndex in
                                Result {
                                    let path = paths[fileIndex]
                                    let record = try Gongwen.recordToWrite(
                                        path: path, format: inputFormat, limits: limits)
                                    if outputFormat == .summary {
                                        return JSONBytes(
                                            copying: Array(
                                                ((fileIndex > 0 ? "\n" : "")
                                                    + NoticeSummary.text(of: record, path: path, width: width)).utf8))
                                    }
                                    return JSONWriter.output(of: record, pretty: outputFormat == .json, newline: true)
                                }
                            }
                        )
                    }
                    submitted += 1
                }
            }
            submit()
            while let (index, results) = await group.next() {
                done[index] = results
                while let next = done.removeValue(forKey: written) {
                    for result in next {
                        switch result {
                        case let .success(bytes): sink.hold(bytes)
                        case let .failure(error):
                            failed = true
                            sink.flush()  // (the records before it first, as they were given)
                            FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
                        }
                    }
                    written += 1
                }
                submit()
            }
        }
        try sink.finish(failure: .failure)
        if failed { throw ExitCode.failure }
    }

    /// How many files a task parses, one after another: one while there are fewer than 32 a core, so that every
    /// core has some; then up to four. A task costs its creation and the wake-ups of the thread that runs it and
    /// of the one that writes: with runs of four, `parse` of the 3,000 notices of `Benchmarks/bench.sh` took
    /// 0.964, 0.979 and 0.986 of the CPU time a task a file took (medians of 21, 31 and 31 runs of each by turns
    /// on two cores, `Benchmarks/ab.sh --all-cores`; the last within the spread), of 3,000 one-line notices
    /// 0.92–0.95. (Four, not more: at most eight files a core are then parsed and not yet written, where a task
    /// a file held four.)
    static func runLength(files: Int, cores: Int) -> Int {
        max(1, min(4, files / (cores * 32)))
    }

    /// The paths to parse: the arguments, a folder as its notice files, then the listed ones.
    func inputs() throws -> [String] {
        var paths: [String] = []
        for argument in files {
            var isFolder: ObjCBool = false
            if argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder),
                isFolder.boolValue
            {
                paths += try Gongwen.noticeFiles(inFolder: argument, recursive: recursive)
            } else {
                paths.append(argument)
            }
        }
        return paths + (try list.listedPaths(limits: limits.limits))
    }
}

/// What `parse --format` writes. ("text" and "html", which the option once meant for the input, are
/// understood only to say that --input-format is the option for them.)
enum ParseFormat: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl, summary
    case text, html

    static var allValueStrings: [String] { ["json", "jsonl", "summary"] }

    var inputFormat: InputFormat? { InputFormat(rawValue: rawValue) }
}
