import Foundation

/// Records to campaign configurations: one per campaign and year. A notice that forwards another
/// (转发) is a level of the campaign it forwards: the chain of a forwarding file is one campaign seen at
/// its levels, the campaign's own notice first.
public enum CampaignConfigurator {
    /// Days before a deadline that reminders go out, unless the admin chooses (`--remind 14d,7d,1d`).
    public static let defaultReminderDays = [14, 7, 1]

    /// A notice of a chain: the record, where it is, and the address of the notice it forwards.
    struct ChainLink {
        var located: LocatedRecord
        var relays: String?
    }

    /// The result: the configurations, and the notices no campaign could be named for (no issuer or
    /// no title), with why.
    public struct Result: Sendable {
        public var configurations: [CampaignConfiguration]
        public var unplaced: [UnplacedNotice]
        /// For each configuration, its campaign's own notice (the first level).
        var origins: [LocatedRecord] = []
    }

    /// `files`: each file's path and its record (its embedded notices inside).
    public static func configurations(
        _ files: [(path: String, record: NoticeRecord)], reminderDays: [Int] = defaultReminderDays
    ) -> Result {
        var groups: [String: (key: CampaignKey, year: Int?, links: [ChainLink])] = [:]
        var order: [String] = []
        var unplaced: [UnplacedNotice] = []
        for (path, record) in files {
            let chain = Self.chain(record, path: path)
            // The campaign is the one of the notice at the end of the chain: the one all the others relay.
            guard let origin = chain.last, let key = CampaignKey.of(origin.located.record) else {
                let reason = chain.last?.located.record.issuer.name == nil ? "no issuer" : "no title"
                unplaced.append(UnplacedNotice(path: path, reason: reason))
                continue
            }
            let year = chain.lazy.compactMap(\.located.record.campaignYear).first
            let groupKey = "\(id(of: key))/\(year.map(String.init) ?? "-")"
            if groups[groupKey] == nil {
                order.append(groupKey)
                groups[groupKey] = (key, year, [])
            }
            for link in chain.reversed()
            where !(groups[groupKey]!.links.contains { sameNotice($0.located.record, link.located.record) }) {
                groups[groupKey]!.links.append(link)
            }
        }
        var configurations = order.compactMap { groups[$0] }.map { group in
            configuration(key: group.key, year: group.year, links: group.links, reminderDays: reminderDays)
        }
        let chains = order.compactMap { groups[$0]?.links }
        assignDirectories(&configurations, links: chains)
        return Result(configurations: configurations, unplaced: unplaced, origins: chains.map { $0[0].located })
    }

    /// The areas of a notice that a configuration holds: what the year-over-year diff of configurations shows.
    static let configuredAreas: Set<Change.Area> = [
        .deadlines, .schedule, .quotas, .eligibility, .directory, .contacts, .submission,
    ]

    /// The configurations grouped by campaign, each campaign's years in order, and what changed from
    /// each year to the next: the diff of the campaigns' own notices (`gongwen diff`'s engine), in the
    /// areas a configuration holds.
    public static func series(_ result: Result) -> ConfigurationSeries {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (i, configuration) in result.configurations.enumerated() {
            if members[configuration.campaign.id] == nil { order.append(configuration.campaign.id) }
            members[configuration.campaign.id, default: []].append(i)
        }
        let campaigns = order.map { id -> CampaignYears in
            let years = members[id, default: []].sorted {
                (result.configurations[$0].campaign.year ?? Int.min)
                    < (result.configurations[$1].campaign.year ?? Int.min)
            }
            let diffs = zip(years, years.dropFirst()).map { a, b -> NoticeDiff in
                let old = result.origins[a]
                let new = result.origins[b]
                var diff = NoticeDiffer.diff(old.record, new.record, oldPath: old.address, newPath: new.address)
                diff.changes = diff.changes.filter { configuredAreas.contains($0.area) }
                diff.summary = Dictionary(grouping: diff.changes, by: \.kind.rawValue).mapValues(\.count)
                return diff
            }
            let first = result.configurations[years[0]].campaign
            return CampaignYears(
                id: id, name: first.name, organizer: first.organizer,
                configurations: years.map { result.configurations[$0] }, diffs: diffs)
        }
        return ConfigurationSeries(campaigns: campaigns)
    }

