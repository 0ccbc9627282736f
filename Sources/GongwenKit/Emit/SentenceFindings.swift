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

    static func read(_ notice: SegmentedNotice, fields: HeaderFields) -> SentenceFindings {
        let bodySentences = Sentences.of(notice.body)
        // A date written without its year is in the year of signing; without a signature, in the year
        // the page published the notice, of its document number, of its campaign, or last of the
        // latest document it cites.
        func latestCitedYear() -> Int? {  // read only when nothing else gives the year
            bodySentences.flatMap { DocNumberScanner.matches(in: $0.line).map(\.year) }.filter {
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
            citations: CitationExtractor.extract(
                [bodySentences, noteSentences, appendedSentences(notice)].joined()
            ).filter { $0.title != nil || $0.docNumber != fields.docNumber?.text },
            submission: SubmissionExtractor.extract(bodySentences),
            attachmentReferences: notice.attachmentNoteEntries.isEmpty && notice.appendices.isEmpty
                ? AttachmentReferences.find(in: bodySentences) : [],
            numberDiagnostics: malformedNumbers(bodySentences.lazy.map(\.line))
                + malformedNumbers(notice.attachmentNote.lazy.map(\.line))
                + unreadableNumbers(bodySentences.lazy.map(\.line))
        )
    }

    /// The outlines' top items are put side by side and read at once, into one array: the sentences of
    /// each appendix, joined after they were read, were held twice at the memory peak of a huge notice.
    private static func appendedSentences(_ notice: SegmentedNotice) -> [Sentence] {
        Sentences.of(
            notice.appendices.flatMap { appendix -> [Section] in
                guard case let .sections(sections) = appendix.content else { return [] }
                return sections
            })
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
