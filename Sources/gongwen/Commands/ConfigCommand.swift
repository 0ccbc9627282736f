import ArgumentParser
import Foundation
import GongwenKit

struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
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
