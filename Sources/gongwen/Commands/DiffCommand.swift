import ArgumentParser
import Foundation
import GongwenKit

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
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
