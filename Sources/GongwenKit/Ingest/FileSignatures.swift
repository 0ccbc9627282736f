/// Formats that are not text, known by their first bytes (their "magic numbers"), with what to do
/// instead: a PDF or a Word file is a notice too, but it must be converted to text first.
package enum FileSignatures {
    package struct Signature: Sendable, Equatable {
        /// "PDF", "a ZIP archive (.docx, .xlsx, .ofd, .zip)" …
        package var name: String
        /// How to turn it into something Gongwen reads, or nil when it is not a document at all.
        package var advice: String?
    }

    static let known: [(magic: [UInt8], signature: Signature)] = [
        (
            Array("%PDF-".utf8),
            Signature(
                name: "a PDF document", advice: "convert it to text first, e.g. `pdftotext -layout FILE.pdf FILE.txt`")
        ),
        (
            [0x50, 0x4B, 0x03, 0x04],
            Signature(
                name: "a ZIP archive (.docx, .xlsx, .wps, .ofd or .zip)",
                advice:
                    "save a Word or WPS document as text or HTML first, e.g. `libreoffice --headless --convert-to txt FILE.docx`"
            )
        ),
        (
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            Signature(
                name: "an old Office document (.doc, .xls, .wps)",
                advice: "save it as text or HTML first, e.g. `libreoffice --headless --convert-to txt FILE.doc`")
        ),
        (
            Array("Rar!".utf8) + [0x1A, 0x07],
            Signature(name: "a RAR archive", advice: "unpack it and parse the notices inside")
        ),
        (
            [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C],
            Signature(name: "a 7-Zip archive", advice: "unpack it and parse the notices inside")
        ),
        (
            [0x1F, 0x8B],
            Signature(name: "a gzip-compressed file", advice: "decompress it first, e.g. `gunzip -c FILE.gz > FILE`")
        ),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Signature(name: "a PNG image", advice: nil)),
        ([0xFF, 0xD8, 0xFF], Signature(name: "a JPEG image", advice: nil)),
        (Array("GIF8".utf8), Signature(name: "a GIF image", advice: nil)),
        ([0x7F, 0x45, 0x4C, 0x46], Signature(name: "an ELF executable", advice: nil)),
    ]

    /// The format the bytes begin with, if it is one of the known non-text formats.
    package static func match(_ head: some Collection<UInt8>) -> Signature? {
        // (A notice's first byte begins no signature: asked first, the table is not walked for it.)
        guard let first = head.first, firstBytes[Int(first)] else { return nil }
        return known.first { head.starts(with: $0.magic) }?.signature
    }

    /// Whether some signature begins with the byte, for each byte value.
    private static let firstBytes: [Bool] = (0...255).map { byte in known.contains { $0.magic.first == UInt8(byte) } }
}
