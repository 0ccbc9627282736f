import Foundation
import Testing

@testable import GongwenKit

/// The table of simplified forms (`Normalize/SimplifiedForms.swift`) against ICU's
/// "Traditional-Simplified" transform, character by character over every Han block.
/// `RECORD_SNAPSHOTS=1 swift test --filter SimplifiedFormsTableTests` writes the table again (after an
/// ICU upgrade that changes the mapping, which this test reports).
@Suite("Simplified forms: the table is ICU's Traditional-Simplified mapping")
struct SimplifiedFormsTableTests {
    static let hanBlocks: [ClosedRange<UInt32>] = [
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3007...0x3007,
    ]

    /// Every Han scalar whose simplified form (ICU, one character at a time) is another scalar.
    static func icuPairs() -> [(Unicode.Scalar, Unicode.Scalar)] {
        let scalars = hanBlocks.flatMap { $0.compactMap(Unicode.Scalar.init) }
        let whole = ScriptFolding.icuSimplified(scalars)
        return zip(scalars, whole).filter { $0 != $1 }
    }

    @Test("ICU maps each Han character alone as it maps them all together, and as the table does")
    func tableIsICU() throws {
        let pairs = Self.icuPairs()
        #expect(pairs.count > 2_000)
        let table = SimplifiedForms.pairs
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try SimplifiedForms.source(pairs).write(
                to: Corpus.packageRoot.appendingPathComponent(
                    "Sources/GongwenKit/Normalize/SimplifiedForms+Table.swift"),
                atomically: true, encoding: .utf8)
            Issue.record("recorded \(pairs.count) pairs: read the diff, then run again without RECORD_SNAPSHOTS")
            return
        }
        #expect(
            table.count == pairs.count, "the table has \(table.count) pairs, ICU gives \(pairs.count): record it again")
        for ((a, b), (c, d)) in zip(table, pairs) where a != c || b != d {
            Issue.record("table \(a)→\(b), ICU \(c)→\(d)")
            break
        }
        // One character at a time gives what the whole run gives (no rule looks at a neighbour).
        for (traditional, simplified) in pairs {
            #expect(ScriptFolding.icuSimplified([traditional]) == [simplified])
        }
    }

    @Test("Real traditional words fold through the table; simplified text is left as it is")
    func realWords() {
        let folded = ScriptFolding.simplified(Array("關於開展2023年全國質量標桿遴選活動的通知".unicodeScalars))
        #expect(String(String.UnicodeScalarView(folded)) == "关于开展2023年全国质量标杆遴选活动的通知")
        let simplified = Array("关于开展质量标杆活动的通知，联系人：张三".unicodeScalars)
        #expect(ScriptFolding.simplified(simplified) == simplified)
        #expect(ScriptFolding.simplified([]) == [])
        #expect(ScriptFolding.simplified(["𠀀", "a", "\u{10FFFF}"]) == ["𠀀", "a", "\u{10FFFF}"])
    }
}
