import ArgumentParser
import CProcess
import Foundation
import GongwenKit

@main
struct GongwenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongwen",
        abstract: "Turns Chinese official notices (公文) into structured, traceable records.",
        discussion: """
            Exit status: 0 when all went well; 1 when an input could not be read (parse, normalize, config, \
            ingest) or, for diff and series, when rules changed; 2 for trouble in diff and series; 64 for a \
            mistake in the command line elsewhere. Shell completion: gongwen --generate-completion-script bash \
            (or zsh, fish).
            """,
        version: Gongwen.version,
        subcommands: [
            Parse.self, Normalize.self, Diff.self, Series.self, Config.self,
            IngestCommand.self, SearchCommand.self, CitesCommand.self, CitedByCommand.self,
        ]
    )

    /// ArgumentParser's main, with two things it does not do: a misspelled subcommand gets a suggestion
    /// ("pase" → "parse"), and diff and series exit 2 for a mistake in the command line, as diff(1) does.
    static func main() async {
        // glibc maps a block of its own above a threshold that it raises whenever such a block is freed;
        // the large arrays made after that stay in its heap when freed, and are not given back. Fixed at
        // 1 MB, every larger array is mapped and unmapped: a 22 MB notice's peak 123 → 117 MB.
        _ = gw_map_blocks_above(1 << 20)
        // glibc gave the top of a heap back to the kernel whenever 128 KB of it were free, after nearly every
        // notice, and took it back for the next: each time the kernel unmapped the pages (on two cores, a
        // stop of the other core to flush its view of them) and zeroed them again at their first touch. A
        // notice's working memory (a few MB) now stays, and a heap grows 4 MB at a time (a 16 MB step
        // raised the huge notice's peak by 1.4 MB): on 3,000 notices, madvise calls 153 → 0, mprotect
        // 167 → 43, page faults 2,930 → 1,760.
        _ = gw_keep_heap_top(16 << 20, 4 << 20)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = unknownSubcommand(first) {
            FileHandle.standardError.write(Data("gongwen: \(message)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure, let first = arguments.first, ["diff", "series"].contains(first) {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitCode.trouble.rawValue)
            }
            exit(withError: error)
        }
    }

    static var subcommandNames: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// The message for a first argument that is neither an option nor a subcommand, with the nearest names.
    static func unknownSubcommand(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !subcommandNames.contains(word) else { return nil }
        let near = subcommandNames.filter { name in
            name.hasPrefix(word) && word.count >= 2 || editDistance(word.lowercased(), name) <= max(1, name.count / 3)
        }
        let suggestion = near.isEmpty ? "" : " Did you mean \(near.map { "'\($0)'" }.joined(separator: " or "))?"
        return
            "'\(word)' is not a gongwen command.\(suggestion) The commands: \(subcommandNames.dropLast().joined(separator: ", ")); see 'gongwen --help'."
    }

    /// Levenshtein distance, with a swap of two neighbours counted as one edit ("prase" → "parse").
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("gongwen: \(message)\n".utf8))
    Foundation.exit(ExitCode.failure.rawValue)
}

extension ExitCode {
    /// diff(1)'s status for trouble: `diff` and `series` say 1 for "changed".
    static let trouble = ExitCode(2)
}

extension InputFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}
extension Issuer.Level: ExpressibleByArgument {}
