import Foundation
import Testing

/// The `gongwen` executable as users run it: exit codes, standard output and error.
@Suite("The gongwen command")
struct CommandLineTests {
    static var executable: URL {
        // swift test builds every product into the same folder as the test bundle.
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "gongwen")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Corpus.packageRoot.appendingPathComponent(".build/debug/gongwen")
    }

    static func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    @Test("The executable was built")
    func built() {
        #expect(
            FileManager.default.isExecutableFile(atPath: Self.executable.path), "no gongwen at \(Self.executable.path)")
    }

    @Test("parse prints one pretty record for one file, JSON Lines with --jsonl")
    func parse() throws {
        let one = try Self.run(["parse", Corpus.path("2022_caq.txt")])
        #expect(one.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any]
        #expect(object?["signedOn"] as? String == "2022-06-06")
        #expect(one.stdout.contains("\n  \"addressees\""))

        let many = try Self.run(["parse", "--jsonl"] + Corpus.files.map(Corpus.path))
        #expect(many.status == 0)
        let lines = many.stdout.split(separator: "\n")
        #expect(lines.count == Corpus.files.count)
        for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil) }
    }

    @Test("parse of many files: parsed on all cores, printed in the order given; folders, --recursive and --files-from")
    func parseMany() throws {
        // The order given, not the order finished: the list reversed comes out reversed.
        let paths = Corpus.files.map(Corpus.path)
        let forward = try Self.run(["parse", "--jsonl"] + paths)
        let backward = try Self.run(["parse", "--jsonl"] + paths.reversed())
        #expect(forward.status == 0 && backward.status == 0)
        let forwardLines: [String] = forward.stdout.split(separator: "\n").map(String.init)
        let backwardLines: [String] = backward.stdout.split(separator: "\n").map(String.init)
        #expect(Array(forwardLines.reversed()) == backwardLines)
        // A folder is its notice files in name order (README.md left out): the same lines.
        let folder = try Self.run(["parse", Corpus.noticesDirectory.path])
        #expect(folder.stdout.split(separator: "\n").count == 5)
        #expect(folder.stdout == (try Self.run(["parse", "--jsonl"] + Corpus.files.sorted().map(Corpus.path))).stdout)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-many-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(
            atPath: Corpus.path("2023_henan.txt"), toPath: directory.appendingPathComponent("a.txt").path)
        try FileManager.default.copyItem(
            atPath: Corpus.path("2022_caq.txt"), toPath: directory.appendingPathComponent("sub/b.txt").path)
        #expect(try Self.run(["parse", directory.path]).stdout.contains("豫工信办创新〔2023〕43号"))
        #expect(!(try Self.run(["parse", directory.path]).stdout.contains("2022-06-06")))
        #expect(try Self.run(["parse", "--recursive", directory.path]).stdout.split(separator: "\n").count == 2)

        // --files-from: a list on standard input, a missing file in the middle reported in its place.
        let list =
            [paths[2], directory.appendingPathComponent("missing.txt").path, paths[0]].joined(separator: "\n") + "\n"
        let listed = try Self.run(["parse", "--files-from", "-"], stdin: Data(list.utf8))
        #expect(listed.status == 1)
        let listedLines: [String] = listed.stdout.split(separator: "\n").map(String.init)
        #expect(listedLines == [forwardLines[2], forwardLines[0]])
        #expect(listed.stderr.contains("missing.txt"))
        // Blank lines, CRLF, and white space around a path (tabs, the ideographic space) are left out.
        let spaced = "  \(paths[2])\t\r\n\n\u{3000}\(paths[0]) \n\u{3000}\n"
        let spacedListed = try Self.run(["parse", "--files-from", "-"], stdin: Data(spaced.utf8))
        #expect(spacedListed.status == 0)
        #expect(spacedListed.stdout.split(separator: "\n").map(String.init) == [forwardLines[2], forwardLines[0]])
        #expect(try Self.run(["parse"]).status == 64)
    }

    @Test("parse reads standard input for -")
    func standardInput() throws {
        let result = try Self.run(
            ["parse", "-"], stdin: try Data(contentsOf: URL(fileURLWithPath: Corpus.path("2023_henan.txt"))))
        #expect(result.status == 0)
        #expect(result.stdout.contains("豫工信办创新〔2023〕43号"))
    }

    @Test("Bad input: a message naming the file and what is wrong, exit 1, and the good files still printed")
    func badInput() throws {
        let directory = try temporaryFolder(for: "cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let broken = directory.appendingPathComponent("broken.txt")
        try Data(Array("关于开展".utf8) + [0xC3, 0x28] + Array("通知".utf8)).write(to: broken)

        let result = try Self.run([
            "parse", "--jsonl", empty.path, Corpus.path("2022_caq.txt"), broken.path, "/no/such/file.txt",
        ])
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("\(empty.path): the input is empty"))
        #expect(result.stderr.contains("\(broken.path): invalid UTF-8 at byte offset 12"))
        #expect(result.stderr.contains("/no/such/file.txt: cannot read the input: no such file"))
        #expect(!result.stderr.contains("Fatal error"))

        // Standard output and error in one stream (as a terminal or `2>&1` shows them): each record and each
        // message where its file was given, though the records are written several at a time.
        let merged = try runProcess(
            Self.executable.path,
            ["parse", "--jsonl", empty.path, Corpus.path("2022_caq.txt"), broken.path, Corpus.path("2023_henan.txt")])
        let lines = merged.output.split(separator: "\n").map { $0.hasPrefix("{") ? "record" : String($0.prefix(9)) }
        #expect(lines == ["gongwen: ", "record", "gongwen: ", "record"], "\(lines)")
    }

    @Test("A --files-from list that names no file is an error that names the list, for parse, config and ingest")
    func emptyFileList() throws {
        let directory = try temporaryFolder(for: "empty-list")
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.list")
        try Data().write(to: empty)
        let blank = directory.appendingPathComponent("blank.list")
        try Data(" \n\t\r\n\u{3000}\n".utf8).write(to: blank)
        let db = directory.appendingPathComponent("archive.sqlite").path
        for command in [["parse"], ["config"], ["ingest", "--db", db]] {
            for list in [empty.path, blank.path] {
                let result = try Self.run(command + ["--files-from", list])
                #expect(result.status == 1, "\(command) \(list)")
                #expect(result.stdout.isEmpty)
                #expect(
                    result.stderr == "gongwen: \(list): the list names no files (--files-from reads one path a line)\n",
                    "\(result.stderr)")
            }
            let piped = try Self.run(command + ["--files-from", "-"], stdin: Data("\n\n".utf8))
            #expect(piped.status == 1)
            #expect(piped.stderr.contains("gongwen: standard input: the list names no files"))
        }
        #expect(!FileManager.default.fileExists(atPath: db))  // (nothing to store: no archive made)
        // With a file besides it, an empty list is still the mistake it was: said, and nothing parsed.
        let both = try Self.run(["parse", "--jsonl", Corpus.path("2022_caq.txt"), "--files-from", empty.path])
        #expect(both.status == 1 && both.stdout.isEmpty && both.stderr.contains("the list names no files"))
    }

    @Test("parse of many files, several to a task: each record and each message still where its file was given")
    func parseManyInRuns() throws {
        // Enough files that a task is given runs of three (`RunSchedule`: files / (32 × cores) at most, and up to
        // four before a record is seen), the five notices over and over, two missing files among them: one
        // opening a run and one inside one.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let count = 3 * 32 * cores + 5
        let missing = [3 * 5, 3 * 7 + 1]
        let paths = (0..<count).map { index in
            missing.contains(index) ? "/no/such/notice-\(index).txt" : Corpus.path(Corpus.files[index % 5])
        }
        let listFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-runs-\(UUID().uuidString)")
        try Data((paths.joined(separator: "\n") + "\n").utf8).write(to: listFile)
        defer { try? FileManager.default.removeItem(at: listFile) }

        let one = try Corpus.files.map { file in
            try Self.run(["parse", "--jsonl", Corpus.path(file)]).stdout
        }
        let result = try Self.run(["parse", "--jsonl", "--files-from", listFile.path])
        #expect(result.status == 1)
        let expected = (0..<count).filter { !missing.contains($0) }.map { one[$0 % 5] }
        let printed = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            $0 + "\n"
        }
        // (The first record out of place named, not the two arrays: Swift Testing's difference of a hundred
        // records of kilobytes each takes minutes.)
        #expect(printed.count == expected.count)
        let misplaced = zip(printed, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(misplaced == nil, "record \(misplaced ?? -1) is not the one given there")
        #expect(result.stderr.contains("/no/such/notice-15.txt: cannot read the input: no such file"))
        #expect(result.stderr.contains("/no/such/notice-22.txt: cannot read the input: no such file"))

        // In one stream, each message stands where its file was given.
        let merged = try runProcess(Self.executable.path, ["parse", "--jsonl", "--files-from", listFile.path])
        let lines = merged.output.split(separator: "\n").map { $0.hasPrefix("{") ? "record" : String($0) }
        #expect(lines.count == count)
        #expect(lines.indices.filter { lines[$0] != "record" } == missing)
        #expect(lines[missing[0]].hasSuffix("notice-15.txt: cannot read the input: no such file"))
    }

    @Test(
        "parse of many files, a run stopped short where its records' JSON outgrew the budget: the rest of the run parsed next, every record and message in place"
    )
    func parseRunsStoppedShort() throws {
        // Runs of three (`RunSchedule`, as above). A run whose first two files are each a notice whose record is over
        // the budget of JSON a run holds (`Parse.runBudget`, 1 MiB) stops after the first, and the run given the rest
        // stops after the second; the third, the run's last, is a missing file: its message must stand after the two
        // large records and before the next run's.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let count = 3 * 32 * cores + 5
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-budget-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let large = folder.appendingPathComponent("large.txt")
        try Data(Array(repeating: try Corpus.text("2022_caq.txt"), count: 60).joined().utf8).write(to: large)
        let largeRecord = try Self.run(["parse", "--jsonl", large.path])
        #expect(largeRecord.status == 0 && largeRecord.stdout.utf8.count > 1 << 20)

        let (first, second, missing) = (3 * 10, 3 * 10 + 1, 3 * 10 + 2)
        let paths = (0..<count).map { index in
            switch index {
            case first, second: large.path
            case missing: "/no/such/notice-\(index).txt"
            default: Corpus.path(Corpus.files[index % 5])
            }
        }
        let listFile = folder.appendingPathComponent("list")
        try Data((paths.joined(separator: "\n") + "\n").utf8).write(to: listFile)
        let one = try Corpus.files.map { try Self.run(["parse", "--jsonl", Corpus.path($0)]).stdout }
        let expected = (0..<count).filter { $0 != missing }.map {
            $0 == first || $0 == second ? largeRecord.stdout : one[$0 % 5]
        }

        let result = try Self.run(["parse", "--jsonl", "--files-from", listFile.path])
        #expect(result.status == 1)
        let printed = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            $0 + "\n"
        }
        #expect(printed.count == expected.count)
        let misplaced = zip(printed, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(misplaced == nil, "record \(misplaced ?? -1) is not the one given there")
        let merged = try runProcess(Self.executable.path, ["parse", "--jsonl", "--files-from", listFile.path])
        let lines = merged.output.split(separator: "\n").map { $0.hasPrefix("{") ? "record" : String($0) }
        #expect(lines.count == count)
        #expect(lines.indices.filter { lines[$0] != "record" } == [missing])
        #expect(lines[missing].hasSuffix("notice-\(missing).txt: cannot read the input: no such file"))
    }

    @Test(
        "parse of many files into a pipe read slowly, the command stopped and continued while it writes: every byte arrives, in order"
    )
    func parseWritesInterrupted() throws {
        // The records go out a few at a time with one `writev`; a write into a full pipe that a signal interrupts
        // returns having written part of them (a stop and a continue do it: seen dozens of times a run), and the
        // rest must follow from where it stopped, mid-record.
        let paths = (0..<200).map { Corpus.path(Corpus.files[$0 % 5]) }
        let listFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-interrupted-\(UUID().uuidString)")
        try Data((paths.joined(separator: "\n") + "\n").utf8).write(to: listFile)
        defer { try? FileManager.default.removeItem(at: listFile) }
        let expected = try Self.run(["parse", "--jsonl", "--files-from", listFile.path])
        #expect(expected.status == 0 && expected.stdout.utf8.count > 1_000_000)

        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["parse", "--jsonl", "--files-from", listFile.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = Pipe()
        try process.run()
        let reader = out.fileHandleForReading.fileDescriptor
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if process.isRunning {
                kill(process.processIdentifier, SIGSTOP)
                kill(process.processIdentifier, SIGCONT)
            }
            let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            received += buffer[..<count]
            usleep(200)
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // (Where the two differ named, not the bytes: megabytes of them.)
        let wanted = Array(expected.stdout.utf8)
        let firstDifference = zip(received, wanted).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(received.count == wanted.count)
        #expect(
            firstDifference == nil, "the output differs from an uninterrupted run's at byte \(firstDifference ?? -1)")
    }

    @Test("normalize: the lines of a notice; a missing or unreadable file is an error (exit 1), not an empty listing")
    func normalize() throws {
        let lines = try Self.run(["normalize", Corpus.path("2023_henan.txt")])
        #expect(lines.status == 0 && lines.stdout.contains("\t河南省工业和信息化厅办公室文件\n"))
        let missing = try Self.run(["normalize", "/no/such/notice.txt"])
        #expect(missing.status == 1)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr == "gongwen: /no/such/notice.txt: cannot read the input: no such file\n")
        let empty = try Self.run(["normalize", "-"], stdin: Data())
        #expect(empty.status == 1 && empty.stderr.contains("the input is empty"))
    }

    @Test(
        "diff compares two notices, an embedded one picked with #N; plain text when not on a terminal; exit 1 when rules changed"
    )
    func diff() throws {
        let result = try Self.run(["diff", Corpus.path("2022_caq.txt"), Corpus.path("2023_fuzhou_forward.txt") + "#2"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("changed 申报 due date: 2022-07-15 → 2023-09-15"))
        #expect(result.stdout.contains("removed unit: 中国质量协会"))
        #expect(!result.stdout.contains("\u{1B}"))
        let json = try Self.run([
            "diff", "--format", "json", Corpus.path("2022_caq.txt"), Corpus.path("2023_fuzhou_forward.txt") + "#2",
        ])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["schemaVersion"] as? String == "1.0" && object?["diff"] != nil)
    }

    @Test(
        "On a terminal the diff is coloured (run under script(1), which gives it a pseudo-terminal)",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func colouredOnTerminal() throws {
        let command = [
            Self.executable.path, "diff", Corpus.path("2022_caq.txt"), Corpus.path("2023_fuzhou_forward.txt") + "#2",
        ]
        .map { "'\($0)'" }.joined(separator: " ")
        let (status, output) = try runProcess("/usr/bin/script", ["-qec", "env -u NO_COLOR " + command, "/dev/null"])
        #expect(status == 1)  // rules changed (-e: script exits with the command's status)
        #expect(output.contains("\u{1B}[33mchanged\u{1B}[0m 申报 due date"), "\(output.prefix(300))")
        #expect(output.contains("\u{1B}[1;4m2022 → 2023"))
    }

    @Test("diff and series: bad input gives a message naming what is wrong and exit 2 (diff(1)'s trouble)")
    func diffBadInput() throws {
        let missing = try Self.run(["diff", "/no/such/notice.txt", Corpus.path("2022_caq.txt")])
        #expect(missing.status == 2 && missing.stderr.contains("/no/such/notice.txt: cannot read the input"))
        let pastTheEnd = try Self.run([
            "diff", Corpus.path("2022_caq.txt"), Corpus.path("2023_fuzhou_forward.txt") + "#7",
        ])
        #expect(
            pastTheEnd.status == 2
                && pastTheEnd.stderr.contains(
                    "2023_fuzhou_forward.txt#7: no such notice; the file holds 3 notices, #0 (the file's own notice) to #2"
                ))
        let format = try Self.run(["diff", "--format", "pdf", Corpus.path("2022_caq.txt"), Corpus.path("2022_caq.txt")])
        #expect(format.status == 2 && format.stderr.contains("pdf"))
        let missingArgument = try Self.run(["series"])
        #expect(missingArgument.status == 2 && missingArgument.stderr.contains("Missing expected argument"))
        let notAFolder = try Self.run(["series", Corpus.path("2022_caq.txt")])
        #expect(notAFolder.status == 2 && notAFolder.stderr.contains("2022_caq.txt: not a folder"))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-series-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = try Self.run(["series", directory.path])
        #expect(
            empty.status == 2 && empty.stderr.contains("no notices (.txt, .html, .htm or .shtml files) in the folder"))
        // One readable notice, one binary file: the series of the first is printed, the second named.
        try Data(try Corpus.bytes("2022_caq.txt")).write(to: directory.appendingPathComponent("a.txt"))
        try Data([0x00, 0x01, 0x02, 0x03]).write(to: directory.appendingPathComponent("b.txt"))
        let partial = try Self.run(["series", directory.path])
        #expect(partial.status == 2)
        #expect(partial.stdout.contains("中国质量协会 — 全国质量标杆活动"))
        #expect(
            partial.stderr.contains("b.txt: binary content at byte offset 0")
                && partial.stderr.contains("left out of the series"))
    }

    @Test(
        "Every subcommand has --help",
        arguments: [
            ["--help"], ["parse", "--help"], ["normalize", "--help"], ["diff", "--help"], ["series", "--help"],
            ["config", "--help"],
        ])
    func help(arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
    }
}
