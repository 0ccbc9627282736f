import ArgumentParser
import Foundation
import GongwenKit

@main
struct GongwenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongwen",
        abstract: "Turns Chinese official notices (公文) into structured, traceable records.",
        discussion: """
            Exit status: 0 when all went well; 1 when an input could not be read (parse, normalize, config, \
            ingest) or, for diff and series, when rules changed; 2 for trouble in diff and series; 64 for a \
            mistake in the command line elsewhere. Shell completion: gongwen --generate-completion-script bash \
            (or zsh, fish).
            """,
        version: Gongwen.version,
        subcommands: [
            Parse.self, Normalize.self, Diff.self, Series.self, Config.self,
            IngestCommand.self, SearchCommand.self, CitesCommand.self, CitedByCommand.self,
        ]
    )

    /// ArgumentParser's main, with two things it does not do: a misspelled subcommand gets a suggestion
    /// ("pase" → "parse"), and diff and series exit 2 for a mistake in the command line, as diff(1) does.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = unknownSubcommand(first) {
            FileHandle.standardError.write(Data("gongwen: \(message)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure, let first = arguments.first, ["diff", "series"].contains(first) {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitCode.trouble.rawValue)
            }
            exit(withError: error)
        }
    }

    static var subcommandNames: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// The message for a first argument that is neither an option nor a subcommand, with the nearest names.
    static func unknownSubcommand(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !subcommandNames.contains(word) else { return nil }
        let near = subcommandNames.filter { name in
            name.hasPrefix(word) && word.count >= 2 || editDistance(word.lowercased(), name) <= max(1, name.count / 3)
        }
        let suggestion = near.isEmpty ? "" : " Did you mean \(near.map { "'\($0)'" }.joined(separator: " or "))?"
        return
            "'\(word)' is not a gongwen command.\(suggestion) The commands: \(subcommandNames.dropLast().joined(separator: ", ")); see 'gongwen --help'."
    }

    /// Levenshtein distance, with a swap of two neighbours counted as one edit ("prase" → "parse").
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the normalized logical lines of a notice, each with the input lines it came from.",
        discussion: "Shows what the segmenter reads: markup stripped, widths folded, hard wraps re-flowed."
    )

    @Argument(help: "A notice file (.txt, .html), or - for standard input.")
    var file: String

    @OptionGroup var input: InputFormatArguments

    @Option(name: .customLong("format"), help: ArgumentHelp("The same as --input-format.", visibility: .hidden))
    var formerInputFormat: InputFormat?

    @OptionGroup var output: OutputArguments
    @OptionGroup var limits: LimitArguments

    func run() throws {
        let sink = try output.open()
        do {
            let notice = try Gongwen.normalize(
                path: file, format: input.inputFormat ?? formerInputFormat, limits: limits.limits)
            let wrap = notice.wrapWidth.map(String.init) ?? "none"
            sink.write(
                "# \(notice.source.encoding) (\(notice.encodingEvidence)), \(notice.source.format.rawValue), wrap width: \(wrap)\n"
            )
            for line in notice.lines {
                let span = line.span
                let heading = line.headingLevel.map { " h\($0)" } ?? ""
                sink.write(
                    "\(span.startLine):\(span.startColumn)-\(span.endLine):\(span.endColumn)\(heading)\t\(line.text)\n")
            }
        } catch let error as IngestError {
            FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
            throw ExitCode.failure
        }
        try sink.finish(failure: .failure)
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two notices: which rules changed, with old and new values and where they stand.",
        discussion: """
            OLD and NEW are notice files. A notice forwarded inside another is picked with #N after the \
            path, counting the file's notices depth-first from 0 (the file's own): 2023_fuzhou_forward.txt#2.

            Exit status, as diff(1)'s: 0 when no rule changed, 1 when some did (0 with --exit-zero), 2 for \
            trouble (an input that cannot be read, a mistake in the command line).
            """
    )

    @Argument(help: "The older notice: FILE or FILE#N.")
    var old: String

    @Argument(help: "The newer notice: FILE or FILE#N.")
    var new: String

    @OptionGroup var report: ReportArguments
    @OptionGroup var limits: LimitArguments

    func run() throws {
        let sink = try report.output.open(failure: .trouble)
        let diff: NoticeDiff
        do {
            let a = try Gongwen.locate(old, limits: limits.limits)
            let b = try Gongwen.locate(new, limits: limits.limits)
            diff = NoticeDiffer.diff(a.record, b.record, oldPath: a.address, newPath: b.address)
            sink.write(
                try DiffReport.render(
                    diff, format: report.format, options: report.options(for: sink, inputs: [old, new])))
        } catch {
            FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
            throw ExitCode.trouble
        }
        try sink.finish(failure: .trouble)
        try report.exit(changed: diff.hasChanges)
    }
}

