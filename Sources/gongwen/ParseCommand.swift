import ArgumentParser
import Foundation
import GongwenKit

struct Parse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse notices (plain text or HTML, any common encoding) into JSON records.",
        discussion: """
        Prints one JSON record per file, in the order the files are given: pretty-printed for one file, one \
        record per line with --jsonl or for several files. A folder stands for its notice files (.txt, .html, \
        .htm; with --recursive its subfolders' too); --files-from reads paths one a line, for more files than \
        a command line holds. Files are parsed on all cores. Use - to read standard input. Inputs that cannot \
        be read are reported on standard error with what was wrong and where; the exit status is then 1, \
        after every other file has been printed.
        """
    )

    @Argument(help: "Notice files (.txt, .html), folders, or - for standard input.")
    var files: [String] = []

    @Option(name: .customLong("files-from"), help: ArgumentHelp(
        "Also parse the paths listed in this file, one a line (- for standard input).", valueName: "list"))
    var filesFrom: String?

    @Flag(help: "Take the notice files of folders' subfolders too.")
    var recursive = false

    @Flag(help: "One compact record per line (JSON Lines), for several files.")
    var jsonl = false

    @Option(help: "Read the input as 'text' or 'html' instead of guessing from its name and first bytes.")
    var format: InputFormat?

    @OptionGroup var limits: LimitArguments

    func validate() throws {
        if files.isEmpty && filesFrom == nil { throw ValidationError("give notice files, folders, - or --files-from") }
        if filesFrom == "-" && files.contains("-") { throw ValidationError("standard input cannot be both a notice and the list of files") }
    }

    func run() async throws {
        let paths: [String]
        do { paths = try inputs() } catch {
            FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let pretty = !jsonl && paths.count == 1
        let format = self.format, limits = self.limits.limits
        if paths.count == 1 {
            // One file: its JSON streamed out as it is written, never held whole.
            let record: NoticeRecord
            do { record = try Gongwen.parse(path: paths[0], format: format, limits: limits) } catch {
                FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
                throw ExitCode.failure
            }
            JSONWriter.stream(record, pretty: pretty) { FileHandle.standardOutput.write(Data($0)) }
            return
        }
        // Parsed on all cores, written in the order given: at most `window` files parsed and not yet written.
        let window = ProcessInfo.processInfo.activeProcessorCount * 4
        var failed = false
        await withTaskGroup(of: (Int, Result<[UInt8], any Error>).self) { group in
            var submitted = 0, written = 0
            var done: [Int: Result<[UInt8], any Error>] = [:]
            func submit() {
                while submitted < paths.count && submitted < written + window {
                    let index = submitted, path = paths[index]
                    group.addTask {
                        (index, Result {
                            var json = JSONWriter.bytes(of: try Gongwen.parse(path: path, format: format, limits: limits), pretty: pretty)
                            json.append(UInt8(ascii: "\n"))
                            return json
                        })
                    }
                    submitted += 1
                }
            }
            submit()
            while let (index, result) = await group.next() {
                done[index] = result
                while let next = done.removeValue(forKey: written) {
                    switch next {
                    case let .success(json): FileHandle.standardOutput.write(Data(json))
                    case let .failure(error):
                        failed = true
                        FileHandle.standardError.write(Data("gongwen: \(error)\n".utf8))
                    }
                    written += 1
                }
                submit()
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// The paths to parse: the arguments, a folder as its notice files, then the listed ones.
    func inputs() throws -> [String] {
        var paths: [String] = []
        for argument in files {
            var isFolder: ObjCBool = false
            if argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue {
                paths += try Gongwen.noticeFiles(inFolder: argument, recursive: recursive)
            } else {
                paths.append(argument)
            }
        }
        if let filesFrom {
            let bytes = try InputReader.bytes(of: filesFrom, limits: limits.limits)
            paths += String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return paths
    }
}
