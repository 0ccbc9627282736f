import ArgumentParser
import Foundation
import GongwenKit

@main
struct GongwenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongwen",
        abstract: "Turns Chinese official notices (公文) into structured, traceable records.",
        subcommands: [Parse.self, Normalize.self, Diff.self, Series.self, Config.self,
                      IngestCommand.self, SearchCommand.self, CitesCommand.self, CitedByCommand.self]
    )
}

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the normalized logical lines of a notice, each with the input lines it came from.",
        discussion: "Shows what the segmenter reads: markup stripped, widths folded, hard wraps re-flowed."
    )

    @Argument(help: "A notice file (.txt, .html), or - for standard input.")
    var file: String

    @Option(help: "Read the input as 'text' or 'html' instead of guessing from its name and first bytes.")
    var format: InputFormat?

    @OptionGroup var limits: LimitArguments

    func run() throws {
        do {
            let document = try Ingest.read(path: file, format: format, limits: limits.limits)
            let normalized = Normalizer.normalize(document.lines, headingLevels: document.headingLevels, links: document.links)
            let wrap = normalized.wrapWidth.map(String.init) ?? "none"
            print("# \(document.source.encoding) (\(document.encodingEvidence)), \(document.source.format.rawValue), wrap width: \(wrap)")
            for line in normalized.lines {
                let span = line.span
                let heading = line.markdownHeadingLevel.map { " h\($0)" } ?? ""
                print("\(span.startLine):\(span.startColumn)-\(span.endLine):\(span.endColumn)\(heading)\t\(line.text)")
            }
        } catch let error as IngestError {
            FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two notices: which rules changed, with old and new values and where they stand.",
        discussion: """
        OLD and NEW are notice files. A notice forwarded inside another is picked with #N after the \
        path, counting the file's notices depth-first from 0 (the file's own): 2023_fuzhou_forward.txt#2.
        """
    )

    @Argument(help: "The older notice: FILE or FILE#N.")
    var old: String

    @Argument(help: "The newer notice: FILE or FILE#N.")
    var new: String

    @OptionGroup var report: ReportArguments
    @OptionGroup var limits: LimitArguments

    func run() throws {
        do {
            let a = try Gongwen.locate(old, limits: limits.limits), b = try Gongwen.locate(new, limits: limits.limits)
            let diff = NoticeDiffer.diff(a.record, b.record, oldPath: a.address, newPath: b.address)
            try write(DiffReport.render(diff, format: report.format, options: report.options))
        } catch let error as GongwenError {
            FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

struct Series: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Group the notices of a folder into campaign series and diff each year against the one before.",
        discussion: """
        Reads every .txt and .html file in FOLDER (notices forwarded inside others included), groups them by \
        organizer and campaign, orders each series by campaign year, and reports missing years with the \
        notices that cite them.
        """
    )

    @Argument(help: "A folder of notices.")
    var folder: String

    @OptionGroup var report: ReportArguments
    @OptionGroup var limits: LimitArguments

    func run() throws {
        do {
            let folder = try Gongwen.records(inFolder: folder, limits: limits.limits)
            let series = SeriesBuilder.build(folder.records)
            try write(DiffReport.render(series, format: report.format, options: report.options))
            for failure in folder.failures {
                FileHandle.standardError.write(Data("gongwen: \(failure) (left out of the series)\n".utf8))
            }
            if !folder.failures.isEmpty { throw ExitCode.failure }
        } catch let error as GongwenError {
            FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The configuration of each campaign and year, for the submission portal, the reviewers and the reminders.",
        discussion: """
        Reads notice files, or every .txt and .html file of a FOLDER. A notice that forwards others (转发) is \
        one campaign seen at several levels: its configuration lists each level with its own deadlines, the \
        deadline its applicants must meet, quotas and contacts. Prints one configuration (JSON, \
        Schemas/campaign.schema.json): pretty for one, one per line for several. Values the notices do not \
        state are listed under "missing"; --strict then exits 1.
        """
    )

    @Argument(help: "Notice files or folders.")
    var inputs: [String]

    @Option(help: ArgumentHelp("Days before each deadline to send reminders.", valueName: "14d,7d,1d"))
    var remind: ReminderDays = ReminderDays(CampaignConfigurator.defaultReminderDays)

    @Flag(help: "Exit 1 when a configuration misses a value a portal needs (listed on standard error).")
    var strict = false

    @Option(help: "json (Schemas/campaign.schema.json), or ics: an iCalendar file of the deadlines, with the reminders as alarms.")
    var format: ConfigFormat = .json

    @Flag(help: "One JSON document: each campaign's configurations year by year, and what changed from one year to the next.")
    var series = false

    @OptionGroup var limits: LimitArguments

    func run() throws {
        var failed = false
        var files: [(path: String, record: NoticeRecord)] = []
        for input in inputs {
            var isFolder: ObjCBool = false
            let paths: [String]
            do {
                if FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue {
                    paths = try Gongwen.noticeFiles(inFolder: input)
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
            FileHandle.standardError.write(Data("gongwen: \(notice.path): no campaign can be named for it (\(notice.reason)); left out\n".utf8))
        }
        if format == .ics { FileHandle.standardOutput.write(Data(CampaignCalendar.ics(result.configurations).utf8)) }
        if series, format == .json {
            FileHandle.standardOutput.write(try Gongwen.jsonData(CampaignConfigurator.series(result), pretty: true) + Data("\n".utf8))
        }
        for configuration in result.configurations {
            if format == .json, !series {
                FileHandle.standardOutput.write(try Gongwen.jsonData(configuration, pretty: result.configurations.count == 1) + Data("\n".utf8))
            }
            if strict, !configuration.missing.isEmpty {
                let what = configuration.missing.map { "\($0.field) (\($0.why))" }.joined(separator: "; ")
                FileHandle.standardError.write(Data("gongwen: \(configuration.campaign.name) \(configuration.campaign.year.map(String.init) ?? "(no year)"): missing \(what)\n".utf8))
                failed = true
            }
        }
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
            guard let n = Int(text.hasSuffix("d") ? String(text.dropLast()) : text), (0...366).contains(n) else { return nil }
            days.append(n)
        }
        guard !days.isEmpty else { return nil }
        self.days = days
    }

    var defaultValueDescription: String { days.map { "\($0)d" }.joined(separator: ",") }
}

/// How `diff` and `series` print their report.
struct ReportArguments: ParsableArguments {
    @Option(help: "terminal (coloured on a terminal), markdown, json or html.")
    var format: ReportFormat = .terminal

    @Flag(help: "List unchanged items too (JSON always lists them).")
    var all = false

    var options: ReportOptions { ReportOptions(colour: isatty(STDOUT_FILENO) == 1, showUnchanged: all) }
}

/// How much of one input is read before it is refused.
struct LimitArguments: ParsableArguments {
    @Option(name: .customLong("max-bytes"), help: ArgumentHelp(
        "Refuse an input larger than this (bytes, or with K, M or G: 64M).",
        valueName: "size"))
    var maxBytes: ByteCount = ByteCount(IngestLimits.standard.maxBytes)

    var limits: IngestLimits { IngestLimits(maxBytes: maxBytes.bytes) }
}

/// A size in bytes as people write it: 1048576, 512K, 64M, 1G (powers of 1024).
struct ByteCount: ExpressibleByArgument, CustomStringConvertible {
    var bytes: Int

    init(_ bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let text = argument.uppercased().replacingOccurrences(of: "IB", with: "").replacingOccurrences(of: "B", with: "")
        let shifts: [Character: Int] = ["K": 10, "M": 20, "G": 30]
        var digits = Substring(text)
        var shift = 0
        if let last = digits.last, let s = shifts[last] {
            shift = s
            digits = digits.dropLast()
        }
        guard let value = Int(digits), value > 0 else { return nil }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: 1 << shift)
        guard !overflow else { return nil }
        self.bytes = bytes
    }

    var description: String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20)M" : "\(bytes)"
    }

    var defaultValueDescription: String { description }
}

func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

extension InputFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