    /// The units of each configuration, with ids carried from year to year within a campaign: a unit
    /// listed again keeps its id; one renamed ("山西省经济和信息化厅" → "山西省工业和信息化厅", matched
    /// as the diff matches units) keeps it too and records the former name; a new one gets its own.
    static func assignDirectories(_ configurations: inout [CampaignConfiguration], links: [[ChainLink]]) {
        let byCampaign = Dictionary(grouping: configurations.indices, by: { configurations[$0].campaign.id })
        for (campaignID, indices) in byCampaign {
            var previous: (record: NoticeRecord, units: [DirectoryUnit])?
            for i in indices.sorted(by: {
                (configurations[$0].campaign.year ?? 0) < (configurations[$1].campaign.year ?? 0)
            }) {
                // The list of the level that has one (the campaign's own notice, usually).
                guard let link = links[i].first(where: { !$0.located.record.directory.isEmpty }) else { continue }
                let record = link.located.record
                var idForSpan: [SourceSpan: (id: String, former: [String])] = [:]
                if let previous {
                    let oldBySpan = Dictionary(
                        previous.units.map { ($0.source.span, $0) }, uniquingKeysWith: { first, _ in first })
                    for change in NoticeDiffer.directory(previous.record, record, Notes())
                    where change.kind == .unchanged || change.kind == .renamed {
                        guard let oldSpan = change.oldSpan, let newSpan = change.newSpan, let unit = oldBySpan[oldSpan]
                        else { continue }
                        let former = change.kind == .renamed ? [unit.name] + unit.formerNames : unit.formerNames
                        idForSpan[newSpan] = (unit.id, former)
                    }
                }
                let units = record.directory.map { entry in
                    let carried = idForSpan[entry.span]
                    return DirectoryUnit(
                        id: carried?.id
                            ?? String(SHA256.hex(of: Array("\(campaignID)\n\(entry.name)".utf8)).prefix(16)),
                        name: entry.name, formerNames: carried?.former ?? [], region: entry.region, kind: entry.kind,
                        source: ConfigSource(link.located, entry.span))
                }
                configurations[i].directory = units
                previous = (record, units)
            }
        }
    }

    /// A file's notice and the notices it forwards, the forwarding one first: each relays the first
    /// notice it embeds. (Other embedded notices are levels too, relaying nothing.)
    static func chain(_ record: NoticeRecord, path: String) -> [ChainLink] {
        let located = LocatedRecord.flatten(record, path: path)
        var links: [(link: ChainLink, depth: Int)] = []
        var index = 0
        // `depth`: how many notices relay this one, each relaying the next (0 for one nobody relays).
        func visit(_ record: NoticeRecord, depth: Int) {
            let mine = index
            index += 1
            let firstEmbedded = record.embedded.isEmpty ? nil : located[mine + 1].address
            links.append((ChainLink(located: located[mine], relays: firstEmbedded), depth))
            for (i, embedded) in record.embedded.enumerated() { visit(embedded, depth: i == 0 ? depth + 1 : 0) }
        }
        visit(record, depth: 0)
        // The campaign's own notice last: the deepest along the first-embedded chain.
        return links.sorted { $0.depth < $1.depth }.map(\.link)
    }

    static func sameNotice(_ a: NoticeRecord, _ b: NoticeRecord) -> Bool {
        if let x = a.docNumber?.text, let y = b.docNumber?.text { return x == y }
        return a.issuer.name == b.issuer.name && a.title == b.title && a.signedOn == b.signedOn
    }

    public static func id(of key: CampaignKey) -> String {
        String(SHA256.hex(of: Array("\(key.organizer)\n\(key.campaign)".utf8)).prefix(16))
    }

    // MARK: - One configuration

