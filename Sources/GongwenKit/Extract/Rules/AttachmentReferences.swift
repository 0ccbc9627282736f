/// Attachments a notice names only in its sentences, when it has no 附件说明 and carries none:
/// "填写《…申请表》（附件1）和《…汇总表》（附件2）", "（见附件）", "…特此通知。附件：…公示表".
/// A reference to another document's attachment ("《通知》附件6") is not the notice's own.
enum AttachmentReferences {
    struct Reference {
        var index: Int?
        var title: String?
        var span: SourceSpan
    }

    static func find(in sentences: [Sentence]) -> [Reference] {
        var found: [Reference] = []
        for index in sentences.indices where sentences[index].triggers.contains(.fu) {
            // (Copied out only when it names an attachment; the search goes on from the first it found.)
            guard var from = sentences[index].line.firstIndex(of: "附件") else { continue }
            let line = sentences[index].line
            var citedEnd = -1  // where the last reference to a cited document's attachment ended
            while let at = line.firstIndex(of: "附件", from: from) {
                from = at + 2
                // The cited document's attachment ("《通知》附件6"), and those listed with it ("和附件7").
                let listedWithCited =
                    citedEnd >= 0 && at - citedEnd <= 2 && at > 0
                    && "和、及与".unicodeScalars.contains(line.scalars[at - 1])
                if at > 0, line.scalars[at - 1] == "》" || listedWithCited {
                    var end = at + 2
                    while end < line.count, line.scalars[end].isASCIIDigit { end += 1 }
                    citedEnd = end
                    continue
                }
                var i = at + 2
                while i < line.count, line.scalars[i].isLineSpace { i += 1 }
                let digitsStart = i
                while i < line.count, line.scalars[i].isASCIIDigit { i += 1 }
                if i > digitsStart, let index = Numerals.decimal(line.scalars[digitsStart..<i]), index <= 99 {
                    if !found.contains(where: { $0.index == index }) {
                        found.append(Reference(index: index, title: nil, span: line.span(at..<i)))
                    }
                    continue
                }
                // "附件：title" inside a sentence: the title runs to the sentence's end.
                if i < line.count, line.scalars[i] == "：" || line.scalars[i] == ":" {
                    let title = line[(i + 1)..<line.count].trimmed()
                    if !title.isEmpty, !found.contains(where: { $0.index == nil && $0.title != nil }) {
                        // It names the attachment that "（详见附件）" pointed to.
                        found.removeAll { $0.index == nil }
                        found.append(Reference(index: nil, title: title.text, span: line.span(at..<line.count)))
                    }
                    continue
                }
                // "（见附件）", "详见附件", "(附件)".
                let seen = at > 0 && line.scalars[at - 1] == "见"
                let bracketed =
                    at > 0 && "（(".unicodeScalars.contains(line.scalars[at - 1]) && i < line.count
                    && "）)".unicodeScalars.contains(line.scalars[i])
                if seen || bracketed, !found.contains(where: { $0.index == nil }) {
                    found.append(Reference(index: nil, title: nil, span: line.span(at..<(at + 2))))
                }
            }
        }
        // A numbered reference makes an unnumbered one ("见附件" beside "附件1") the same attachment.
        if found.contains(where: { $0.index != nil }) { found.removeAll { $0.index == nil && $0.title == nil } }
        return found
    }
}
