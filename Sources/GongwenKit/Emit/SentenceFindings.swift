/// What a record takes from the sentences of a notice: read in one place, so that the sentences (a
/// huge notice's take more memory than its input) are let go before the sections' text is made.
struct SentenceFindings {
    /// The year, the signing date and the issuer the rules read dates and bodies against.
    var context: ExtractionContext
    var deadlines: [Deadline]
    var schedule: [ScheduleItem]
    var quotas: [Quota]
    var citations: [Citation]
    var submission: Submission
    /// The attachments named in passing, read only for a notice with no 附件说明 and none appended.
    var attachmentReferences: [AttachmentReferences.Reference]
    /// Malformed and unreadable numbers in the body, as warnings.
    var numberDiagnostics: [Diagnostic]

    static func read(_ notice: SegmentedNotice, bodySentences: [Sentence], fields: HeaderFields) -> SentenceFindings {
        // A date written without its year is in the year of signing; without a signature, in the year
        // the page published the notice, of its document number, of its campaign, or last of the
        // latest document it cites.
        func latestCitedYear() -> Int? {  // read only when nothing else gives the year
            bodySentences.filter { $0.triggers.contains(.hao) }.flatMap {
                DocNumberScanner.matches(in: $0.line).map(\.year)
            }.filter {
                (1949...2199).contains($0)
            }.max()
        }
        let context = ExtractionContext(
            year: fields.signedOn.flatMap { Int($0.date.prefix(4)) } ?? fields.publishedOn.flatMap {
                Int($0.date.prefix(4))
            }
                ?? fields.docNumber?.year ?? fields.campaignYear ?? latestCitedYear(),
            signedOn: notice.date.flatMap { DateScanner.signingDate($0.line) }.flatMap { date in
                date.year.flatMap { year in date.day.map { (year, date.month, $0) } }
            },
            issuerName: fields.issuer.name,
            issuerLevel: fields.issuer.level
        )
        let dates = DeadlineExtractor.extract(bodySentences, context: context)
        let noteSentences = notice.attachmentNote.flatMap { Sentences.split($0.line) }.map {
            Sentence(line: $0)
        }
        return SentenceFindings(
            context: context,
            deadlines: dates.deadlines,
            schedule: dates.schedule,
            quotas: QuotaExtractor.extract(bodySentences),
            citations: citations(of: [bodySentences, noteSentences].joined(), notice).filter {
                $0.title != nil || $0.docNumber != fields.docNumber?.text
            },
            submission: SubmissionExtractor.extract(bodySentences),
            attachmentReferences: notice.attachmentNoteEntries.isEmpty && notice.appendices.isEmpty
                ? AttachmentReferences.find(in: bodySentences) : [],
            numberDiagnostics: malformedNumbers(lines(of: bodySentences, triggering: .hao))
                + malformedNumbers(notice.attachmentNote.lazy.map(\.line))
                + unreadableNumbers(lines(of: bodySentences, triggering: .longNumber))
        )
    }

    /// The citations of `sentences`, then of the appended outlines' sentences, read as they are cut:
    /// those are held in no array (a huge notice's appended outlines were 9 MB of sentences at the
    /// memory peak).
    private static func citations(of sentences: some Sequence<Sentence>, _ notice: SegmentedNotice) -> [Citation] {
        var collector = CitationExtractor.Collector()
        for sentence in sentences { collector.read(sentence) }
        for appendix in notice.appendices {
            guard case let .sections(sections) = appendix.content else { continue }
            Sentences.forEachSentence(in: sections) { collector.read($0) }
        }
        return collector.citations
    }

    /// Document numbers written wrong: kept as written, in a diagnostic, never read as a citation.
    private static func malformedNumbers(_ lines: some Sequence<TextLine>) -> [Diagnostic] {
        lines.flatMap { line in
            DocNumberScanner.malformed(in: line).map { number in
                Diagnostic(
                    severity: .warning,
                    message: "malformed document number, kept as written: \(number.text) (\(number.reason))",
                    span: line.span(number.range))
            }
        }
    }

    /// The lines of the sentences whose triggers hold `trigger`: each sentence's triggers read in place, and
    /// only those lines copied out (a filter over the sentences copied each one to ask it).
    private static func lines(of sentences: [Sentence], triggering trigger: SentenceTriggers) -> [TextLine] {
        var lines: [TextLine] = []
        lines.reserveCapacity(sentences.indices.count { sentences[$0].triggers.contains(trigger) })  // (made once)
        for index in sentences.indices where sentences[index].triggers.contains(trigger) {
            lines.append(sentences[index].line)
        }
        return lines
    }

    /// Counts too long to read ("推荐" + twenty digits + "项"): kept as written, in a diagnostic.
    private static func unreadableNumbers(_ lines: some Sequence<TextLine>) -> [Diagnostic] {
        lines.flatMap { line in
            UnreadableNumbers.find(in: line).map { number in
                Diagnostic(
                    severity: .warning,
                    message:
                        "number too large to read (above \(Numerals.largestCount)), kept as written: \(number.text)",
                    span: line.span(number.range))
            }
        }
    }
}
