import Foundation
import GongwenKit

// Parses the notices listed in a file (one path a line) one after another on this thread and writes their
// records as JSON Lines, as `gongwen parse --files-from LIST --format jsonl` does on all cores, byte for
// byte. It exists for Benchmarks/instructions.sh: Cachegrind counts every instruction a run executes, the
// same on every run, where this machine's timings move by ±5% from one run to the next; but Valgrind
// cannot follow the parse command's worker threads (it stops with an internal error at the first), and
// this program starts none.

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: ParseInOrder LIST  (a file naming one notice a line)\n".utf8))
    exit(2)
}
let list: [UInt8]
do { list = try InputReader.bytes(of: CommandLine.arguments[1], limits: .standard) } catch {
    FileHandle.standardError.write(Data("ParseInOrder: \(error)\n".utf8))
    exit(1)
}
/// Writes `bytes` to standard output with write(2), as the parse command's output does (through `Data` and
/// `FileHandle`, each record was copied twice more: 1.4% of the instructions counted, none of them the
/// command's).
func writeOut(_ bytes: JSONBytes) {
    bytes.withUnsafeBytes { buffer in
        var next = buffer.baseAddress
        var left = buffer.count
        while left > 0, let from = next {
            let written = write(STDOUT_FILENO, from, left)
            if written < 0 {
                if errno == EINTR { continue }
                FileHandle.standardError.write(Data("ParseInOrder: writing the output: \(String(cString: strerror(errno)))\n".utf8))
                exit(1)
            }
            next = from + written
            left -= written
        }
    }
}

var failed = false
for path in FileList.paths(in: list) {
    do {
        let record = try Gongwen.recordToWrite(path: path)
        writeOut(JSONWriter.output(of: record, pretty: false, newline: true))
    } catch {
        failed = true
        FileHandle.standardError.write(Data("ParseInOrder: \(error)\n".utf8))
    }
}
exit(failed ? 1 : 0)
