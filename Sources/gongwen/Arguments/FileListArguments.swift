import ArgumentParser
import GongwenKit

/// `--files-from`: more notice files than a command line holds (an archive of 100,000), one path a line.
struct FileListArguments: ParsableArguments {
    @Option(
        name: .customLong("files-from"),
        help: ArgumentHelp(
            "Also read the paths listed in this file, one a line (- for standard input).", valueName: "list"))
    var filesFrom: String?

    /// The listed paths (blank lines and surrounding spaces left out), or none without --files-from.
    func listedPaths(limits: IngestLimits) throws -> [String] {
        guard let filesFrom else { return [] }
        let bytes = try InputReader.bytes(of: filesFrom, limits: limits)
        return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
