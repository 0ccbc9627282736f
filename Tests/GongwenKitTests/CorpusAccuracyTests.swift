import Foundation
import Testing

@testable import GongwenKit

/// Scores records against hand-read gold exactly as `shared/eval/score.py` does (gold records matched
/// by file and depth, brackets folded to 〔〕, script folded to simplified, set fields counting missed
/// gold values and extra output values alike), so that the numbers here are the scorer's numbers.
enum GoldScorer {
    struct Tally: Codable, Equatable {
        var hits: Int
        var total: Int
        var misses: Int { total - hits }
    }

    static let fields = [
        "docNumber", "issuer", "signedOn", "title", "addressees", "deadlines", "quotas", "contactNames",
        "phones", "emails", "postcodes", "directory", "focusAreas", "attachments", "citations",
    ]

    /// Per field, over every gold record of the file.
    static func score(gold goldURL: URL, notices: URL) throws -> [String: Tally] {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: goldURL)) as! [String: Any]
        let records = document["records"] as! [[String: Any]]
        var totals: [String: Tally] = [:]
        var parsed: [String: [(depth: Int, json: [String: Any])]] = [:]
        for gold in records {
            let file = gold["file"] as! String
            if parsed[file] == nil {
                let record = try Gongwen.parse(path: notices.appendingPathComponent(file).path)
                parsed[file] = try flatten(record)
            }
            let depth = gold["depth"] as? Int ?? 0
            let output = parsed[file]!.first { $0.depth == depth }?.json ?? [:]
            for (field, tally) in score(gold, output) {
                totals[field, default: Tally(hits: 0, total: 0)].hits += tally.hits
                totals[field, default: Tally(hits: 0, total: 0)].total += tally.total
            }
        }
        return totals
    }

    static func flatten(_ record: NoticeRecord) throws -> [(depth: Int, json: [String: Any])] {
        try Corpus.flatten(record).map { entry in
            (
                entry.depth,
                try JSONSerialization.jsonObject(with: Gongwen.jsonData(entry.record, pretty: false)) as! [String: Any]
            )
        }
    }

    /// Whitespace removed, traditional script folded to simplified.
    static func squash(_ text: String?) -> String {
        let scalars = (text ?? "").unicodeScalars.filter { !$0.properties.isWhitespace }
        return String(String.UnicodeScalarView(ScriptFolding.simplified(Array(scalars))))
    }

    static func canonBrackets(_ text: String) -> String {
        let map: [Character: Character] = [
            "[": "〔", "]": "〕", "［": "〔", "］": "〕", "﹝": "〔", "﹞": "〕", "【": "〔", "】": "〕",
        ]
        return String(text.map { map[$0] ?? $0 })
    }

    static func digits(_ text: String) -> String {
        String(text.unicodeScalars.filter(\.isASCIIDigit).map(Character.init))
    }

    /// Recall and precision together: a gold value matched once, and every unmatched output value a miss.
    static func setScore(_ gold: [String], _ output: [String], _ equal: (String, String) -> Bool) -> Tally {
        var used = Set<Int>()
        var hits = 0
        for g in gold {
            if let j = output.indices.first(where: { !used.contains($0) && equal(g, output[$0]) }) {
                used.insert(j)
                hits += 1
            }
        }
        return Tally(hits: hits, total: gold.count + output.count - used.count)
    }

    static func contactValues(_ output: [String: Any], _ key: String) -> [String] {
        (output["contacts"] as? [[String: Any]] ?? []).flatMap { contact -> [String] in
            switch contact[key] ?? contact[key + "s"] {
            case let list as [Any]:
                return list.compactMap { ($0 as? [String: Any])?["number"] as? String ?? $0 as? String }
            case let value as String: return [value]
            default: return []
            }
        }
    }

    static func score(_ gold: [String: Any], _ output: [String: Any]) -> [String: Tally] {
        var result: [String: Tally] = [:]
        func one(_ field: String, _ hit: Bool) { result[field] = Tally(hits: hit ? 1 : 0, total: 1) }
        let strings = { (key: String) in (output[key] as? [String] ?? []) }
        if gold.keys.contains("docNumber") {
            let produced = (output["docNumber"] as? [String: Any])?["text"] as? String
            if let expected = gold["docNumber"] as? String {
                one("docNumber", squash(canonBrackets(produced ?? "")) == squash(canonBrackets(expected)))
            } else {
                one("docNumber", produced == nil || produced == "")
            }
        }
        if let expected = gold["issuer"] {
            let name = (output["issuer"] as? [String: Any])?["name"] as? String ?? ""
            if let list = expected as? [String] {
                let loose = { (s: String) in s.filter { !"、，,;；".contains($0) && !$0.isWhitespace } }
                one("issuer", list.map(loose).contains(loose(name)))
            } else {
                one("issuer", squash(name) == squash(expected as? String))
            }
        }
        if gold.keys.contains("signedOn") {
            one("signedOn", output["signedOn"] as? String == gold["signedOn"] as? String)
        }
        if gold.keys.contains("titleContains") {
            let title = squash(output["title"] as? String)
            if let expected = gold["titleContains"] as? String {
                one("title", title.contains(squash(expected)))
            } else {
                one("title", title.isEmpty)
            }
        }
        if let expected = gold["addressees"] as? [String] {
            result["addressees"] = setScore(expected.map { squash($0) }, strings("addressees").map { squash($0) }, ==)
        }
        if let expected = gold["deadlines"] as? [String] {
            let dates = Set((output["deadlines"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String })
                .sorted()
            result["deadlines"] = setScore(expected, dates, ==)
        }
        if let expected = gold["quotaMax"] as? [Int] {
            let maxima = (output["quotas"] as? [[String: Any]] ?? []).compactMap { $0["max"] as? Int }
            result["quotas"] = setScore(expected.map(String.init), maxima.map(String.init), ==)
        }
        if let expected = gold["contactNames"] as? [String] {
            result["contactNames"] = setScore(expected, contactValues(output, "name").map { squash($0) }, ==)
        }
        if let expected = gold["phones"] as? [String] {
            let numbers = Set(contactValues(output, "phone").map(digits)).sorted()
            result["phones"] = setScore(expected, numbers) { g, o in o.hasSuffix(g) && g.count >= 7 }
        }
        if let expected = gold["emails"] as? [String] {
            result["emails"] = setScore(
                expected, Set(contactValues(output, "email").map { $0.lowercased() }).sorted(), ==)
        }
        if let expected = gold["postcodes"] as? [String] {
            result["postcodes"] = setScore(expected, Set(contactValues(output, "postcode")).sorted(), ==)
        }
        let count = { (key: String) in (output[key] as? [Any] ?? []).count }
        if let expected = gold["directoryCount"] as? Int { one("directory", count("directory") == expected) }
        if let expected = gold["focusAreaCount"] as? Int { one("focusAreas", count("focusAreas") == expected) }
        if let expected = gold["attachmentCount"] as? Int { one("attachments", count("attachments") == expected) }
        if let expected = gold["citedDocNumbers"] as? [String] {
            let cited = Set(
                (output["citations"] as? [[String: Any]] ?? []).compactMap { $0["docNumber"] as? String }
                    .map { squash(canonBrackets($0)) }
            ).sorted()
            result["citations"] = setScore(expected.map { squash(canonBrackets($0)) }, cited, ==)
        }
        return result
    }

    static func report(_ totals: [String: Tally]) -> String {
        let hits = totals.values.map(\.hits).reduce(0, +)
        let total = totals.values.map(\.total).reduce(0, +)
        let lines = fields.compactMap { field in
            totals[field].map { "\(field.padding(toLength: 14, withPad: " ", startingAt: 0)) \($0.hits)/\($0.total)" }
        }
        return
            (lines + [String(format: "fields: %.1f%% (%d/%d)", 100 * Double(hits) / Double(max(total, 1)), hits, total)])
            .joined(separator: "\n")
    }
}

