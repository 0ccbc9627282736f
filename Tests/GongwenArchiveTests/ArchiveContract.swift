import Foundation
import GongwenKit
import Testing

@testable import GongwenArchive

/// What every backend must do, run once on SQLite and once on PostgreSQL (`ArchiveBackendTests.swift`).
/// Expected sets come from a brute-force scan of the entries built without the archive, or, where
/// named, from the notices as read by hand.
enum ArchiveContract {
    static func ingest(_ paths: [String], into store: any ArchiveStore) async throws -> IngestSummary {
        try await ArchiveIngest.run(files: try ArchiveIngest.files(under: paths), into: store)
    }

    static func withArchive(
        _ backend: ScratchArchive.Backend, _ body: (ScratchArchive, any ArchiveStore) async throws -> Void
    ) async throws {
        let scratch = try ScratchArchive(backend)
        let store = try await scratch.open()
        do {
            try await body(scratch, store)
        } catch {
            try? await store.close()
            try? await scratch.remove()
            throw error
        }
        try await store.close()
        try await scratch.remove()
    }

    static func idempotentReingest(_ backend: ScratchArchive.Backend) async throws {
        try await withArchive(backend) { _, store in
            let entries = try NoticeEntries.all()
            let first = try await ingest([Paths.notices], into: store)
            #expect(first.added == 5 && first.unchanged == 0 && first.failures.isEmpty)
            // Notices/: five files, seven notices (Fuzhou's file forwards Fujian's, which forwards the national one).
            #expect(first.entries == 7 && entries.count == 7)
            let counts = try await store.counts()
            #expect(
                counts == ArchiveCounts(sources: 5, entries: 7, citations: entries.map(\.citations.count).reduce(0, +)))

            let second = try await ingest([Paths.notices], into: store)
            #expect(second.added == 0 && second.updated == 0 && second.unchanged == 5 && second.entries == 0)
            #expect(try await store.counts() == counts)
        }
    }

    static func changedFileReplaced(_ backend: ScratchArchive.Backend) async throws {
        try await withArchive(backend) { _, store in
            let folder = try Paths.scratchFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let file = folder + "/notice.txt"
            try FileManager.default.copyItem(atPath: Paths.notices + "/2020_caq.txt", toPath: file)
            _ = try await ingest([folder], into: store)
            #expect(try await store.search(SearchQuery(text: "中国质协字〔2020〕44号")).hits.map(\.entry.address) == [file])

            // The same path, now holding Henan's 2023 notice: its entries replace the old ones.
            try FileManager.default.removeItem(atPath: file)
            try FileManager.default.copyItem(atPath: Paths.notices + "/2023_henan.txt", toPath: file)
            let summary = try await ingest([folder], into: store)
            #expect(summary.updated == 1 && summary.added == 0)
            let counts = try await store.counts()
            #expect(counts.sources == 1 && counts.entries == 1)
            #expect(try await store.search(SearchQuery(text: "中国质协字〔2020〕44号")).total == 0)
            #expect(try await store.search(SearchQuery(text: "各会员单位及相关组织")).total == 0)
            let henan = try await store.search(SearchQuery(text: "豫工信办创新〔2023〕43号"))
            #expect(henan.hits.map(\.entry.address) == [file] && henan.hits.first?.match == .docNumber)
        }
    }

    static func failuresLeaveNothing(_ backend: ScratchArchive.Backend) async throws {
        try await withArchive(backend) { _, store in
            let folder = try Paths.scratchFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try FileManager.default.copyItem(atPath: Paths.notices + "/2023_henan.txt", toPath: folder + "/good.txt")
            try Data("%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n".utf8).write(
                to: URL(fileURLWithPath: folder + "/scan.txt"))
            try Data().write(to: URL(fileURLWithPath: folder + "/empty.html"))
            let summary = try await ingest([folder], into: store)
            #expect(summary.added == 1)
            #expect(summary.failures.map { ($0.path as NSString).lastPathComponent } == ["empty.html", "scan.txt"])
            #expect(summary.failures.last?.reason.contains("PDF") == true, "\(summary.failures)")
            #expect(try await store.counts().sources == 1)

            // A file whose second entry cannot be stored (the same address twice) leaves no row at all.
            var broken = try #require(
                try NoticeEntries.all().first { $0.position == 0 }.map { entry in
                    ArchivedFile(
                        path: "broken.txt", sha256: "0", format: "text", encoding: "UTF-8", byteCount: 1,
                        entries: [entry, entry])
                })
            broken.entries = broken.entries.map {
                var e = $0
                e.address = "broken.txt"
                e.sourcePath = "broken.txt"
                return e
            }
            let before = try await store.counts()
            await #expect(throws: (any Error).self) { try await store.store(broken) }
            #expect(try await store.counts() == before)
            #expect(try await store.storedDigests()["broken.txt"] == nil)
        }
    }

    static func concurrentIngests(_ backend: ScratchArchive.Backend) async throws {
        try await withArchive(backend) { scratch, store in
            // Two writers at once, each with its own connection, as two processes would have.
            let other = try await scratch.open()
            async let a = ingest([Paths.notices], into: store)
            async let b = ingest([Paths.notices], into: other)
            let (x, y) = try await (a, b)
            try await other.close()
            #expect(x.failures.isEmpty && y.failures.isEmpty, "\(x.failures) \(y.failures)")
            #expect(x.added + y.added == 5 && x.added + x.unchanged == 5 && y.added + y.unchanged == 5)
            let counts = try await store.counts()
            #expect(counts.sources == 5 && counts.entries == 7)
        }
    }

    /// Queries of two, three, six and more characters, with punctuation and digits: exactly the entries
    /// whose title or text holds them.
    static let queries = [
        "标杆", "质量标杆", "推荐", "济源", "会员", "〔2023〕", "2023年", "各会员单位", "。", "，各", "质量标杆活动的通知",
        "工业和信息化部关于促进制造业产品和服务质量提升的实施意见", "附件", "联系人", "申报", "QC", "qc", "一、", "（一）", "、",
        "不存在的词语组合", "标杆活动", "sheet", "9001", "年5月",
    ]

    static func searchFindsExactlyTheEntriesHoldingTheWords(_ backend: ScratchArchive.Backend) async throws {
        try await withArchive(backend) { _, store in
            _ = try await ingest([Paths.notices], into: store)
            let entries = try NoticeEntries.all()
            for query in queries where query.count >= 2 {
                let results = try await store.search(SearchQuery(text: query, limit: 100))
                let expected = NoticeEntries.holding(query, in: entries)
                #expect(Set(results.hits.map(\.entry.address)) == expected, "\(query)")
                #expect(results.total == expected.count, "\(query)")
                for hit in results.hits {
                    let snippet = try #require(hit.snippet, "\(query): \(hit.entry.address) has no snippet")
                    #expect(snippet.match.lowercased() == query.lowercased(), "\(query)")
                }
            }
            // The scores order the hits, best first.
            let ranked = try await store.search(SearchQuery(text: "标杆"))
            #expect(ranked.hits.map(\.score) == ranked.hits.map(\.score).sorted(by: >))
            // A snippet points at the input line the words stand on: 济源 is on line 9 of Henan's notice.
            let jiyuan = try #require(try await store.search(SearchQuery(text: "济源示范区")).hits.first?.snippet)
            let henanLines = try String(contentsOfFile: Paths.notices + "/2023_henan.txt", encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false)
            let span = try #require(jiyuan.span)
            #expect(henanLines[span.startLine - 1].contains("济源示范区"))
        }
    }

    static func filters(_ backend: ScratchArchive.Backend) async throws {
        try await withArchive(backend) { _, store in
            _ = try await ingest([Paths.notices], into: store)
            let entries = try NoticeEntries.all()
            let in2023 = NoticeEntries.holding("标杆", in: entries.filter { $0.year == 2023 })
            // Read by hand: Henan's notice and the three of Fuzhou's file are the 2023 ones.
            #expect(in2023.count == 4)
            #expect(
                Set(try await store.search(SearchQuery(text: "标杆", year: 2023, limit: 50)).hits.map(\.entry.address))
                    == in2023)
            let caq = try await store.search(SearchQuery(text: "标杆", issuer: "中国质量协会", limit: 50))
            #expect(
                Set(caq.hits.map(\.entry.address))
                    == NoticeEntries.holding("标杆", in: entries.filter { $0.issuer == "中国质量协会" }))
            #expect(caq.total == 3)
            let associations = try await store.search(SearchQuery(level: "association", limit: 50))
            #expect(
                associations.hits.allSatisfy { $0.entry.level == "association" && $0.match == .filter }
                    && associations.total == 3)
            let provincial2023 = try await store.search(SearchQuery(year: 2023, level: "provincial"))
            #expect(Set(provincial2023.hits.compactMap(\.entry.issuer)) == ["河南省工业和信息化厅办公室", "福建省工业和信息化厅"])
            let campaignID = try #require(entries.first { $0.docNumber == "中国质协字〔2023〕71号" }?.campaignID)
            let campaign = try await store.search(SearchQuery(campaign: campaignID, limit: 50))
            #expect(Set(campaign.hits.map(\.entry.docNumber)) == [nil, "中国质协字〔2020〕44号", "中国质协字〔2023〕71号"])
            #expect(try await store.search(SearchQuery(text: "标杆", issuer: "%")).total == 0)
        }
    }

    /// FTS syntax, SQL quotes and wildcards are words like any other; what cannot be a query is said.
    static func hostileQueries(_ backend: ScratchArchive.Backend) async throws {
        try await withArchive(backend) { _, store in
            _ = try await ingest([Paths.notices], into: store)
            let before = try await store.counts()
            let entries = try NoticeEntries.all()
            for query in [
                "\"", "\"\"", "'", "%", "%%", "_", "__", "*", "标杆*", "标杆 OR 质量", "NEAR(标杆 质量)", "质量 AND 标杆", "^标杆",
                "标杆\"",
                "'; DROP TABLE entries; --", "\"); DELETE FROM sources; --", "col:标杆", "title:标杆", "\\", "\u{0}\u{0}",
                "😀😀", "标😀",
            ] {
                do {
                    let results = try await store.search(SearchQuery(text: query, limit: 100))
                    let words = QueryForm.normalized(query)
                    #expect(
                        Set(results.hits.map(\.entry.address)) == NoticeEntries.holding(words, in: entries), "\(query)")
                } catch let error as ArchiveQueryError {
                    #expect(
                        query.unicodeScalars.filter { $0 != " " }.count < 2
                            || error == .tooShort(QueryForm.normalized(query)), "\(query): \(error)")
                }
            }
            await #expect(throws: ArchiveQueryError.tooLong(count: 10_000)) {
                try await store.search(SearchQuery(text: String(repeating: "质", count: 10_000)))
            }
            await #expect(throws: ArchiveQueryError.nothingAsked) { try await store.search(SearchQuery(text: "")) }
            await #expect(throws: ArchiveQueryError.nothingAsked) { try await store.search(SearchQuery(text: "   ")) }
            await #expect(throws: ArchiveQueryError.tooShort("标")) { try await store.search(SearchQuery(text: "标")) }
            #expect(try await store.counts() == before)
        }
    }

    static func documentNumbers(_ backend: ScratchArchive.Backend) async throws {
        try await withArchive(backend) { _, store in
            _ = try await ingest([Paths.notices], into: store)
            for form in [
                "中国质协字〔2023〕71号", "中国质协字[2023]71号", "中国质协字﹝2023﹞71号", "中国质协字(2023)71号", "中国质协字（2023）71号",
                "中国质协字 〔2023〕 71 号",
            ] {
                let results = try await store.search(SearchQuery(text: form))
                #expect(results.docNumber == "中国质协字〔2023〕71号", "\(form)")
                #expect(
                    results.hits.first?.match == .docNumber
                        && results.hits.first?.entry.address.hasSuffix("2023_fuzhou_forward.txt#2") == true, "\(form)")
            }
            // The number's notice first, then Fujian's, which forwards it.
            let results = try await store.search(SearchQuery(text: "中国质协字〔2023〕71号"))
            #expect(results.hits.map(\.match) == [.docNumber, .citation])
            #expect(results.hits.last?.entry.address.hasSuffix("2023_fuzhou_forward.txt#1") == true)
            // Filters apply to the citing notices too.
            let fujian = try await store.search(SearchQuery(text: "中国质协字〔2023〕71号", issuer: "福建"))
            #expect(fujian.hits.map(\.match) == [.citation] && fujian.hits.first?.entry.issuer == "福建省工业和信息化厅")
            #expect(try await store.search(SearchQuery(text: "中国质协字〔2023〕71号", level: "municipal")).total == 0)
            #expect(try await store.search(SearchQuery(text: "中国质协字〔2023〕71号", year: 2023)).total == 2)
            let byFilter = try await store.search(SearchQuery(docNumber: "豫工信办创新[2023]43号"))
            #expect(byFilter.hits.map(\.entry.issuer) == ["河南省工业和信息化厅办公室"])
        }
    }

    static func citationGraph(_ backend: ScratchArchive.Backend) async throws {
        try await withArchive(backend) { _, store in
            _ = try await ingest([Paths.notices], into: store)
            // Read by hand: Fujian's notice (#1 of Fuzhou's file) forwards the national one (#2); Fuzhou's
            // cites Fujian's by title on its line 11 and forwards it.
            let citedBy = try await CitationGraph.find(.citedBy, "中国质协字[2023]71号", in: store)
            #expect(citedBy.notices.map(\.address).map { $0.hasSuffix("2023_fuzhou_forward.txt#2") } == [true])
            let fujian = citedBy.citations.filter { $0.depth == 1 }
            #expect(fujian.map(\.from.address).map { $0.hasSuffix("2023_fuzhou_forward.txt#1") } == [true])
            #expect(fujian.map(\.kind) == [.forwards])
            let fuzhou = citedBy.citations.filter { $0.depth == 2 }
            #expect(Set(fuzhou.map(\.from.address)).map { $0.hasSuffix("2023_fuzhou_forward.txt") } == [true])
            #expect(Set(fuzhou.map(\.kind)) == [.cites, .forwards])
            #expect(fuzhou.first { $0.kind == .cites }?.span.startLine == 11)

            let cites = try await CitationGraph.find(.cites, Paths.notices + "/2023_fuzhou_forward.txt#1", in: store)
            let byNumber = Dictionary(
                cites.citations.compactMap { link in link.docNumber.map { ($0, link) } },
                uniquingKeysWith: { a, _ in a })
            #expect(byNumber["中国质协字〔2023〕71号"]?.resolved.map(\.address).map { $0.hasSuffix("#2") } == [true])
            #expect(byNumber["工信部科〔2019〕188号"]?.resolved == [])  // not archived: unresolved
            await #expect(throws: CitationGraphError.notArchived("nowhere.txt")) {
                try await CitationGraph.find(.cites, "nowhere.txt", in: store)
            }
        }
    }

    /// A command that only reads never makes an empty archive: it says there is none.
    static func readingMissingArchive(_ backend: ScratchArchive.Backend) async throws {
        let scratch = try ScratchArchive(backend)
        await #expect(throws: ArchiveOpenError.noArchive(path: scratch.location.description)) {
            _ = try await scratch.location.open(create: false)
        }
        if case let .sqlite(path) = scratch.location { #expect(!FileManager.default.fileExists(atPath: path)) }
        let store = try await scratch.open()  // and one that writes makes it
        try await store.close()
        let reopened = try await scratch.location.open(create: false)
        #expect(try await reopened.counts() == ArchiveCounts(sources: 0, entries: 0, citations: 0))
        try await reopened.close()
        try await scratch.remove()
    }

    static func queryForms(_ backend: ScratchArchive.Backend) async throws {
        try await withArchive(backend) { _, store in
            _ = try await ingest([Paths.notices], into: store)
            let simplified = Set(
                try await store.search(SearchQuery(text: "2023年全国质量标杆", limit: 50)).hits.map(\.entry.address))
            #expect(!simplified.isEmpty)
            #expect(
                Set(try await store.search(SearchQuery(text: "２０２３年全国質量標桿", limit: 50)).hits.map(\.entry.address))
                    == simplified)
            #expect(
                Set(try await store.search(SearchQuery(text: "2023 年 全国质量标杆", limit: 50)).hits.map(\.entry.address))
                    == simplified)
            // Filters too: the issuer written in traditional characters.
            let traditional = try await store.search(SearchQuery(issuer: "中國質量協會", limit: 50))
            #expect(traditional.total == 3 && traditional.hits.allSatisfy { $0.entry.issuer == "中国质量协会" })
        }
    }
}
