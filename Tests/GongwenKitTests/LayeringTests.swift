import Foundation
import Testing

/// The folders of GongwenKit are layers: each may use its own types and those of the folders before it,
/// never one after it (Ingest once used `Link` from Normalize, Diff `NoticeRecord` from Emit, Normalize
/// the segmenter's title test). The check reads the sources: a type's name in code (not in a comment or
/// a string) counts as a use.
@Suite("Layering: each folder uses only the folders before it")
struct LayeringTests {
    /// The folders in order; files at the top (`Gongwen.swift`) stand after all of them.
    static let order = [
        "Text", "Record", "Shapes", "Ingest", "Normalize", "Segment", "Extract", "Diff", "Config", "Emit",
    ]
    static let sources = Corpus.packageRoot.appendingPathComponent("Sources/GongwenKit")

    struct SourceFile {
        var path: String
        var folder: String
        var code: String
    }

    static func files() throws -> [SourceFile] {
        let paths = try #require(FileManager.default.subpaths(atPath: sources.path)).filter { $0.hasSuffix(".swift") }
        return try paths.sorted().map { path in
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            let parts = path.split(separator: "/")
            return SourceFile(path: path, folder: parts.count > 1 ? String(parts[0]) : "", code: codeOnly(text))
        }
    }

    /// The names a file declares at its top level (struct, enum, class, actor, protocol, typealias).
    static func declaredNames(_ code: String) -> [String] {
        let keywords: Set<Substring> = ["struct", "enum", "class", "actor", "protocol", "typealias"]
        let modifiers: Set<Substring> = [
            "public", "package", "internal", "private", "fileprivate", "final", "indirect",
        ]
        return code.split(separator: "\n").compactMap { line -> String? in
            guard let first = line.first, first.isLetter || first == "@" else { return nil }  // top level only
            var words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" || $0 == "{" })[...]
            while let word = words.first, modifiers.contains(word) || word.hasPrefix("@") { words = words.dropFirst() }
            guard let keyword = words.first, keywords.contains(keyword), words.count > 1 else { return nil }
            return String(words[words.startIndex + 1])
        }
    }

    /// The code of a Swift file without its comments and the text of its string literals (an
    /// interpolation's code is kept): "// Link" and "\"Gongwen: \"" use nothing.
    static func codeOnly(_ text: String) -> String {
        var out = ""
        let s = Array(text.unicodeScalars)
        var i = 0
        // Open string literals, innermost last: the number of quotes that closes each, and the
        // depth of parentheses of the interpolation being read inside it (nil: in its text).
        var strings: [(quotes: Int, interpolationDepth: Int?)] = []
        func at(_ k: Int, _ word: String) -> Bool {
            let w = Array(word.unicodeScalars)
            return k + w.count <= s.count && Array(s[k..<(k + w.count)]) == w
        }
        while i < s.count {
            if let open = strings.last, open.interpolationDepth == nil {  // in a literal's text
                if s[i] == "\\" {
                    if i + 1 < s.count, s[i + 1] == "(" {
                        strings[strings.count - 1].interpolationDepth = 0
                        out += " "
                        i += 2
                        continue
                    }
                    i += 2
                    continue
                }
                if open.quotes == 3 ? at(i, "\"\"\"") : s[i] == "\"" {
                    strings.removeLast()
                    i += open.quotes
                    out += "\"\""
                    continue
                }
                if s[i] == "\n" { out += "\n" }
                i += 1
                continue
            }
            if at(i, "//") {
                while i < s.count, s[i] != "\n" { i += 1 }
                continue
            }
            if at(i, "/*") {
                i += 2
                while i < s.count, !at(i, "*/") { i += 1 }
                i += 2
                continue
            }
            if s[i] == "\"" {
                let quotes = at(i, "\"\"\"") ? 3 : 1
                strings.append((quotes, nil))
                i += quotes
                continue
            }
            if let open = strings.last, let depth = open.interpolationDepth {  // in an interpolation's code
                if s[i] == "(" { strings[strings.count - 1].interpolationDepth = depth + 1 }
                if s[i] == ")" {
                    strings[strings.count - 1].interpolationDepth = depth == 0 ? nil : depth - 1
                    if depth == 0 {
                        i += 1
                        continue
                    }
                }
            }
            out.unicodeScalars.append(s[i])
            i += 1
        }
        return out
    }

    /// Whether `name` stands in `code` as a word of its own, not as a member (`.Kind`).
    static func uses(_ code: String, _ name: String) -> Bool {
        var search = code.startIndex
        while let range = code.range(of: name, range: search..<code.endIndex) {
            let before = range.lowerBound == code.startIndex ? nil : code[code.index(before: range.lowerBound)]
            let after = range.upperBound == code.endIndex ? nil : code[range.upperBound]
            let isWord = { (c: Character?) in c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
            if !isWord(before), before != ".", !isWord(after) { return true }
            search = range.upperBound
        }
        return false
    }

    @Test("Every folder of GongwenKit is in the order")
    func everyFolderIsPlaced() throws {
        let folders = Set(try Self.files().map(\.folder)).subtracting([""])
        #expect(folders == Set(Self.order), "a new folder needs its place in LayeringTests.order and README's pipeline")
    }

    @Test("No folder uses a type of a folder after it")
    func noBackwardUse() throws {
        let files = try Self.files()
        let rank = Dictionary(uniqueKeysWithValues: Self.order.enumerated().map { ($0.element, $0.offset) })
        var home: [String: String] = [:]
        for file in files where !file.folder.isEmpty {
            for name in Self.declaredNames(file.code) { home[name] = home[name] ?? file.folder }
        }
        #expect(home["NoticeRecord"] == "Record" && home["Link"] == "Record" && home["TextLine"] == "Text")
        #expect(home.count > 100, "the declarations were read")
        var backward: [String] = []
        for file in files where !file.folder.isEmpty {
            let own = rank[file.folder] ?? Int.max
            for (name, folder) in home where (rank[folder] ?? 0) > own && Self.uses(file.code, name) {
                backward.append("\(file.path) uses \(name) (\(folder))")
            }
        }
        #expect(backward.sorted() == [])
    }

    @Test("The check sees a use in code, and none in a comment, a string or as a member")
    func readsCodeOnly() {
        let code = Self.codeOnly(
            #"""
            // Link is named here
            let a = "Link: \(title)"  /* Link */
            let b = Ingest.read(path)
            let c = x.Link
            let d = """
                Link \(Segmenter.segment(y)) "quoted"
                """
            """#)
        #expect(!Self.uses(code, "Link"))
        #expect(Self.uses(code, "Ingest") && Self.uses(code, "title") && Self.uses(code, "Segmenter"))
        #expect(
            Self.declaredNames("public struct A: B {\n    enum Inner {}\n}\n@propertyWrapper\npublic struct W<V> {}")
                == ["A", "W"])
    }
}
