import Foundation
import Testing

@testable import GongwenKit

/// The conventions people bring from other command-line tools (issue 14): output formats and -o, --version,
/// --color and NO_COLOR, diff(1)'s exit codes, suggestions for a misspelled command, folders everywhere.
@Suite("Command-line conventions")
struct CommandLineConventionsTests {
    typealias CLI = CommandLineTests

    static func temporaryFolder() throws -> URL { try GongwenKitTests.temporaryFolder(for: "conventions") }

    /// The command run under script(1), which gives it a pseudo-terminal of `columns` columns; its output as
    /// the terminal received it (script turns "\n" into "\r\n").
    static func onTerminal(
        _ arguments: [String], columns: Int = 80, environment: String = "env -u NO_COLOR TERM=xterm"
    ) throws -> (status: Int32, output: String) {
        let command =
            "stty cols \(columns); \(environment) "
            + ([CLI.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let (status, output) = try runProcess("/usr/bin/script", ["-qec", command, "/dev/null"])
        return (status, output.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    @Test("--version prints the version the library names, from one place")
    func version() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == Gongwen.version + "\n")
        #expect(Gongwen.version.split(separator: ".").count == 3)
        // The exit statuses and completion scripts are named in the help; a completion script is printed.
        let help = try CLI.run(["--help"])
        #expect(
            help.stdout.contains("Exit status: 0 when all went well")
                && help.stdout.contains("--generate-completion-script bash"))
        let completion = try CLI.run(["--generate-completion-script", "bash"])
        #expect(
            completion.status == 0 && completion.stdout.hasPrefix("#!/bin/bash")
                && completion.stdout.contains("cited-by"))
    }

