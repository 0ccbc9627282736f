/// A record and where it was found: a file, and for a notice forwarded inside another, its place
/// among the file's records in depth-first order ("2023_fuzhou_forward.txt#2").
public struct LocatedRecord: Sendable {
    public var record: NoticeRecord
    public var path: String
    /// 0 for the file's own notice, then each embedded notice depth-first.
    public var index: Int

    public var address: String { index == 0 ? path : "\(path)#\(index)" }

    /// The file's notice and every notice embedded in it, depth-first.
    public static func flatten(_ record: NoticeRecord, path: String) -> [LocatedRecord] {
        var result: [LocatedRecord] = []
        func visit(_ record: NoticeRecord) {
            result.append(LocatedRecord(record: record, path: path, index: result.count))
            record.embedded.forEach(visit)
        }
        visit(record)
        return result
    }
}

/// What makes notices one series: the same organizer running the same campaign, year after year.
public struct CampaignKey: Hashable, Sendable, Encodable {
    public var organizer: String
    public var campaign: String

    /// The key of a record: its issuer, and its title with the year, the issuer's own name, the
    /// opening verb ("关于开展", "关于做好…工作") and the closing "的通知" taken away. Nil when the
    /// record has no issuer or no title (it cannot be placed in a series).
    public static func of(_ record: NoticeRecord) -> CampaignKey? {
        guard let issuer = record.issuer.name, let title = record.title else { return nil }
        let campaign = campaignName(title: title, issuer: issuer)
        return campaign.isEmpty ? nil : CampaignKey(organizer: issuer, campaign: campaign)
    }

