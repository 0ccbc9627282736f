import ArgumentParser
import Foundation
import GongwenArchive

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store the notices of folders in the archive, to search them and follow their citations.",
        discussion: """
            Walks each FOLDER (recursively; .txt, .html, .htm and .shtml files), takes the files --files-from \
            lists (for archives too big for a command line: find … | gongwen ingest --files-from -), and stores every notice with \
            its record, its text and its citations; a notice forwarded inside another is an entry of its own, \
            linked to the notice that forwards it. A file the archive already holds with the same content \
            (sha256) is not parsed again; a changed file replaces its entries. Each file is stored in one \
            transaction: a file that cannot be read or parsed is reported with its reason, leaves nothing \
            behind, and the rest goes on (the exit status is then 1). On a terminal, a progress line on \
            standard error.
            """
    )

    @Argument(help: "Folders of notices (or single notice files).")
    var paths: [String] = []

    @OptionGroup var list: FileListArguments

    @OptionGroup var archive: ArchiveArguments

    @Flag(help: "No progress line.")
    var quiet = false

    @OptionGroup var limits: LimitArguments

    func validate() throws {
        if paths.isEmpty && list.filesFrom == nil {
            throw ValidationError("give folders of notices, notice files or --files-from")
        }
    }

    func run() async throws {
        let files: [String]
        do { files = try ArchiveIngest.files(under: paths + list.listedPaths(limits: limits.limits)) } catch {
            fail("\(error)")
        }
        guard !files.isEmpty else {
            fail("no notices (.txt, .html, .htm or .shtml files) under \(paths.joined(separator: ", "))")
        }
        let store = try await archive.open(create: true)
        let showProgress = !quiet && isatty(STDERR_FILENO) == 1
        let progress: (@Sendable (IngestSummary) -> Void)? = showProgress ? progressLine : nil
        let summary: IngestSummary
        do {
            summary = try await ArchiveIngest.run(files: files, into: store, limits: limits.limits, progress: progress)
        } catch {
            try? await store.close()
            fail("\(archive.location): \(error)")
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        try await store.close()
        for failure in summary.failures {
            FileHandle.standardError.write(Data("gongwen: \(failure.reason)\n".utf8))
        }
        let rate = summary.seconds > 0 ? Double(summary.bytes) / 1_048_576 / summary.seconds : 0
        FileHandle.standardOutput.write(
            Data(
                """
                \(archive.location): \(summary.files) file\(summary.files == 1 ? "" : "s"): \(summary.added) new, \(summary.updated) updated, \
                \(summary.unchanged) unchanged, \(summary.failures.count) failed; \(summary.entries) notice\(summary.entries == 1 ? "" : "s") stored \
                in \(String(format: "%.1f", summary.seconds)) s (\(String(format: "%.1f", rate)) MB/s)

                """.utf8))
        if !summary.failures.isEmpty { throw ExitCode.failure }
    }
}

/// "  120/3575 files  2.3 MB/s  1 failed", rewritten in place.
@Sendable func progressLine(_ summary: IngestSummary) {
    let rate = summary.seconds > 0 ? Double(summary.bytes) / 1_048_576 / summary.seconds : 0
    let failed = summary.failures.isEmpty ? "" : "  \(summary.failures.count) failed"
    FileHandle.standardError.write(
        Data("\r\u{1B}[K\(summary.done)/\(summary.files) files  \(String(format: "%.1f", rate)) MB/s\(failed)".utf8))
}