    @Test("A misspelled command gets the nearest names and exit 64; a word far from all gets the list")
    func suggestions() throws {
        let swapped = try CLI.run(["prase", Corpus.path("2022_caq.txt")])
        #expect(swapped.status == 64)
        #expect(swapped.stderr.contains("'prase' is not a gongwen command. Did you mean 'parse'?"))
        #expect(swapped.stdout.isEmpty)
        let short = try CLI.run(["seris", "Notices"])
        #expect(short.stderr.contains("Did you mean 'series'?"))
        let cited = try CLI.run(["citedby", "x"])
        #expect(cited.stderr.contains("Did you mean 'cited-by'?"))
        let far = try CLI.run(["xyzzy"])
        #expect(far.status == 64)
        #expect(!far.stderr.contains("Did you mean"))
        #expect(
            far.stderr.contains("The commands: parse, normalize, diff, series, config, ingest, search, cites, cited-by")
        )
        // Options and real commands are left to the argument parser.
        #expect(try CLI.run(["help"]).status == 0)
        #expect(try CLI.run(["--bogus"]).status == 64)
    }

    @Test("diff exits as diff(1) does: 0 same, 1 changed (0 with --exit-zero), 2 trouble")
    func diffExitCodes() throws {
        let same = try CLI.run(["diff", Corpus.path("2020_caq.txt"), Corpus.path("2020_caq.txt")])
        #expect(same.status == 0)
        #expect(same.stdout.contains("no changes of rules"))
        let changed = try CLI.run(["diff", Corpus.path("2020_caq.txt"), Corpus.path("2022_caq.txt")])
        #expect(changed.status == 1)
        #expect(changed.stderr.isEmpty)
        let kept = try CLI.run(["diff", "--exit-zero", Corpus.path("2020_caq.txt"), Corpus.path("2022_caq.txt")])
        #expect(kept.status == 0 && kept.stdout == changed.stdout)
        let usage = try CLI.run(["diff", Corpus.path("2020_caq.txt")])
        #expect(usage.status == 2 && usage.stderr.contains("Missing expected argument '<new>'"))
        let help = try CLI.run(["diff", "--help"])
        #expect(help.stdout.contains("Exit status, as diff(1)'s: 0 when no rule changed, 1 when some did"))
    }

    @Test("series exits 1 when a rule changed from one year to the next, 0 for a series without change")
    func seriesExitCodes() throws {
        let changed = try CLI.run(["series", Corpus.noticesDirectory.path])
        #expect(changed.status == 1)
        #expect(changed.stderr.isEmpty)
        #expect(try CLI.run(["series", "--exit-zero", Corpus.noticesDirectory.path]).status == 0)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            atPath: Corpus.path("2022_caq.txt"), toPath: folder.appendingPathComponent("2022.txt").path)
        let one = try CLI.run(["series", folder.path])
        #expect(one.status == 0)
        #expect(one.stdout.contains("one notice: nothing to compare"))
    }

    @Test("series reads a notice found twice once: a .txt and the same text as .shtml, listed as a duplicate")
    func seriesDuplicates() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            atPath: Corpus.path("2020_caq.txt"), toPath: folder.appendingPathComponent("2020.txt").path)
        let text = try String(contentsOfFile: Corpus.path("2022_caq.txt"), encoding: .utf8)
        try text.write(to: folder.appendingPathComponent("2022.txt"), atomically: true, encoding: .utf8)
        // The same notice as a web page: every line a paragraph, markup escaped.
        let paragraphs = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map {
            line in
            "<p>" + line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                + "</p>"
        }
        let page =
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>通知</title></head><body><div>\(paragraphs.joined(separator: "\n"))</div></body></html>"
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("web"), withIntermediateDirectories: true)
        try page.write(to: folder.appendingPathComponent("web/2022.shtml"), atomically: true, encoding: .utf8)

        // Without --recursive the subfolder is not read; with it, the page is read (as HTML) and found the same.
        let flat = try CLI.run(["series", "--format", "json", folder.path])
        let deep = try CLI.run(["series", "--format", "json", "--recursive", folder.path])
        #expect(flat.status == 1 && deep.status == 1, "\(deep.stderr)")
        let flatReport = try #require(try JSONSerialization.jsonObject(with: Data(flat.stdout.utf8)) as? [String: Any])
        let deepReport = try #require(try JSONSerialization.jsonObject(with: Data(deep.stdout.utf8)) as? [String: Any])
        #expect((flatReport["duplicates"] as? [Any])?.isEmpty == true)
        let duplicates = try #require(deepReport["duplicates"] as? [[String: String]])
        #expect(duplicates == [["path": folder.path + "/web/2022.shtml", "sameAs": folder.path + "/2022.txt"]])
        // The copy is neither a member of the series nor diffed against the notice it repeats.
        let series = try #require((deepReport["series"] as? [[String: Any]])?.first)
        #expect((series["notices"] as? [Any])?.count == 2)
        #expect((series["diffs"] as? [Any])?.count == 1)
        #expect(flat.stdout.replacingOccurrences(of: "\"duplicates\" : [\n\n  ],", with: "") != deep.stdout)
        let report = try CLI.run(["series", "--recursive", folder.path])
        #expect(report.stdout.contains("Read once (the same notice found again)"))
        #expect(report.stdout.contains("/web/2022.shtml: the same as \(folder.path)/2022.txt"))
    }

    @Test(
        "-o writes the whole output to a file, nothing to standard output; a file that cannot be written is an error and the old one stays"
    )
    func outputFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("record.json")
        let written = try CLI.run(["parse", "-o", target.path, Corpus.path("2023_henan.txt")])
        #expect(written.status == 0 && written.stdout.isEmpty)
        let direct = try CLI.run(["parse", Corpus.path("2023_henan.txt")])
        #expect(try String(contentsOf: target, encoding: .utf8) == direct.stdout)
        // Replaced as a whole: a failing run leaves the previous output in place, and no temporary file behind.
        let failing = try CLI.run(["parse", "-o", target.path, "/no/such/notice.txt"])
        #expect(failing.status == 1)
        #expect(try String(contentsOf: target, encoding: .utf8) == direct.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["record.json"])
        // Many files: the records written several at a time, every one of them in the file.
        let seeds = Corpus.files.map(Corpus.path)
        let lines = folder.appendingPathComponent("records.jsonl")
        let many = try CLI.run(["parse", "--jsonl", "-o", lines.path] + seeds + seeds)
        #expect(many.status == 0 && many.stdout.isEmpty)
        let manyDirect = try CLI.run(["parse", "--jsonl"] + seeds + seeds)
        #expect(try String(contentsOf: lines, encoding: .utf8) == manyDirect.stdout)
        #expect(manyDirect.stdout.split(separator: "\n").count == 2 * seeds.count)
        try FileManager.default.removeItem(at: lines)

        let report = folder.appendingPathComponent("changes.md")
        let diff = try CLI.run([
            "diff", "--format", "markdown", "--output", report.path, Corpus.path("2020_caq.txt"),
            Corpus.path("2022_caq.txt"),
        ])
        #expect(diff.status == 1 && diff.stdout.isEmpty)
        #expect(try String(contentsOf: report, encoding: .utf8).hasPrefix("# 2020 中国质协字〔2020〕44号 → 2022"))

        let dash = try CLI.run(["parse", "-o", "-", Corpus.path("2023_henan.txt")])
        #expect(dash.status == 0 && dash.stdout == direct.stdout)
        #expect(!FileManager.default.fileExists(atPath: "-"))
        let intoFolder = try CLI.run(["parse", "-o", folder.path, Corpus.path("2023_henan.txt")])
        #expect(
            intoFolder.status == 1
                && intoFolder.stderr.contains("\(folder.path): is a folder; -o names the file to write"))
        let nowhere = try CLI.run([
            "diff", "-o", "/no/such/folder/out.txt", Corpus.path("2020_caq.txt"), Corpus.path("2022_caq.txt"),
        ])
        #expect(
            nowhere.status == 2
                && nowhere.stderr.contains("/no/such/folder/out.txt: cannot create it: No such file or directory"))
    }

    @Test(
        "-o into a named pipe writes into the pipe and leaves it a pipe (as /dev/null stays a device); -o through a symbolic link replaces the file it names and keeps the link"
    )
    func outputIntoPipeAndLink() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let direct = try CLI.run(["parse", Corpus.path("2023_henan.txt")])
        #expect(direct.status == 0 && !direct.stdout.isEmpty && direct.stdout.utf8.count < 65_536)

        // The reader opens first and does not wait, so a run that renamed a file over the pipe fails the test
        // instead of hanging it; the record (under 64 KiB) fits in the pipe's buffer.
        let pipe = folder.appendingPathComponent("records")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        let reader = open(pipe.path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let intoPipe = try CLI.run(["parse", "-o", pipe.path, Corpus.path("2023_henan.txt")])
        #expect(intoPipe.status == 0 && intoPipe.stdout.isEmpty && intoPipe.stderr.isEmpty)
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while case let count = read(reader, &buffer, buffer.count), count > 0 { received += buffer[..<count] }
        #expect(String(decoding: received, as: UTF8.self) == direct.stdout)
        var status = stat()
        #expect(stat(pipe.path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the pipe was replaced")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["records"])

        let target = folder.appendingPathComponent("target.json")
        try Data("old".utf8).write(to: target)
        let link = folder.appendingPathComponent("latest.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.json")
        let throughLink = try CLI.run(["parse", "-o", link.path, Corpus.path("2023_henan.txt")])
        #expect(throughLink.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.json")
        #expect(try String(contentsOf: target, encoding: .utf8) == direct.stdout)
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == [
                "records", "target.json", "latest.json",
            ])
    }

    @Test("parse --format json|jsonl|summary; --input-format names the input; --format text says so")
    func parseFormats() throws {
        let paths = [Corpus.path("2023_fuzhou_forward.txt"), Corpus.path("2023_henan.txt")]
        let summary = try CLI.run(["parse", "--format", "summary"] + paths)
        #expect(summary.status == 0)
        // The forwarding notice, the two it embeds indented under it, then the next file after a blank line.
        #expect(
            summary.stdout.hasPrefix(
                """
                \(paths[0])
                  福州市工业和信息化局转发省工信厅关于做好2023年全国质量标杆推荐工作的通知
                  福州市工业和信息化局 (municipal) · 榕工信技术〔2023〕47号 · signed 2023-08-25
                  deadline 2023-08-30 报送
                  1 quota · 1 contact · 1 citation · 1 attachment · 1 embedded notice
                  embeds:
                    福建省工业和信息化厅关于做好2023年全国质量标杆推荐工作的通知
                """))
        #expect(summary.stdout.contains("      关于开展2023年全国质量标杆活动的通知\n      中国质量协会 (association) · 中国质协字〔2023〕71号"))
        #expect(summary.stdout.contains("\n\n\(paths[1])\n  河南省工业和信息化厅办公室关于开展2023年河南省质量标杆活动的通知\n"))

        let lines = try CLI.run(["parse", "--format", "jsonl", paths[0]])
        #expect(lines.stdout.split(separator: "\n").count == 1 && lines.stdout.hasPrefix("{\"addressees\":"))
        #expect(try CLI.run(["parse", "--jsonl", paths[0]]).stdout == lines.stdout)
        let pretty = try CLI.run(["parse", "--format", "json"] + paths)
        #expect(pretty.stdout.hasPrefix("{\n  \"addressees\""))

        let misplaced = try CLI.run(["parse", "--format", "html", paths[0]])
        #expect(misplaced.status == 64)
        #expect(
            misplaced.stderr.contains(
                "--format is the output's format (json, jsonl or summary); for the input's, use --input-format html"))
        let unknown = try CLI.run(["parse", "--format", "yaml", paths[0]])
        #expect(unknown.status == 64 && unknown.stderr.contains("Please provide one of 'json', 'jsonl' or 'summary'"))
        // A text notice read as HTML: its lines are one paragraph of text; as text, as it is.
        let asHTML = try CLI.run(["parse", "--input-format", "html", "--format", "jsonl", paths[1]])
        #expect(asHTML.status == 0 && asHTML.stdout.contains("\"format\":\"html\""))
        let normalized = try CLI.run(["normalize", "--input-format", "text", paths[1]])
        #expect(
            normalized.status == 0
                && normalized.stdout.hasPrefix("# UTF-8 (valid), text, wrap width: 56\n1:2-1:16\t河南省工业和信息化厅办公室文件\n"))
    }

    @Test(
        "On a terminal: several notices as summaries folded to its width with hanging indents, never lines of JSON",
        .enabled(if: hasScript))
    func parseOnTerminal() throws {
        let (status, output) = try Self.onTerminal(
            ["parse", Corpus.path("2020_caq.txt"), Corpus.path("2023_henan.txt")], columns: 60)
        #expect(status == 0)
        #expect(!output.contains("{\""))
        #expect(
            output.contains(
                "  2 quotas · 5 focus areas · 4 eligibility rules ·\n    1 contact · 49 units in the directory · 3 citations ·\n    3 attachments\n"
            ), "\(output)")
        for line in output.split(separator: "\n") {
            #expect(TerminalWrap.columns(of: line) <= 60, "\(line)")
        }
        // One file: pretty JSON, as before.
        let (_, one) = try Self.onTerminal(["parse", Corpus.path("2023_henan.txt")])
        #expect(one.hasPrefix("{\n  \"addressees\""))
    }

    @Test(
        "--color always colours through a pipe (for less -R); NO_COLOR and --color never keep a terminal plain",
        .enabled(if: hasScript))
    func colour() throws {
        let arguments = ["diff", Corpus.path("2020_caq.txt"), Corpus.path("2022_caq.txt")]
        let piped = try CLI.run(["diff", "--color", "always"] + arguments.dropFirst())
        #expect(piped.stdout.contains("\u{1B}[33mchanged\u{1B}[0m 申报 due date"))
        #expect(!(try CLI.run(arguments)).stdout.contains("\u{1B}"))
        let (_, coloured) = try Self.onTerminal(arguments)
        #expect(coloured.contains("\u{1B}[33mchanged"))
        let (_, noColor) = try Self.onTerminal(arguments, environment: "env NO_COLOR=1")
        #expect(!noColor.contains("\u{1B}[") && noColor.contains("changed 申报 due date"))
        let (_, emptyNoColor) = try Self.onTerminal(arguments, environment: "env NO_COLOR=")
        #expect(emptyNoColor.contains("\u{1B}[33mchanged"))  // no-color.org: set and not empty
        let (_, never) = try Self.onTerminal(["diff", "--color", "never"] + arguments.dropFirst())
        #expect(!never.contains("\u{1B}["))
        let (_, always) = try Self.onTerminal(
            ["diff", "--color", "always"] + arguments.dropFirst(), environment: "env NO_COLOR=1")
        #expect(always.contains("\u{1B}[33mchanged"))  // the command line wins over the environment
    }

    @Test(
        "diff on a terminal folds long items under their text; --summary gives counts by area", .enabled(if: hasScript))
    func diffOnTerminal() throws {
        let (status, output) = try Self.onTerminal(
            ["diff", "--color", "never", Corpus.path("2020_caq.txt"), Corpus.path("2022_caq.txt")], columns: 70)
        #expect(status == 1)
        #expect(
            output.contains(
                """
                    - changed 中国质协将组织专家开展评审工作: 2020-07 – 2020-08 →
                      2022-07 – 2022-08 [39:7 → 41:1]
                """), "\(output.prefix(1200))")
        let summary = try CLI.run(["diff", "--summary", Corpus.path("2020_caq.txt"), Corpus.path("2022_caq.txt")])
        #expect(
            summary.stdout == """
                == 2020 中国质协字〔2020〕44号 → 2022: 3 changed, 2 reworded, 6 renamed, 17 added, 14 removed, 55 unchanged ==
                    - old: \(Corpus.path("2020_caq.txt"))  关于开展2020年全国质量标杆活动的通知
                    - new: \(Corpus.path("2022_caq.txt"))  关于开展2022年全国质量标杆活动的通知
                    - Deadlines: 1 changed
                    - Schedule: 1 changed
                    - Focus areas: 5 added, 5 removed
                    - Eligibility: 4 removed
                    - Sections: 4 renamed, 4 added, 1 removed
                    - Unit directory: 2 renamed
                    - Contacts: 2 reworded, 2 removed
                    - Materials and channels: 6 added, 1 removed
                    - Citations: 1 changed, 2 added, 1 removed

                """)
    }
}
