import ArgumentParser
import Foundation
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
        return FileList.paths(in: try InputReader.bytes(of: filesFrom, limits: limits))
    }
}
