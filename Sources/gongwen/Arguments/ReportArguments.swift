import ArgumentParser
import Foundation
import GongwenKit

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
