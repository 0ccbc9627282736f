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
        let bytes = try InputReader.bytes(of: filesFrom, limits: limits)
        return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map(Self.trimmed).filter { !$0.isEmpty }
    }

    /// `line` without the white space around it, as Foundation's `trimmingCharacters(in: .whitespaces)`
    /// cuts it; a line that neither starts nor ends with white space (most) is taken as it is, without
    /// the five allocations Foundation's trim made for each path of a long list.
    static func trimmed(_ line: Substring) -> String {
        let spaces = CharacterSet.whitespaces
        guard let first = line.unicodeScalars.first, let last = line.unicodeScalars.last,
            spaces.contains(first) || spaces.contains(last)
        else { return String(line) }
        return line.trimmingCharacters(in: spaces)
    }
}