    static func campaignName(title: String, issuer: String) -> String {
        var text = String(String.UnicodeScalarView(TextDiff.canonical(title)))
        if text.hasPrefix(issuer) { text.removeFirst(issuer.count) }
        if text.hasPrefix("关于") { text.removeFirst(2) }
        for verb in ["组织开展", "开展", "做好", "举办", "组织", "启动"] where text.hasPrefix(verb) {
            text.removeFirst(verb.count)
            break
        }
        for suffix in ["的通知", "通知"] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            break
        }
        if text.hasSuffix("工作") && text.count > 2 { text.removeLast(2) }
        // The year: "2022年", "2022年度".
        var scalars = Array(text.unicodeScalars)
        var i = 0
        while i + 4 < scalars.count {
            if scalars[i..<(i + 4)].allSatisfy(\.isASCIIDigit), scalars[i + 4] == "年",
                i == 0 || !scalars[i - 1].isASCIIDigit
            {
                var end = i + 5
                if end < scalars.count, scalars[end] == "度" { end += 1 }
                scalars.removeSubrange(i..<end)
            } else {
                i += 1
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}

/// A year the series skips, and the notices in the corpus that cite that year's notice.
public struct SeriesGap: Encodable, Sendable {
    public var year: Int
    public var citedBy: [CitingNotice]
}

public struct CitingNotice: Encodable, Sendable {
    public var path: String
    public var citation: String
    public var span: SourceSpan
}

/// One campaign's notices in year order, and the diff of each successive pair.
public struct NoticeSeries: Encodable, Sendable {
    public var organizer: String
    public var campaign: String
    public var notices: [NoticeReference]
    /// Notices that forward one of the campaign's (a province's or a city's 转发): levels of the
    /// campaign, not series of their own.
    public var relays: [RelayReference]
    public var gaps: [SeriesGap]
    public var diffs: [NoticeDiff]
}

/// A notice that forwards another notice of the series.
public struct RelayReference: Encodable, Sendable {
    public var notice: NoticeReference
    public var level: Issuer.Level
    /// The address of the notice it forwards (a notice of the series, or another relay).
    public var relays: String
}

/// Notices that cannot be placed: no issuer, no title, or no campaign year.
public struct UnplacedNotice: Encodable, Sendable {
    public var path: String
    public var reason: String
}

public struct SeriesReport: Encodable, Sendable {
    public var schemaVersion = "1.1"
    public var series: [NoticeSeries]
    public var unplaced: [UnplacedNotice]
    /// Notices found twice, read once (since 1.1).
    public var duplicates: [DuplicateNotice]

    /// Whether a rule changed between two successive years of a series.
    public var hasChanges: Bool { series.contains { $0.diffs.contains(where: \.hasChanges) } }
}

public enum SeriesBuilder {
    /// Groups records into series (same organizer, same campaign), ordered by campaign year, diffs
    /// each successive pair, and reports missing years with the notices that cite them. Series come
    /// in the order of their first year, then organizer. A notice found twice is read once: its copies
    /// are listed as `duplicates`, and neither diffed nor counted as citing.
    public static func build(_ records: [LocatedRecord]) -> SeriesReport {
        let copies = DuplicateNotices.find(records)
        let duplicates = records.compactMap { located in
            copies[located.address].map { DuplicateNotice(path: located.address, sameAs: $0) }
        }
        var groups: [CampaignKey: [LocatedRecord]] = [:]
        var order: [CampaignKey] = []
        var unplaced: [UnplacedNotice] = []
        // A notice that forwards others relays the first it embeds, which follows it depth-first.
        var relayed: [String: String] = [:]  // relay's address → the address of the notice it forwards
        var byAddress: [String: LocatedRecord] = [:]
        for (i, located) in records.enumerated() {
            byAddress[located.address] = located
            if !located.record.embedded.isEmpty, i + 1 < records.count, records[i + 1].path == located.path {
                relayed[located.address] = records[i + 1].address
            }
        }
        /// The notice at the end of a relay chain: the campaign's own.
        func origin(of address: String) -> String {
            var address = address
            var seen = Set<String>()
            while let next = relayed[address], seen.insert(address).inserted { address = next }
            return address
        }
        var relaysOf: [CampaignKey: [RelayReference]] = [:]
        for located in records where copies[located.address] == nil {
            if relayed[located.address] != nil, let own = byAddress[origin(of: located.address)],
                let key = CampaignKey.of(own.record),
                own.record.campaignYear != nil
            {
                relaysOf[key, default: []].append(
                    RelayReference(
                        notice: NoticeDiffer.reference(located.record, path: located.address),
                        level: located.record.issuer.level, relays: relayed[located.address]!))
                continue
            }
            guard let key = CampaignKey.of(located.record) else {
                let missing = located.record.issuer.name == nil ? "no issuer" : "no title"
                unplaced.append(UnplacedNotice(path: located.address, reason: missing))
                continue
            }
            guard located.record.campaignYear != nil else {
                unplaced.append(UnplacedNotice(path: located.address, reason: "no campaign year"))
                continue
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(located)
        }
        var series: [NoticeSeries] = []
        let citations = CitationIndex(
            records.filter { copies[$0.address] == nil }, organizers: Set(order.map(\.organizer)))
        for key in order {
            let members = groups[key]!.sorted {
                ($0.record.campaignYear!, $0.address) < ($1.record.campaignYear!, $1.address)
            }
            var diffs: [NoticeDiff] = []
            for (a, b) in zip(members, members.dropFirst()) {
                diffs.append(NoticeDiffer.diff(a.record, b.record, oldPath: a.address, newPath: b.address))
            }
            let years = members.map { $0.record.campaignYear! }
            var gaps: [SeriesGap] = []
            if let first = years.first, let last = years.last, last - first > 1 {
                let present = Set(years)
                for year in (first + 1)..<last where !present.contains(year) {
                    gaps.append(SeriesGap(year: year, citedBy: citations.citing(key, year: year)))
                }
            }
            series.append(
                NoticeSeries(
                    organizer: key.organizer, campaign: key.campaign,
                    notices: members.map { NoticeDiffer.reference($0.record, path: $0.address) },
                    relays: relaysOf[key] ?? [], gaps: gaps, diffs: diffs))
        }
        series.sort {
            ($0.notices.first?.campaignYear ?? 0, $0.organizer) < ($1.notices.first?.campaignYear ?? 0, $1.organizer)
        }
        return SeriesReport(series: series, unplaced: unplaced, duplicates: duplicates)
    }
}

/// The cited titles of a corpus, by the campaign they name and the year they contain, read once: a
/// missing year of a series is then a look-up (scanning every citation for every missing year made
/// `series` quadratic: 2,000 synthetic notices took 8.5 s, now 3.5 s).
struct CitationIndex {
    struct Key: Hashable {
        var campaign: String
        var year: String
    }

    struct Entry {
        var order: Int
        var notice: CitingNotice
        var canonicalTitle: String
        /// The organizer the campaign name was read after (the title begins with it); nil when read
        /// with no organizer taken off.
        var organizer: String?
    }

    private var entries: [Key: [Entry]] = [:]
    private let records: [LocatedRecord]
    /// Citation titles read (the test of linear work).
    private(set) var titlesRead = 0

    init(_ records: [LocatedRecord], organizers: Set<String>) {
        self.records = records
        let longest = organizers.map(\.unicodeScalars.count).max() ?? 0
        var order = 0
        for located in records {
            for citation in located.record.citations {
                guard let title = citation.title else { continue }
                let years = Self.fourDigitRuns(title)
                guard !years.isEmpty else { continue }
                titlesRead += 1
                let text = "《\(title)》" + (citation.docNumber.map { "（\($0)）" } ?? "")
                let notice = CitingNotice(path: located.address, citation: text, span: citation.span)
                let canonical = TextDiff.canonical(title)
                let canonicalTitle = String(String.UnicodeScalarView(canonical))
                // The campaign as any organizer reads it, and as each organizer the title begins with reads it.
                var readings: [(String?, String)] = [(nil, CampaignKey.campaignName(title: title, issuer: ""))]
                for length in stride(from: 1, through: min(longest, canonical.count), by: 1) {
                    let prefix = String(String.UnicodeScalarView(canonical[..<length]))
                    if organizers.contains(prefix) {
                        readings.append((prefix, CampaignKey.campaignName(title: title, issuer: prefix)))
                    }
                }
                for (organizer, campaign) in readings {
                    for year in years {
                        entries[Key(campaign: campaign, year: year), default: []]
                            .append(
                                Entry(
                                    order: order, notice: notice, canonicalTitle: canonicalTitle, organizer: organizer))
                    }
                }
                order += 1
            }
        }
    }

    /// Citations, anywhere in the corpus, of the missing year's notice: a cited title that names the
    /// same campaign and contains the year, in corpus order.
    func citing(_ key: CampaignKey, year: Int) -> [CitingNotice] {
        let yearText = String(year)
        guard yearText.unicodeScalars.count == 4 else { return scan(key, year: yearText) }
        let found = (entries[Key(campaign: key.campaign, year: yearText)] ?? []).filter { entry in
            // A title that begins with the organizer is read with it taken off, else as it stands.
            entry.organizer == nil
                ? !entry.canonicalTitle.hasPrefix(key.organizer) || key.organizer.isEmpty
                : entry.organizer == key.organizer
        }
        var seen = Set<Int>()
        return found.sorted { $0.order < $1.order }.filter { seen.insert($0.order).inserted }.map(\.notice)
    }

    /// Every citation read for one year that is not four digits long (never a campaign year in practice).
    private func scan(_ key: CampaignKey, year: String) -> [CitingNotice] {
        var result: [CitingNotice] = []
        for located in records {
            for citation in located.record.citations {
                guard let title = citation.title, title.contains(year),
                    CampaignKey.campaignName(title: title, issuer: key.organizer) == key.campaign
                else { continue }
                let text = "《\(title)》" + (citation.docNumber.map { "（\($0)）" } ?? "")
                result.append(CitingNotice(path: located.address, citation: text, span: citation.span))
            }
        }
        return result
    }

    /// Every run of four ASCII digits in the text (each window of a longer run): what `contains` of a
    /// four-digit year would find.
    static func fourDigitRuns(_ text: String) -> Set<String> {
        let scalars = Array(text.unicodeScalars)
        var runs = Set<String>()
        var i = 0
        while i + 4 <= scalars.count {
            if scalars[i..<(i + 4)].allSatisfy(\.isASCIIDigit) {
                runs.insert(String(String.UnicodeScalarView(scalars[i..<(i + 4)])))
            }
            i += 1
        }
        return runs
    }
}
