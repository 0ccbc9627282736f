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

    /// The listed paths (blank lines and surrounding spaces left out), or none without --files-from. A list that
    /// names no file is an error, as a folder without notices is: a `find` that found nothing, or the wrong
    /// file, would otherwise end in an empty result and a success.
    func listedPaths(limits: IngestLimits) throws -> [String] {
        guard let filesFrom else { return [] }
        let paths = FileList.paths(in: try InputReader.bytes(of: filesFrom, limits: limits))
        guard !paths.isEmpty else { throw EmptyList(list: filesFrom) }
        return paths
    }

    /// A --files-from list without a path in it.
    struct EmptyList: Error, CustomStringConvertible {
        let list: String
        var description: String {
            "\(list == "-" ? "standard input" : list): the list names no files (--files-from reads one path a line)"
        }
    }
}
