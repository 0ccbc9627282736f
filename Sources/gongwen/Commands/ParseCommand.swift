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
        // Parsed on all cores, written in the order given: tasks parse runs of files one after another, as
        // `RunSchedule` gives them out (runs of about `Parse.runBudget` bytes of JSON, what is parsed and not yet
        // written bounded).
        /// The record of file `index`, as it is written out.
        @Sendable func recordBytes(_ index: Int) throws -> JSONBytes {
            let path = paths[index]
            let record = try Gongwen.recordToWrite(path: path, format: inputFormat, limits: limits)
            if outputFormat == .summary {
                return JSONBytes(
                    copying: Array(
                        ((index > 0 ? "\n" : "") + NoticeSummary.text(of: record, path: path, width: width)).utf8))
            }
            return JSONWriter.output(of: record, pretty: outputFormat == .json, newline: true)
        }
        var schedule = RunSchedule<ParsedRun>(
            files: paths.count, cores: ProcessInfo.processInfo.activeProcessorCount, budget: Self.runBudget)
        var failed = false
        await withTaskGroup(of: ParsedRun.self) { group in
            func startMore() {
                while let files = schedule.nextRun() {
                    group.addTask { ParsedRun.parse(files, budget: Self.runBudget, recordBytes) }
                }
            }
            startMore()
            while let run = await group.next() {
                for ready in schedule.finished(run.files, end: run.end, bytes: run.bytes, run) {
                    for result in ready.results {
                        switch result {
                        case let .success(bytes): sink.hold(bytes)
                        case let .failure(error):
                            failed = true
                            sink.flush()  // (the records before it first, as they were given)
                            FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
                        }
                    }
                }
                startMore()
            }
        }
        if !schedule.isComplete {  // (every file is given to a task and written in turn: never reached)
            failed = true
            FileHandle.standardError.write(
                Data("gongwen: internal error: some files were parsed and not written\n".utf8))
        }
        try sink.finish(failure: .failure)
        if failed { throw ExitCode.failure }
    }

    /// The JSON a run of files is sized by, and a task stops short of its run's end at (`RunSchedule`): runs of 32
    /// of `Benchmarks/bench.sh`'s notices, of a few large notices, one of a huge one.
    static let runBudget = 1 << 20

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
