/// Assembles the record of a segmented notice, and of each notice it forwards.
package enum RecordBuilder {
    /// `sections`: whether the outlines are held as records (a record that is kept) or as the segmented
    /// items, written out from their lines (a record written out at once; see `SectionTree`).
    package static func record(
        _ notice: SegmentedNotice, source: SourceInfo, links: [Link], sections form: SectionTree.Form = .records
    ) -> NoticeRecord {
        var embedded: [NoticeRecord] = []
        var embeddedLines: [ClosedRange<Int>] = []
        for appendix in notice.appendices {
            guard case let .notice(inner) = appendix.content else { continue }
            let lines = lineRange(of: inner)
            let innerLinks = links.filter { link in lines.map { $0.contains(link.span.startLine) } ?? false }
            embedded.append(record(inner, source: source, links: innerLinks, sections: form))
            if let lines { embeddedLines.append(lines) }
        }
        let ownLinks = links.filter { link in !embeddedLines.contains { $0.contains(link.span.startLine) } }
        // Everything read from sentences first, cut once: they are let go before the sections' text is
        // made, so that a huge notice does not hold both at once.
        let bodySentences = Sentences.of(notice.body)
        var fields = HeaderFieldExtractor.extract(notice, bodySentences: bodySentences)
        var read = SentenceFindings.read(notice, bodySentences: bodySentences, fields: fields)
        let diagnostics = diagnostics(notice, fields) + read.numberDiagnostics

        var appendedSections: [(Appendix, SectionTree, Int?)] = []
        var embeddedCount = 0
        for appendix in notice.appendices {
            switch appendix.content {
            case .notice:
                embeddedCount += 1
                appendedSections.append((appendix, SectionTree(wrappedValue: []), embeddedCount - 1))
            case let .sections(sections):
                appendedSections.append((appendix, sectionTree(sections, form: form), nil))
            }
        }

        // (What the fields and the findings hold is moved into the record, not copied: each list and string
        // copied was retained here and released with them.)
        var record = NoticeRecord(
            source: source,
            docNumber: fields.docNumber.take(),
            issuer: IssuerRecord(name: fields.issuer.name, level: fields.issuer.level, span: fields.issuer.span),
            title: fields.title.take(),
            addressees: fields.addressees.map(\.name),
            signedOn: fields.signedOn?.date,
            publishedOn: fields.publishedOn?.date,
            campaignYear: fields.campaignYear,
            sections: [],
            deadlines: exchange(&read.deadlines, with: []),
            schedule: exchange(&read.schedule, with: []),
            quotas: exchange(&read.quotas, with: []),
            focusAreas: ListExtractor.focusAreas(notice),
            eligibility: ListExtractor.eligibility(notice),
            contacts: ContactExtractor.extract(
                notice.body, closing: ([notice.annotation].compactMap { $0 }) + notice.unplaced,
                context: read.context),
            directory: DirectoryExtractor.extract(notice),
            citations: exchange(&read.citations, with: []),
            submission: exchange(&read.submission, with: Submission()),
            attachments: attachments(
                notice, appended: appendedSections, fileLinks: ownLinks.filter { LinkKinds.isFile($0.url) },
                references: read.attachmentReferences),
            embedded: embedded,
            elements: elements(notice),
            attachmentLinks: ownLinks.filter { LinkKinds.isFile($0.url) },
            urls: ownLinks.filter { !LinkKinds.isFile($0.url) },
            diagnostics: diagnostics
        )
        record.sectionTree = sectionTree(notice.body, form: form)
        return record
    }

    /// An outline as `form` says: the items' records, or the items themselves.
    static func sectionTree(_ items: [Section], form: SectionTree.Form) -> SectionTree {
        switch form {
        case .records: SectionTree(wrappedValue: items.map(sectionRecord))
        case .items: SectionTree(items: items)
        }
    }

    static func sectionRecord(_ section: Section) -> SectionRecord {
        SectionRecord(
            number: section.number, heading: section.heading, text: section.text, span: section.span,
            children: section.children.map(sectionRecord))
    }

    /// The 附件说明 entries, each joined to the appended body with the same index (or, for a notice
    /// with one attachment, to its one unnumbered body); appended bodies the note does not list
    /// follow as attachments of their own.
    static func attachments(
        _ notice: SegmentedNotice, appended: [(Appendix, SectionTree, Int?)], fileLinks: [Link],
        references: [AttachmentReferences.Reference]
    ) -> [AttachmentRecord] {
        // A notice without a 附件说明 or appended attachments may still name its attachments in passing.
        if notice.attachmentNoteEntries.isEmpty, appended.isEmpty {
            return references.map { reference in
                AttachmentRecord(
                    index: reference.index, title: reference.title, span: reference.span, appended: false,
                    sections: [], embeddedRecord: nil, url: nil)
            }
        }
        var records = notice.attachmentNoteEntries.map { entry in
            let url = entry.title.span.flatMap { title in fileLinks.first { overlaps($0.span, title) }?.url }
            return AttachmentRecord(
                index: entry.index, title: entry.title.text, span: entry.title.span, appended: false,
                sections: [], embeddedRecord: nil, url: url)
        }
        for (appendix, sections, embeddedIndex) in appended {
            let match = records.firstIndex { record in
                guard !record.appended else { return false }
                if let index = appendix.index { return record.index == index }
                return records.count == 1 && appended.count == 1
            }
            if let match {
                records[match].appended = true
                records[match].sectionTree = sections
                records[match].embeddedRecord = embeddedIndex
            } else {
                let titleSpan = appendix.title?.span ?? appendix.marker?.span
                var record = AttachmentRecord(
                    index: appendix.index, title: appendix.title?.text, span: titleSpan,
                    appended: true, sections: [], embeddedRecord: embeddedIndex, url: nil)
                record.sectionTree = sections
                records.append(record)
            }
        }
        return records
    }

    /// Two spans share a character.
    static func overlaps(_ a: SourceSpan, _ b: SourceSpan) -> Bool {
        (a.startLine, a.startColumn) <= (b.endLine, b.endColumn)
            && (b.startLine, b.startColumn) <= (a.endLine, a.endColumn)
    }

    static func elements(_ notice: SegmentedNotice) -> [ElementRecord] {
        var result: [ElementRecord] = []
        // Room for the most there can be, made once: ten elements of one each, the header marks, two for
        // each appendix, the preamble's and the furniture's lines (grown by doubling from one, the array of
        // a notice's ten or so elements was allocated four or five times).
        result.reserveCapacity(
            10 + notice.headerMarks.count + 2 * notice.appendices.count + notice.preamble.count
                + notice.furniture.count)
        // (Lines handed over as they stand, one line as itself: an array made for each element, and another
        // of its lines' text, were allocations of their own.)
        func add(_ kind: ElementRecord.Kind, _ lines: some Collection<NormalizedLine>) {
            guard lines.count != 1 else {
                add(kind, lines.first!)
                return
            }
            // (Closures, not key paths: a key path here was an object both parsing threads retained at each
            // element.)
            guard !lines.isEmpty, let span = SourceSpan.covering(lines.lazy.map { $0.span }) else { return }
            let text = String(joining: lines.map { $0.line }, separator: kind == .title ? nil : "\n")
            result.append(ElementRecord(kind: kind, text: text, span: span))
        }
        // One line, most elements: its own text and span. (Through a lazy map of a collection of one, the
        // line was copied out three times by the type's generic witnesses: for the span, for the text's
        // length and for its bytes.)
        func add(_ kind: ElementRecord.Kind, _ line: NormalizedLine) {
            result.append(ElementRecord(kind: kind, text: line.text, span: line.span))
        }
        func add(_ kind: ElementRecord.Kind, _ line: NormalizedLine?) {
            if let line { add(kind, line) }
        }
        for (mark, line) in notice.headerMarks {
            switch mark {
            case .copyNumber: add(.copyNumber, line)
            case .secrecy: add(.secrecy, line)
            case .urgency: add(.urgency, line)
            case .signer: add(.signer, line)
            }
        }
        add(.masthead, notice.masthead)
        add(.docNumber, notice.docNumber)
        add(.title, notice.title)
        add(.addressee, notice.addressee)
        add(.attachmentNote, notice.attachmentNote)
        add(.signature, (notice.signature.map { [$0] } ?? []) + notice.jointSignatures)
        add(.date, notice.date)
        add(.annotation, notice.annotation)
        for appendix in notice.appendices {
            add(.attachmentMarker, appendix.marker)
            add(.attachmentTitle, appendix.titleLine)
        }
        add(.copyTo, notice.copyTo)
        add(.printedBy, notice.printedBy)
        // Not elements of the document, but lines of the input: each is in the record, one by one.
        for line in notice.preamble { add(.preamble, line) }
        for line in notice.furniture { add(.furniture, line) }
        return result
    }

    static func diagnostics(_ notice: SegmentedNotice, _ fields: HeaderFields) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if fields.title == nil {
            result.append(
                Diagnostic(
                    severity: .warning,
                    message: "no title (标题) found: no line ending in a document type such as 通知 before the body",
                    span: nil))
        }
        if fields.issuer.name == nil {
            result.append(
                Diagnostic(
                    severity: .warning,
                    message: "no issuer found: no masthead (发文机关标志), signature (署名) or issuer name in the title",
                    span: nil))
        } else if fields.issuer.inferredFromRecipient, let name = fields.issuer.name {
            result.append(
                Diagnostic(
                    severity: .warning,
                    message:
                        "issuer not named by any element: taken to be \(name), the body the notice sends materials to",
                    span: fields.issuer.span))
        }
        if notice.docNumber == nil {
            result.append(Diagnostic(severity: .info, message: "no document number (发文字号) in the header", span: nil))
        }
        if notice.date == nil {
            result.append(Diagnostic(severity: .info, message: "no date of signing (成文日期) at the end", span: nil))
        }
        for note in notice.notes {
            result.append(Diagnostic(severity: .warning, message: note.message, span: note.span))
        }
        for line in notice.unplaced {
            result.append(
                Diagnostic(
                    severity: .warning,
                    message:
                        "line not placed in any element (text after the end that no 附件说明 or 附件 marker announces): \(line.text)",
                    span: line.span))
        }
        return result
    }

    /// The first and last input lines a segmented notice covers.
    static func lineRange(of notice: SegmentedNotice) -> ClosedRange<Int>? {
        var spans: [SourceSpan] = []
        spans += [
            notice.masthead, notice.docNumber, notice.addressee, notice.signature, notice.date, notice.annotation,
            notice.printedBy,
        ].compactMap { $0?.span }
        spans += notice.headerMarks.map(\.line.span) + notice.copyTo.map(\.span) + notice.unplaced.map(\.span)
        spans += notice.jointSignatures.map(\.span) + notice.preamble.map(\.span)
        spans += notice.title.map(\.span) + notice.attachmentNote.map(\.span) + notice.body.map(\.fullSpan)
        for appendix in notice.appendices {
            spans += [appendix.marker, appendix.titleLine].compactMap { $0?.span }
            switch appendix.content {
            case let .notice(inner):
                if let range = lineRange(of: inner) {
                    spans.append(
                        SourceSpan(
                            start: SourcePoint(line: range.lowerBound, column: 1),
                            end: SourcePoint(line: range.upperBound, column: 1)))
                }
            case let .sections(sections): spans += sections.map(\.fullSpan)
            }
        }
        guard let covering = SourceSpan.covering(spans) else { return nil }
        return covering.startLine...covering.endLine
    }
}

extension Section {
    /// The span of the item with everything under it.
    var fullSpan: SourceSpan { SourceSpan.covering([span] + children.map(\.fullSpan))! }
}
