/// Compares two records rule by rule, as a policy analyst reads two years of a campaign: a moved due
/// date is one ``Change`` with both dates and both spans, not a removed line and an added one.
///
/// ```swift
/// let diff = NoticeDiffer.diff(try Gongwen.parse(path: "2020.txt"), try Gongwen.parse(path: "2022.txt"))
/// print(diff.hasChanges)
/// ```
public enum NoticeDiffer {
    /// Items at least this alike are the same item reworded.
    static let rewordedThreshold = 0.5

    /// The changes of every rule from `old` to `new`; the paths name the notices in the diff (each record's
    /// own source path when nil).
    public static func diff(
        _ old: NoticeRecord, _ new: NoticeRecord, oldPath: String? = nil, newPath: String? = nil
    ) -> NoticeDiff {
        var changes: [Change] = []
        let notes = Notes()
        changes += header(old, new)
        changes += deadlines(old, new, notes)
        changes += schedule(old, new, notes)
        changes += quotas(old, new, notes)
        changes += items(.focusAreas, "重点领域", old.focusAreas, new.focusAreas, notes)
        changes += items(.eligibility, "申报条件", old.eligibility, new.eligibility, notes)
        changes += sections(old, new, notes)
        changes += directory(old, new, notes)
        changes += contacts(old, new, notes)
        changes += submission(old, new)
        changes += citations(old, new, notes)
        var summary: [String: Int] = [:]
        for change in changes { summary[change.kind.rawValue, default: 0] += 1 }
        return NoticeDiff(
            old: reference(old, path: oldPath), new: reference(new, path: newPath),
            changes: changes, summary: summary, notes: notes.lines)
    }

    static func reference(_ record: NoticeRecord, path: String?) -> NoticeReference {
        NoticeReference(
            path: path ?? record.source.path, title: record.title, issuer: record.issuer.name,
            campaignYear: record.campaignYear, docNumber: record.docNumber?.text)
    }

    /// The issuer and the addressees. The document number is not a rule (each year has its own) and
    /// is shown with each notice instead.
    static func header(_ old: NoticeRecord, _ new: NoticeRecord) -> [Change] {
        var result: [Change] = []
        func compare(_ subject: String, _ a: String?, _ b: String?, _ aSpan: SourceSpan?, _ bSpan: SourceSpan?) {
            guard (a.map(TextDiff.canonical) ?? []) != (b.map(TextDiff.canonical) ?? []) else { return }
            result.append(
                Change(
                    area: .header, kind: a == nil ? .added : b == nil ? .removed : .changed, subject: subject,
                    old: a, new: b, oldSpan: aSpan, newSpan: bSpan, similarity: nil, edits: []))
        }
        compare("issuer", old.issuer.name, new.issuer.name, old.issuer.span, new.issuer.span)
        compare(
            "addressees", old.addressees.joined(separator: "、"), new.addressees.joined(separator: "、"),
            old.elements.first { $0.kind == .addressee }?.span, new.elements.first { $0.kind == .addressee }?.span)
        return result
    }

}