    static func configuration(
        key: CampaignKey, year: Int?, links: [ChainLink], reminderDays: [Int]
    ) -> CampaignConfiguration {
        var levels: [CampaignLevel] = []
        var warnings: [ConfigWarning] = []
        for link in links {
            let record = link.located.record
            let source = { (span: SourceSpan) in ConfigSource(link.located, span) }
            let deadlines = record.deadlines.map { deadline in
                ConfigDeadline(
                    date: deadline.date, time: deadline.time,
                    closesAt: deadline.precision == .month
                        ? nil : ClosingTime.iso(date: deadline.date, time: deadline.time),
                    action: deadline.action, actor: deadline.actor, text: deadline.text, source: source(deadline.span))
            }
            let above = levels.first { $0.address == link.relays }
            var effective = submissionDeadlines(deadlines).min { $0.date < $1.date }.map {
                EffectiveDeadline(date: $0.date, closesAt: $0.closesAt, setBy: link.located.address, source: $0.source)
            }
            if let own = effective, let upper = above?.effectiveDeadline, own.date > upper.date {
                warnings.append(
                    ConfigWarning(
                        message:
                            "\(record.issuer.name ?? link.located.address)'s deadline \(own.date) falls after the level above's, \(upper.date) (\(above?.issuer ?? upper.setBy))",
                        levels: [link.located.address, upper.setBy]))
            }
            if effective == nil { effective = above?.effectiveDeadline }
            if let signed = record.signedOn {
                for deadline in deadlines where deadline.date.count == 10 && deadline.date < signed {
                    warnings.append(
                        ConfigWarning(
                            message: "deadline \(deadline.date) falls before the notice was signed (\(signed))",
                            levels: [link.located.address]))
                }
            }
            let opens = record.deadlines.compactMap(\.start).min()
            levels.append(
                CampaignLevel(
                    address: link.located.address, issuer: record.issuer.name, issuerLevel: record.issuer.level,
                    relays: link.relays,
                    deadlines: deadlines, effectiveDeadline: effective,
                    submission: SubmissionWindow(
                        opens: opens, closes: effective?.date, closesAt: effective?.closesAt,
                        channels: record.submission.channels,
                        postalAddress: record.contacts.first { $0.address != nil }.map { contact in
                            PostalAddress(
                                address: contact.address ?? "", postcode: contact.postcode,
                                recipient: contact.department
                                    ?? (contact.names.isEmpty ? nil : contact.names.joined(separator: "、")),
                                source: source(contact.span))
                        },
                        materials: record.submission.materials,
                        fileFormats: record.submission.fileFormats, naming: record.submission.naming),
                    quotas: record.quotas.map { quota in
                        QuotaRule(
                            max: quota.max, unlimited: quota.unlimited, unit: quota.unit, appliesTo: quota.appliesTo,
                            condition: quota.condition, text: quota.text, source: source(quota.span))
                    },
                    contacts: record.contacts.map { contact in
                        ConfigContact(
                            names: contact.names, department: contact.department,
                            phones: contact.phones.filter { $0.kind != .fax }.map(\.number),
                            faxes: contact.phones.filter { $0.kind == .fax }.map(\.number),
                            emails: contact.emails, address: contact.address, postcode: contact.postcode,
                            source: source(contact.span))
                    }))
        }

        let documents = links.map { link in
            let record = link.located.record
            return ConfigDocument(
                address: link.located.address, file: link.located.path, sha256: record.source.sha256,
                docNumber: record.docNumber?.text, title: record.title, issuer: record.issuer.name,
                signedOn: record.signedOn)
        }
        let eligibility = links.flatMap { link in
            link.located.record.eligibility.map {
                ChecklistItem(text: $0.text, source: ConfigSource(link.located, $0.span))
            }
        }
        let review = links.flatMap { link in
            link.located.record.schedule.map {
                ReviewStage(date: $0.date, end: $0.end, text: $0.text, source: ConfigSource(link.located, $0.span))
            }
        }
        return CampaignConfiguration(
            campaign: CampaignIdentity(id: id(of: key), name: key.campaign, organizer: key.organizer, year: year),
            documents: documents, levels: levels, directory: [], eligibility: eligibility, review: review,
            reminders: reminders(levels, links: links, days: reminderDays), warnings: warnings,
            missing: missing(levels, year: year))
    }

