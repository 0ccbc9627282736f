import Foundation

/// Campaign configurations as an RFC 5545 calendar: each deadline of each level an all-day event, the
/// reminders alarms on the event of the level's effective deadline. UIDs are derived from the campaign,
/// the level's issuer and the deadline (not from file paths), so importing a later run updates the same
/// events instead of adding copies.
public enum CampaignCalendar {
    /// The deadlines and reminders of the configurations as an iCalendar file (RFC 5545): each deadline an
    /// all-day event, each reminder an alarm; the same configurations give the same UIDs from run to run.
    /// `stamp` is the DTSTAMP (SOURCE_DATE_EPOCH's moment makes the file repeatable).
    public static func ics(_ configurations: [CampaignConfiguration], stamp: Date = Date()) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Gongwen//gongwen config//ZH", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-TIMEZONE:Asia/Shanghai",
        ]
        let dtstamp = utcStamp(stamp)
        for configuration in configurations {
            let campaign = configuration.campaign
            let title = campaign.name + (campaign.year.map { " \($0)" } ?? "")
            for level in configuration.levels {
                let issuer = level.issuer ?? level.address
                for deadline in level.deadlines {
                    guard let day = compactDay(deadline.date),
                        let next = CalendarDate.adding(days: 1, to: deadline.date).flatMap(compactDay)
                    else { continue }
                    let isEffective =
                        level.effectiveDeadline?.date == deadline.date
                        && level.effectiveDeadline?.source == deadline.source
                    let uid = uidHash([
                        campaign.id, campaign.year.map(String.init) ?? "", issuer, deadline.date, deadline.text,
                    ])
                    lines += [
                        "BEGIN:VEVENT", "UID:\(uid)@gongwen", "DTSTAMP:\(dtstamp)", "DTSTART;VALUE=DATE:\(day)",
                        "DTEND;VALUE=DATE:\(next)",
                        "SUMMARY:" + escape("截止 \(title)（\(issuer)）" + (deadline.action.map { "：\($0)" } ?? "")),
                        "DESCRIPTION:"
                            + escape(
                                deadline.text + "\n"
                                    + "\(deadline.source.address) \(deadline.source.span.startLine):\(deadline.source.span.startColumn)"
                            ),
                        "TRANSP:TRANSPARENT",
                    ]
                    if let closesAt = deadline.closesAt { lines.append("X-GONGWEN-CLOSES-AT:\(closesAt)") }
                    if isEffective {
                        for reminder in configuration.reminders where reminder.level == level.address {
                            lines += [
                                "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P\(reminder.daysBefore)D",
                                "DESCRIPTION:" + escape("\(reminder.daysBefore)天后截止：\(title)（\(issuer)）"), "END:VALARM",
                            ]
                        }
                    }
                    lines.append("END:VEVENT")
                }
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compactDay(_ date: String) -> String? {
        date.count == 10 ? date.replacingOccurrences(of: "-", with: "") : nil
    }

    static func uidHash(_ parts: [String]) -> String {
        String(SHA256.hex(of: Array(parts.joined(separator: "\n").utf8)).prefix(32))
    }

    static func utcStamp(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(secondsFromGMT: 0) ?? .current, from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
    }

    /// TEXT values: backslash, semicolon and comma escaped, line breaks as \n, other control characters
    /// (which TEXT may not hold) dropped (RFC 5545 3.3.11).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case _ where (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lines longer than 75 octets folded with CRLF and a space, never inside a UTF-8 sequence (3.1).
    static func fold(_ line: String) -> String {
        var parts: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > (parts.isEmpty ? 75 : 74) {
                parts.append(current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }
}