struct Series: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Group the notices of a folder into campaign series and diff each year against the one before.",
        discussion: """
            Reads every notice file in FOLDER (.txt, .html, .htm, .shtml; with --recursive its subfolders' too), \
            notices forwarded inside others included; groups them by organizer and campaign, orders each series by \
            campaign year, and reports missing years with the notices that cite them. A notice found twice (the \
            same text as .txt and .html, or forwarded inside another file too) is read once; the copies are listed \
            as duplicates.

            Exit status, as diff(1)'s: 0 when no rule changed from one year to the next, 1 when some did (0 with \
            --exit-zero), 2 for trouble (a file that cannot be read — the others are still compared — or a \
            mistake in the command line).
            """
    )

    @Argument(help: "A folder of notices.")
    var folder: String

    @Flag(help: "Take the notice files of the folder's subfolders too.")
    var recursive = false

    @OptionGroup var report: ReportArguments
    @OptionGroup var limits: LimitArguments

    func run() throws {
        let sink = try report.output.open(failure: .trouble)
        let series: SeriesReport
        let failures: [IngestError]
        do {
            let folder = try Gongwen.records(inFolder: folder, recursive: recursive, limits: limits.limits)
            series = SeriesBuilder.build(folder.records)
            failures = folder.failures
            sink.write(
                try DiffReport.render(
                    series, format: report.format, options: report.options(for: sink, inputs: [self.folder])))
        } catch {
            FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
            throw ExitCode.trouble
        }
        for failure in failures {
            FileHandle.standardError.write(Data("gongwen: \(failure) (left out of the series)\n".utf8))
        }
        try sink.finish(failure: .trouble)
        if !failures.isEmpty { throw ExitCode.trouble }
        try report.exit(changed: series.hasChanges)
    }
}

struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "The configuration of each campaign and year, for the submission portal, the reviewers and the reminders.",
        discussion: """
            Reads notice files, or every notice file of a FOLDER (.txt, .html, .htm, .shtml; with --recursive its \
            subfolders' too), and those listed by --files-from. A notice that forwards others (转发) is \
            one campaign seen at several levels: its configuration lists each level with its own deadlines, the \
            deadline its applicants must meet, quotas and contacts. Prints one configuration (JSON, \
            Schemas/campaign.schema.json): pretty for one, one per line for several. Values the notices do not \
            state are listed under "missing"; --strict then exits 1.
            """
    )

    @Argument(help: "Notice files or folders.")
    var inputs: [String] = []

    @Flag(help: "Take the notice files of folders' subfolders too.")
    var recursive = false

    @OptionGroup var list: FileListArguments

    @Option(help: ArgumentHelp("Days before each deadline to send reminders.", valueName: "14d,7d,1d"))
    var remind: ReminderDays = ReminderDays(CampaignConfigurator.defaultReminderDays)

    @Flag(help: "Exit 1 when a configuration misses a value a portal needs (listed on standard error).")
    var strict = false

    @Option(
        help:
            "json (Schemas/campaign.schema.json), or ics: an iCalendar file of the deadlines, with the reminders as alarms."
    )
    var format: ConfigFormat = .json

    @Flag(
        help:
            "One JSON document: each campaign's configurations year by year, and what changed from one year to the next."
    )
    var series = false

    @OptionGroup var output: OutputArguments
    @OptionGroup var limits: LimitArguments

    func validate() throws {
        if inputs.isEmpty && list.filesFrom == nil {
            throw ValidationError("give notice files, folders or --files-from")
        }
    }

    func run() throws {
        let sink = try output.open()
        var failed = false
        var files: [(path: String, record: NoticeRecord)] = []
        var listed: [String] = []
        do { listed = try list.listedPaths(limits: limits.limits) } catch {
            FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
            failed = true
        }
        for input in inputs + listed {
            var isFolder: ObjCBool = false
            let paths: [String]
            do {
                if FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue {
                    paths = try Gongwen.noticeFiles(inFolder: input, recursive: recursive)
                } else {
                    paths = [input]
                }
            } catch {
                FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
                failed = true
                continue
            }
            for path in paths {
                do {
                    files.append((path, try Gongwen.parse(path: path, limits: limits.limits)))
                } catch {
                    FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
                    failed = true
                }
            }
        }
        let result = CampaignConfigurator.configurations(files, reminderDays: remind.days)
        for notice in result.unplaced {
            FileHandle.standardError.write(
                Data("gongwen: \(notice.path): no campaign can be named for it (\(notice.reason)); left out\n".utf8))
        }
        if format == .ics {
            sink.write(CampaignCalendar.ics(result.configurations, stamp: sourceDateEpoch() ?? Date()))
        }
        if series, format == .json {
            sink.write([UInt8](try Gongwen.jsonData(CampaignConfigurator.series(result), pretty: true)) + [0x0A])
        }
        for configuration in result.configurations {
            if format == .json, !series {
                sink.write(
                    [UInt8](try Gongwen.jsonData(configuration, pretty: result.configurations.count == 1)) + [0x0A])
            }
            if strict, !configuration.missing.isEmpty {
                let what = configuration.missing.map { "\($0.field) (\($0.why))" }.joined(separator: "; ")
                FileHandle.standardError.write(
                    Data(
                        "gongwen: \(configuration.campaign.name) \(configuration.campaign.year.map(String.init) ?? "(no year)"): missing \(what)\n"
                            .utf8))
                failed = true
            }
        }
        try sink.finish(failure: .failure)
        if failed || !result.unplaced.isEmpty { throw ExitCode.failure }
    }
}

