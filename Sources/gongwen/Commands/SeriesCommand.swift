import ArgumentParser
import Foundation
import GongwenKit

struct Series: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
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
