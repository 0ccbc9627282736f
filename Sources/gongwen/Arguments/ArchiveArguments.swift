import ArgumentParser
import Foundation
import GongwenArchive

/// Where the archive is, for every archive command.
struct ArchiveArguments: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The archive: a SQLite file, or postgres://user@host[:port]/database (default: $GONGWEN_DB, else gongwen.sqlite).",
            valueName: "path|url"))
    var db: String?

    var location: String { db ?? ProcessInfo.processInfo.environment["GONGWEN_DB"] ?? ArchiveLocation.defaultPath }

    func open(create: Bool) async throws -> any ArchiveStore {
        do {
            return try await ArchiveLocation(location).open(create: create)
        } catch {
            fail("\(error)")
        }
    }
}
