import Foundation
import Testing

/// The `gongwen` executable as users run it: exit codes, standard output and error.
@Suite("The gongwen command")
struct CommandLineTests {
    static var executable: URL {
        // swift test builds every product into the same folder as the test bundle.
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gongwen")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Corpus.packageRoot.appendingPathComponent(".build/debug/gongwen")
    }

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
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
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "no gongwen at \(Self.executable.path)")
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

    @Test("parse reads standard input for -")
    func standardInput() throws {
        let result = try Self.run(["parse", "-"], stdin: try Data(contentsOf: URL(fileURLWithPath: Corpus.path("2023_henan.txt"))))
        #expect(result.status == 0)
        #expect(result.stdout.contains("豫工信办创新〔2023〕43号"))
    }

    @Test("Bad input: a message naming the file and what is wrong, exit 1, and the good files still printed")
    func badInput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let broken = directory.appendingPathComponent("broken.txt")
        try Data(Array("关于开展".utf8) + [0xC3, 0x28] + Array("通知".utf8)).write(to: broken)

        let result = try Self.run(["parse", "--jsonl", empty.path, Corpus.path("2022_caq.txt"), broken.path, "/no/such/file.txt"])
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("\(empty.path): the input is empty"))
        #expect(result.stderr.contains("\(broken.path): invalid UTF-8 at byte offset 12"))
        #expect(result.stderr.contains("/no/such/file.txt: cannot read the input: no such file"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test("Every subcommand has --help", arguments: [["--help"], ["parse", "--help"], ["normalize", "--help"]])
    func help(arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
    }
}
