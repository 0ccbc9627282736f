import Foundation
import Testing

@testable import GongwenKit

/// The `--help` of every command, pinned: a change of an option or a sentence shows in the diff of
/// Golden/help/*.txt, which is read before it is committed. `RECORD_SNAPSHOTS=1 swift test --filter HelpTextTests`
/// writes them again.
@Suite("Help texts")
struct HelpTextTests {
    static let commands = [
        "", "parse", "normalize", "diff", "series", "config", "ingest", "search", "cites", "cited-by",
    ]

    @Test("Each command's --help is as pinned (80 columns)", arguments: commands)
    func pinned(command: String) throws {
        let help = try CommandLineTests.run(
            (command.isEmpty ? [] : [command]) + ["--help"], environment: ["COLUMNS": "80"])
        #expect(help.status == 0)
        try assertSnapshot(help.stdout, golden: "help/\(command.isEmpty ? "gongwen" : command).txt")
        // No line past 80 columns but the usage line, which argument parsing never folds.
        for line in help.stdout.split(separator: "\n") where !line.hasPrefix("USAGE:") {
            #expect(TerminalWrap.columns(of: line) <= 80, "\(line)")
        }
    }

    @Test("The README's command table names every command")
    func readme() throws {
        let readme = try String(contentsOf: Corpus.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for command in Self.commands.dropFirst() {
            #expect(readme.contains("`gongwen \(command) "), "README.md's command table has no row for \(command)")
        }
    }
}
