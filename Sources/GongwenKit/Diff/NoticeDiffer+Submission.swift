/// How materials are submitted, and the documents the notice cites.
extension NoticeDiffer {
    /// Channels, forms, formats and naming rules that came or went.
    static func submission(_ old: NoticeRecord, _ new: NoticeRecord) -> [Change] {
        var result: [Change] = []
        func setChange(_ subject: String, _ a: [(String, SourceSpan)], _ b: [(String, SourceSpan)]) {
            result += membership(.submission, subject, a.map { ($0.0, $0.1) }, b.map { ($0.0, $0.1) }) { $0 }
        }
        func unique(_ values: [(String, SourceSpan)]) -> [(String, SourceSpan)] {
            var seen: [(String, SourceSpan)] = []
            for value in values where !seen.contains(where: { $0.0 == value.0 }) { seen.append(value) }
            return seen
        }
        let channel = { (c: Channel) in (c.kind.rawValue + (c.target.map { ": \($0)" } ?? ""), c.span) }
        setChange("channel", unique(old.submission.channels.map(channel)), unique(new.submission.channels.map(channel)))
        setChange(
            "file format", unique(old.submission.fileFormats.map { ($0.format, $0.span) }),
            unique(new.submission.fileFormats.map { ($0.format, $0.span) }))
        let material = { (m: Material) in ((m.form ?? "copies") + (m.copies.map { " ×\($0)" } ?? ""), m.span) }
        setChange(
            "materials", unique(old.submission.materials.map(material)), unique(new.submission.materials.map(material)))
        setChange(
            "naming rule", unique(old.submission.naming.map { ("\($0.target.rawValue): \($0.pattern)", $0.span) }),
            unique(new.submission.naming.map { ("\($0.target.rawValue): \($0.pattern)", $0.span) }))
        return result
    }

    /// Cited documents that came, went or changed. The same document cited by a shorter or longer
    /// title ("关于…实施意见" / "工业和信息化部关于…实施意见") is unchanged; a title at least 0.6 alike
    /// with another year or number ("…2020年工业质量品牌建设工作的通知" → "…2022年…") is the
    /// document's successor, a change. The notice's own attachments are left out.
    static func citations(_ old: NoticeRecord, _ new: NoticeRecord, _ notes: Notes) -> [Change] {
        let a = old.citations.filter { $0.attachmentIndex == nil }
        let b = new.citations.filter { $0.attachmentIndex == nil }
        func name(_ c: Citation) -> String {
            [c.title.map { "《\($0)》" }, c.docNumber.map { "（\($0)）" }].compactMap { $0 }.joined()
        }
        func sameDocument(_ x: Citation, _ y: Citation) -> Bool {
            if let m = x.docNumber, let n = y.docNumber { return TextDiff.sameText(m, n) }
            guard let s = x.title, let t = y.title else { return false }
            let cs = String(scalars: TextDiff.canonical(s))
            let ct = String(scalars: TextDiff.canonical(t))
            return cs.hasSuffix(ct) || ct.hasSuffix(cs)
        }
        let matches = match(a.map(name), b.map(name), "citations", notes, threshold: 0.6) { i, j in
            sameDocument(a[i], b[j])
                ? 1 : TextDiff.similarity(a[i].title ?? a[i].docNumber ?? "", b[j].title ?? b[j].docNumber ?? "")
        }
        return matches.map { i, j, similarity in
            let x = i.map { a[$0] }
            let y = j.map { b[$0] }
            let subject = "cited document"
            guard let x, let y else {
                return Change(
                    area: .citations, kind: x == nil ? .added : .removed, subject: subject, old: x.map(name),
                    new: y.map(name),
                    oldSpan: x?.span, newSpan: y?.span, similarity: nil, edits: [])
            }
            let same = sameDocument(x, y)
            return Change(
                area: .citations, kind: same ? .unchanged : .changed, subject: subject, old: name(x), new: name(y),
                oldSpan: x.span, newSpan: y.span, similarity: rounded(similarity),
                edits: same ? [] : TextDiff.edits(from: name(x), to: name(y)))
        }
    }
}
