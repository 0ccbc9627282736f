import ArgumentParser
import Foundation
import GongwenKit

struct GongwenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongwen",
        abstract: "Turns Chinese official notices (公文) into structured, traceable records.",
        subcommands: [Parse.self, Normalize.self]
    )
}

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse notices (plain text or HTML, any common encoding) into JSON records.",
        discussion: """
        Prints one JSON record per file: pretty-printed for one file, one record per line with --jsonl.
        Use - to read standard input. Inputs that cannot be read are reported on standard error with
        what was wrong and where; the exit status is then 1, after every other file has been printed.
        """
    )

    @Argument(help: "Notice files (.txt, .html), or - for standard input.")
    var files: [String]

    @Flag(help: "One compact record per line (JSON Lines), for several files.")
    var jsonl = false

    @Option(help: "Read the input as 'text' or 'html' instead of guessing from its name and first bytes.")
    var format: InputFormat?

    func run() throws {
        var failed = false
        let pretty = !jsonl && files.count == 1
        for path in files {
            do {
                let record = try Gongwen.parse(path: path, format: format)
                FileHandle.standardOutput.write(try Gongwen.jsonData(record, pretty: pretty) + Data("\n".utf8))
            } catch {
                failed = true
                FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
            }
        }
        if failed { throw ExitCode.failure }
    }
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

    func run() throws {
        do {
            let document = try Ingest.read(path: file, format: format)
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

extension InputFormat: ExpressibleByArgument {}

GongwenCommand.main()
