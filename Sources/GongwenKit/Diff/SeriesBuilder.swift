/// Groups records into the series of their campaigns and compares each year with the one before.
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
