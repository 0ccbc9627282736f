import Foundation
import Testing

@testable import GongwenKit

/// The hand-read rules of every record (Golden/rules.json).
struct GoldenRules: Decodable {
    struct DeadlineGold: Decodable, Equatable {
        var date: String
        var start: String?
        var actor: String?
    }
    struct QuotaGold: Decodable, Equatable {
        var max: Int?
        var unit: String
        var appliesTo: [String]
        var condition: String?
    }
    struct ContactGold: Decodable, Equatable {
        var names: [String]
        var department: String?
        var phones: [String]
        var emails: [String]
        var postcode: String?
    }
    struct MaterialGold: Decodable, Equatable {
        var form: String?
        var copies: Int?
    }
    var file: String
    var depth: Int
    var deadlines: [DeadlineGold]
    var schedule: [String]
    var quotas: [QuotaGold]
    var contacts: [ContactGold]
    var materials: [MaterialGold]
    var directoryCount: Int
    var focusAreaCount: Int
    var eligibilityCount: Int
    var citedDocNumbers: [String]

    static func load() throws -> [GoldenRules] {
        struct File: Decodable { var records: [GoldenRules] }
        let url = try #require(Bundle.module.url(forResource: "rules", withExtension: "json", subdirectory: "Golden"))
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).records
    }
}

@Suite("The rules of the corpus against hand-read golden values")
struct RuleGoldenTests {
    @Test(
        "Deadlines, schedule, quotas, contacts, materials, counts and citations of every record",
        arguments: Corpus.files)
    func rules(file: String) throws {
        let golden = try GoldenRules.load().filter { $0.file == file }
        let records = Corpus.flatten(try Corpus.record(file))
        #expect(records.count == golden.count)
        for (gold, (depth, record)) in zip(golden, records) {
            let at = "\(file)#\(depth)"
            #expect(
                record.deadlines.map { GoldenRules.DeadlineGold(date: $0.date, start: $0.start, actor: $0.actor) }
                    == gold.deadlines, "\(at) deadlines")
            #expect(record.schedule.map(\.date) == gold.schedule, "\(at) schedule")
            #expect(
                record.quotas.map {
                    GoldenRules.QuotaGold(max: $0.max, unit: $0.unit, appliesTo: $0.appliesTo, condition: $0.condition)
                } == gold.quotas, "\(at) quotas")
            let contacts = record.contacts.map {
                GoldenRules.ContactGold(
                    names: $0.names, department: $0.department, phones: $0.phones.map(\.number), emails: $0.emails,
                    postcode: $0.postcode)
            }
            #expect(contacts == gold.contacts, "\(at) contacts")
            #expect(
                record.submission.materials.map { GoldenRules.MaterialGold(form: $0.form, copies: $0.copies) }
                    == gold.materials, "\(at) materials")
            #expect(record.directory.count == gold.directoryCount, "\(at) directory")
            #expect(record.focusAreas.count == gold.focusAreaCount, "\(at) focus areas")
            #expect(record.eligibility.count == gold.eligibilityCount, "\(at) eligibility")
            #expect(record.citations.compactMap(\.docNumber) == gold.citedDocNumbers, "\(at) cited numbers")
        }
    }

    @Test("The golden rules agree with the gold seeds")
    func agreesWithSeeds() throws {
        let seedsURL = Corpus.seeds
        struct Seed: Decodable {
            var file: String
            var depth: Int
            var deadlines: [String]
            var quotaMax: [Int]
            var contactNames: [String]
            var phones: [String]
            var emails: [String]
            var postcodes: [String]
            var directoryCount: Int
            var focusAreaCount: Int
            var citedDocNumbers: [String]
        }
        struct Seeds: Decodable { var records: [Seed] }
        let seeds = try JSONDecoder().decode(Seeds.self, from: Data(contentsOf: seedsURL)).records
        let golden = try GoldenRules.load()
        #expect(seeds.count == golden.count)
        for seed in seeds {
            let gold = try #require(golden.first { $0.file == seed.file && $0.depth == seed.depth })
            var uniqueDates: [String] = []
            for date in gold.deadlines.map(\.date) where !uniqueDates.contains(date) { uniqueDates.append(date) }
            #expect(uniqueDates == seed.deadlines, "\(seed.file)#\(seed.depth)")
            #expect(gold.quotas.map(\.max) == seed.quotaMax)
            #expect(gold.contacts.flatMap(\.names) == seed.contactNames)
            let digits = gold.contacts.flatMap(\.phones).map { $0.filter(\.isNumber) }
            #expect(digits.count == seed.phones.count)
            for (ours, theirs) in zip(digits, seed.phones) {
                #expect(ours.hasSuffix(theirs), "\(ours) ends with \(theirs)")
            }
            #expect(gold.contacts.flatMap(\.emails) == seed.emails)
            #expect(gold.contacts.compactMap(\.postcode) == seed.postcodes)
            #expect(gold.directoryCount == seed.directoryCount)
            #expect(gold.focusAreaCount == seed.focusAreaCount)
            #expect(gold.citedDocNumbers == seed.citedDocNumbers)
        }
    }
}