enum ConfigFormat: String, ExpressibleByArgument {
    case json, ics
}

/// "14d,7d,1d" (or "14,7,1"): whole days before a deadline.
struct ReminderDays: ExpressibleByArgument {
    var days: [Int]

    init(_ days: [Int]) { self.days = days }

    init?(argument: String) {
        var days: [Int] = []
        for part in argument.split(separator: ",") {
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let n = Int(text.hasSuffix("d") ? String(text.dropLast()) : text), (0...366).contains(n) else {
                return nil
            }
            days.append(n)
        }
        guard !days.isEmpty else { return nil }
        self.days = days
    }

    var defaultValueDescription: String { days.map { "\($0)d" }.joined(separator: ",") }
}

/// How `diff` and `series` print their report, and what their exit status says.
struct ReportArguments: ParsableArguments {
    @Option(help: "terminal (coloured on a terminal), markdown, json or html.")
    var format: ReportFormat = .terminal

    @Flag(help: "List unchanged items too (JSON always lists them).")
    var all = false

    @Flag(help: "Each diff as its counts of changes by area, not change by change (terminal and markdown).")
    var summary = false

    @Flag(name: .customLong("exit-zero"), help: "Exit 0 when rules changed too (by default 1, as diff(1) does).")
    var exitZero = false

    @Option(help: "The HTML report's language: zh (the default) or en.")
    var lang: ReportLanguage = .zh

    @OptionGroup var color: ColorArguments
    @OptionGroup var output: OutputArguments

    func options(for sink: OutputSink, inputs: [String]) -> ReportOptions {
        ReportOptions(
            colour: color.colour(for: sink), showUnchanged: all, width: sink.terminalColumns, summaryOnly: summary,
            language: lang,
            provenance: ReportProvenance(generatedAt: Self.now(), version: Gongwen.version, inputs: inputs))
    }

    /// Now, in the local time zone with its offset; or the moment of SOURCE_DATE_EPOCH, in UTC.
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let epoch = sourceDateEpoch()
        formatter.timeZone = epoch == nil ? .current : TimeZone(identifier: "UTC")
        return formatter.string(from: epoch ?? Date())
    }

    /// Exits 1 when something changed (unless --exit-zero).
    func exit(changed: Bool) throws {
        if changed && !exitZero { throw ExitCode.failure }
    }
}

extension ExitCode {
    /// diff(1)'s status for trouble: `diff` and `series` say 1 for "changed".
    static let trouble = ExitCode(2)
}

extension InputFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}