    /// Words of a sentence that sets the date for applications and recommendations, as opposed to other
    /// steps ("活动方案于4月底前报送" is a city's plan, not an application).
    static let applicationWords = ["申报", "推荐", "材料", "申请", "报名"]

    /// The deadlines that are for applications, when some are; else all of them.
    static func submissionDeadlines(_ deadlines: [ConfigDeadline]) -> [ConfigDeadline] {
        let forApplications = deadlines.filter { deadline in applicationWords.contains { deadline.text.contains($0) } }
        return forApplications.isEmpty ? deadlines : forApplications
    }

    /// Reminders before each level's effective deadline, `days` before it; none before the level's
    /// notice was signed (it could not have been sent).
    static func reminders(_ levels: [CampaignLevel], links: [ChainLink], days: [Int]) -> [Reminder] {
        var result: [Reminder] = []
        for (level, link) in zip(levels, links) {
            guard let deadline = level.effectiveDeadline, deadline.date.count == 10 else { continue }
            for offset in days.sorted(by: >) {
                guard let on = CalendarDate.adding(days: -offset, to: deadline.date) else { continue }
                if let signed = link.located.record.signedOn, on < signed { continue }
                result.append(Reminder(on: on, daysBefore: offset, deadline: deadline.date, level: level.address))
            }
        }
        return result
    }

    /// What a portal needs that no level states.
    static func missing(_ levels: [CampaignLevel], year: Int?) -> [MissingValue] {
        var result: [MissingValue] = []
        if year == nil {
            result.append(
                MissingValue(
                    field: "campaign.year",
                    why: "no notice of the chain gives a campaign year in its title, number or date"))
        }
        for (i, level) in levels.enumerated() where level.effectiveDeadline == nil {
            result.append(
                MissingValue(
                    field: "levels[\(i)].effectiveDeadline",
                    why: "neither this notice nor any it relays gives a due date"))
        }
        if !levels.contains(where: { $0.submission.opens != nil }) {
            result.append(
                MissingValue(
                    field: "levels[*].submission.opens",
                    why: "no notice gives the day submissions open (no window \"自…起\" or \"…至…\")"))
        }
        if !levels.contains(where: { !$0.quotas.isEmpty }) {
            result.append(MissingValue(field: "levels[*].quotas", why: "no notice limits how many may be put forward"))
        }
        if let last = levels.indices.last, levels[last].submission.channels.isEmpty {
            result.append(
                MissingValue(
                    field: "levels[\(last)].submission.channels",
                    why:
                        "the notice applicants answer to does not say how to submit (no system, e-mail or address to send to)"
                ))
        }
        if !levels.contains(where: { !$0.contacts.isEmpty }) {
            result.append(MissingValue(field: "levels[*].contacts", why: "no notice names a contact"))
        }
        return result
    }
}

/// The moment a deadline closes, in Asia/Shanghai (+08:00).
enum ClosingTime {
    /// "2023-09-15" and "下午5点" → "2023-09-15T17:00:00+08:00"; no time, or one that names no hour
    /// ("下班"), is the end of the day.
    static func iso(date: String, time: String?) -> String? {
        guard date.count == 10 else { return nil }
        if let time, let (hour, minute) = TimeOfDay.hourAndMinute(time) {
            return "\(date)T\(twoDigits(hour)):\(twoDigits(minute)):00+08:00"
        }
        return "\(date)T23:59:59+08:00"
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Whole-day arithmetic on YYYY-MM-DD dates (the proleptic Gregorian calendar, no time zone).
enum CalendarDate {
    static func adding(days: Int, to date: String) -> String? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        let day = dayNumber(year: parts[0], month: parts[1], day: parts[2]) + days
        let (y, m, d) = civil(fromDayNumber: day)
        return ISODate.string(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDayNumber z: Int) -> (Int, Int, Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
