import Testing

@testable import GongwenKit

/// The sentences of a piece of body text, as the extractors see them.
func sentences(_ text: String) -> [Sentence] {
    normalizedLines(text).flatMap { Sentences.split($0.line) }.map { Sentence(line: $0) }
}

/// The body sections of a piece of text, as the segmenter builds them.
func bodySections(_ text: String) -> [Section] {
    Outline.build(normalizedLines(text)[...]).sections
}

func context(
    year: Int?, signed: (Int, Int, Int)? = nil, issuer: String? = nil, level: Issuer.Level = .other
) -> ExtractionContext {
    ExtractionContext(year: year, signedOn: signed, issuerName: issuer, issuerLevel: level)
}
