enum DuplicateNotices {
    /// The records that repeat an earlier one, by address, each with the address of the first copy. Two notices
    /// are the same when their titles and their bodies' text (every section's number, heading and text, white
    /// space left out) are: the record's values are read from that text, so they are the same too, whatever the
    /// file's format, encoding or page furniture. A notice with no body is never taken for another.
    static func find(_ records: [LocatedRecord]) -> [String: String] {
        var first: [[UInt8]: String] = [:]
        var duplicates: [String: String] = [:]
        for located in records {
            guard let fingerprint = fingerprint(of: located.record) else { continue }
            if let original = first[fingerprint] {
                duplicates[located.address] = original
            } else {
                first[fingerprint] = located.address
            }
        }
        return duplicates
    }

    /// The SHA-256 of the title and the body's text, or nil when the notice has no body.
    static func fingerprint(of record: NoticeRecord) -> [UInt8]? {
        var text: [UInt8] = []
        func add(_ string: String?) {
            guard let string else { return }
            text.append(contentsOf: string.utf8.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
            text.append(0)  // a boundary, so that moving text between fields is a difference
        }
        func visit(_ sections: [SectionRecord]) {
            for section in sections {
                add(section.number)
                add(section.heading)
                add(section.text)
                visit(section.children)
            }
        }
        visit(record.sections)
        guard text.contains(where: { $0 != 0 }) else { return nil }
        add(record.title)
        return SHA256.digest(of: text)
    }
}