@Suite("Accuracy on real notices: the corpus and the seeds never score lower than the ratchet")
struct CorpusAccuracyTests {
    static let directory = Corpus.packageRoot.appendingPathComponent("Tests/GongwenKitTests/Corpus")

    struct Ratchet: Codable {
        var corpus: [String: GoldScorer.Tally]
        var seeds: [String: GoldScorer.Tally]
    }

    static func ratchet() throws -> Ratchet {
        try JSONDecoder().decode(Ratchet.self, from: Data(contentsOf: directory.appendingPathComponent("ratchet.json")))
    }

    static func check(_ totals: [String: GoldScorer.Tally], against floor: [String: GoldScorer.Tally], _ name: String) {
        for (field, reached) in floor.sorted(by: { $0.key < $1.key }) {
            let now = totals[field] ?? GoldScorer.Tally(hits: 0, total: 0)
            #expect(now.hits >= reached.hits, "\(name) \(field): \(now.hits) hits, the ratchet holds \(reached.hits)")
            #expect(
                now.misses <= reached.misses,
                "\(name) \(field): \(now.misses) misses, the ratchet allows \(reached.misses)")
        }
        #expect(Set(totals.keys) == Set(floor.keys), "\(name): the fields scored changed")
    }

    @Test("The 36 real notices of the corpus, field by field")
    func corpus() throws {
        let totals = try GoldScorer.score(
            gold: Self.directory.appendingPathComponent("gold.json"),
            notices: Self.directory.appendingPathComponent("notices"))
        print("corpus accuracy\n" + GoldScorer.report(totals))
        Self.check(totals, against: try Self.ratchet().corpus, "corpus")
        let hits = totals.values.map(\.hits).reduce(0, +)
        let total = totals.values.map(\.total).reduce(0, +)
        #expect(Double(hits) >= 0.95 * Double(total), "corpus: \(hits)/\(total) is below 95%")
    }

    @Test("The five development notices score every gold field")
    func seeds() throws {
        let totals = try GoldScorer.score(
            gold: Self.directory.appendingPathComponent("seeds.json"), notices: Corpus.noticesDirectory)
        Self.check(totals, against: try Self.ratchet().seeds, "seeds")
        #expect(totals.values.allSatisfy { $0.hits == $0.total }, "\(GoldScorer.report(totals))")
    }

    @Test("The port scores a known miss as the scorer does: a gold e-mail in capitals against the lower-cased output")
    func scorerSemantics() {
        let tally = GoldScorer.score(["emails": ["ZJXZLFH@163.com"]], ["contacts": [["emails": ["ZJXZLFH@163.com"]]]])
        #expect(tally["emails"] == GoldScorer.Tally(hits: 0, total: 2))
        let phones = GoldScorer.score(
            ["phones": ["83387376"]],
            ["contacts": [["phones": [["number": "020-83387376"], ["number": "13933354229"]]]]])
        #expect(phones["phones"] == GoldScorer.Tally(hits: 1, total: 2))
        let title = GoldScorer.score(["titleContains": NSNull()], ["title": "發布時間"])
        #expect(title["title"] == GoldScorer.Tally(hits: 0, total: 1))
    }
}
