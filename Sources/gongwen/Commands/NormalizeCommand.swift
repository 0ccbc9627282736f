import ArgumentParser
import Foundation
import GongwenKit

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
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
