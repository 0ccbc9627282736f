import Foundation

/// Where the archive is: a SQLite file (the default, `gongwen.sqlite`) or a PostgreSQL server
/// (`postgres://user[:password]@host[:port]/database`).
public enum ArchiveLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    public static let defaultPath = "gongwen.sqlite"

    public init(_ text: String) throws(ArchiveOpenError) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresAddress(text))
        } else {
            self = .sqlite(path: text)
        }
    }

    public var description: String {
        switch self {
        case let .sqlite(path): return path
        case let .postgres(address): return address.description
        }
    }

    /// Opens the archive; `create` is false for commands that only read (a missing SQLite file, or a
    /// database or schema without the archive's tables, is then an error, not a new empty archive).
    public func open(create: Bool) async throws -> any ArchiveStore {
        switch self {
        case let .sqlite(path):
            if !create && !FileManager.default.fileExists(atPath: path) { throw ArchiveOpenError.noArchive(path: path) }
            do { return try SQLiteArchive(path: path, readOnly: !create) } catch let error as ArchiveOpenError {
                throw error
            } catch {
                throw ArchiveOpenError.cannotOpen(location: path, reason: "\(error)")
            }
        case let .postgres(address):
            return try await PostgresArchive.open(address, create: create)
        }
    }
}

/// A PostgreSQL server and database, from a URL.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// `?sslmode=require`: TLS or no connection (without it, the connection is not encrypted, as on loopback).
    public var requireTLS: Bool
    /// `?schema=NAME`: the archive's tables in that schema (created if missing), so that one database can
    /// hold several archives; else the database's default (`public`).
    public var schema: String?

    public init(_ url: String) throws(ArchiveOpenError) {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw .badURL(url, reason: "expected postgres://user@host[:port]/database")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw .badURL(url, reason: "no database named after the host (…/gongwen)") }
        self.host = host
        port = components.port ?? 5432
        user = components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password =
            components.password.flatMap { $0.removingPercentEncoding }
            ?? ProcessInfo.processInfo.environment["PGPASSWORD"]
        self.database = database
        let sslmode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        guard ["disable", "require"].contains(sslmode) else {
            throw .badURL(url, reason: "sslmode is disable or require")
        }
        requireTLS = sslmode == "require"
        schema = components.queryItems?.first { $0.name == "schema" }?.value
        if let schema,
            schema.isEmpty || !schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
                || schema.first!.isNumber
        {
            throw .badURL(url, reason: "a schema name is ASCII letters, digits and _, not beginning with a digit")
        }
    }

    /// The URL without its password.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "")
    }
}

public enum ArchiveOpenError: Error, CustomStringConvertible, Equatable {
    case badURL(String, reason: String)
    case noArchive(path: String)
    /// A SQLite database without the archive's tables, given to a command that only reads.
    case notAnArchive(path: String)
    case cannotOpen(location: String, reason: String)

    public var description: String {
        switch self {
        case let .badURL(url, reason): return "--db \(url): not a PostgreSQL address: \(reason)"
        case let .noArchive(path):
            return "\(path): no archive here; create it with `gongwen ingest FOLDER --db \(path)`"
        case let .notAnArchive(path):
            return
                "\(path): not a gongwen archive (a SQLite database without the archive's tables); make one with `gongwen ingest FOLDER --db ARCHIVE`"
        case let .cannotOpen(location, reason): return "\(location): cannot open the archive: \(reason)"
        }
    }
}
