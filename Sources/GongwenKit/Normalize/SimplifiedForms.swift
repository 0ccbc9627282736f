/// The simplified form of each traditional Han character: ICU's "Traditional-Simplified" transform
/// read once, character by character, and kept in the source (`SimplifiedForms+Table.swift`), so a
/// notice is folded without opening ICU's transliterator (16 ms, the larger part of the time to parse
/// a short notice) or asking it about each new character.
///
/// `SimplifiedFormsTableTests` checks the table against the ICU on the machine and writes it again
/// with `RECORD_SNAPSHOTS=1`.
enum SimplifiedForms {
    /// The pairs (traditional, simplified), in code-point order.
    /// (Decoded from the table's UTF-8 bytes: through `unicodeScalars` and a filter, the pairs took 3.6
    /// million instructions at the first notice of every run, an eighth of a one-line notice's parse.)
    static let pairs: [(Unicode.Scalar, Unicode.Scalar)] = StringUTF8.withBytes(of: table) { bytes in
        var pairs: [(Unicode.Scalar, Unicode.Scalar)] = []
        pairs.reserveCapacity(bytes.count / 6)
        var pending: Unicode.Scalar?
        var i = 0
        while i < bytes.count {
            let (value, length) = StringUTF8.scalar(in: bytes, at: i)
            i += length
            guard value != 0x0A, let scalar = Unicode.Scalar(value) else { continue }
            if let traditional = pending {
                pairs.append((traditional, scalar))
                pending = nil
            } else {
                pending = scalar
            }
        }
        return pairs
    }

    fileprivate static let bmpStart: UInt32 = 0x3400, bmpEnd: UInt32 = 0xFB00
    /// Lookup: a flat table over the Han blocks of the Basic Multilingual Plane (0: no other form),
    /// a dictionary beyond.
    private static let lookup: (flat: [UInt32], beyond: [Unicode.Scalar: Unicode.Scalar]) = {
        // (One entry more, 0, past the range: what `fold` reads for a scalar outside it.)
        var flat = [UInt32](repeating: 0, count: Int(bmpEnd - bmpStart) + 1)
        var beyond: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (traditional, simplified) in pairs {
            if traditional.value >= bmpStart, traditional.value < bmpEnd {
                flat[Int(traditional.value - bmpStart)] = simplified.value
            } else {
                beyond[traditional] = simplified
            }
        }
        return (flat, beyond)
    }()

    /// The simplified form of `scalar`, or nil when it has none other than itself.
    static func form(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if scalar.value >= bmpStart, scalar.value < bmpEnd {
            let form = lookup.flat[Int(scalar.value - bmpStart)]
            return form == 0 ? nil : Unicode.Scalar(form)
        }
        return scalar.value < 0x20000 ? nil : lookup.beyond[scalar]
    }

    /// Replaces each scalar of `scalars` from `start` on that is one of `characters` by its simplified form: the
    /// bitmap of `characters` and the table read through their buffers, not looked up at each scalar, and both read
    /// for every scalar of the Basic Multilingual Plane (one outside the table's range reads their last entries,
    /// zeros), the form chosen without a branch. (Read only for the scalars of the bitmap, the table's entries
    /// waited on the cache, one at a time behind a branch that went either way: 0.66% of a parse's samples.)
    static func fold(
        _ scalars: UnsafeMutableBufferPointer<Unicode.Scalar>, from start: Int, _ characters: TraditionalCharacters
    ) {
        let range = bmpEnd - bmpStart
        lookup.flat.withUnsafeBufferPointer { flat in
            characters.seen.withUnsafeBufferPointer { seen in
                for i in start..<scalars.count {
                    let value = scalars[i].value
                    guard value < 0x10000 else {
                        if value >= 0x20000, characters.beyond.contains(scalars[i]),
                            let form = lookup.beyond[scalars[i]]
                        {
                            scalars[i] = form
                        }
                        continue
                    }
                    // (A value below the range wraps past it, and is read at the range's end as one above.)
                    let index = Int(Swift.min(value &- bmpStart, range))
                    let chosen = seen[index &>> 6] &>> UInt64(index & 63) & 1
                    let form = flat[index]  // (0: none)
                    let folded = chosen != 0 && form != 0 ? form : value
                    // (A form in the table is a scalar, as the value it replaces is: never nil.)
                    if let scalar = Unicode.Scalar(folded) { scalars[i] = scalar }
                }
            }
        }
    }

    /// How many of the scalars of `lines` are Han characters, and how many of those have a simplified
    /// form other than themselves: one look-up in `classes` a scalar, and one in `censusWeights` for what
    /// its class adds to both counts at once, all without a branch (a scalar outside the table reads its
    /// last entry, 0). The scalars past U+1FFFF, rare, are counted too, and a line that holds any is read
    /// again for them: its values are ORed as they are read, and one of them passes U+1FFFF exactly when
    /// the OR has a bit from 17 up. (The Han test's five ranges and then the flat table of 200 KB, a scalar
    /// at a time, took 36 instructions a scalar; a branch between the table's scalars and the others, a
    /// mixed line's ASCII and Chinese, was mispredicted at each change. The class's two bits added to two
    /// counts, and each value's test for U+1FFFF, took 15 instructions a scalar, 10 now. Which characters
    /// they are is asked only of a text that is folded, most never are.)
    static func census(of lines: [TextLine]) -> (hanCount: Int, traditionalCount: Int) {
        var hanCount = 0
        var traditionalCount = 0
        let beyond = lookup.beyond
        classes.withUnsafeBufferPointer { classes in
            censusWeights.withUnsafeBufferPointer { weights in
                let outside = UInt32(classes.count - 1)  // the entry that no scalar of the table reads
                for line in lines {
                    line.scalars.withUnsafeBufferPointer { scalars in
                        // (The Han count in the low half, the traditional in the high: a line holds fewer
                        // than 2^31 scalars, and the low half never carries into the high.)
                        var counts: UInt64 = 0
                        var values: UInt32 = 0
                        for scalar in scalars {
                            counts &+= weights[Int(classes[Int(min(scalar.value &- bmpStart, outside))])]
                            values |= scalar.value
                        }
                        hanCount &+= Int(counts & 0xFFFF_FFFF)
                        traditionalCount &+= Int(counts >> 32)
                        guard values >> 17 != 0 else { return }
                        for scalar in scalars where scalar.value >= 0x20000 && scalar.isHan {
                            hanCount &+= 1
                            if beyond[scalar] != nil { traditionalCount &+= 1 }
                        }
                    }
                }
            }
        }
        return (hanCount, traditionalCount)
    }

    /// What a scalar of each class (`classes`: 0, 1 or 3) adds to `census`'s counts: 1 for a Han
    /// character in the low half, and 1 in the high half for a traditional one.
    private static let censusWeights: [UInt64] = [0, 1, 1 << 32, 1 | 1 << 32]

    /// The Han characters of `lines` that have a simplified form other than themselves, marked in a
    /// bitmap over the flat table as they are met.
    /// (A scalar of the flat table's range is one of them when its class is 3, Han with another form: one
    /// look-up, where the Han test read Unicode's properties for each scalar of the text.)
    static func traditionalCharacters(in lines: [TextLine]) -> TraditionalCharacters {
        let beyond = lookup.beyond
        // (A word more, 0, past the range's: what `fold` reads for a scalar outside it.)
        var seen = [UInt64](repeating: 0, count: Int(bmpEnd - bmpStart + 63) / 64 + 1)
        var seenBeyond: Set<Unicode.Scalar> = []
        classes.withUnsafeBufferPointer { classes in
            for line in lines {
                line.scalars.withUnsafeBufferPointer { scalars in
                    for scalar in scalars where scalar.value >= bmpStart {
                        if scalar.value < bmpEnd {
                            let index = Int(scalar.value - bmpStart)
                            if classes[index] == 3 { seen[index >> 6] |= 1 << UInt64(index & 63) }
                        } else if scalar.value >= 0x20000, scalar.isHan, beyond[scalar] != nil {
                            seenBeyond.insert(scalar)
                        }
                    }
                }
            }
        }
        return TraditionalCharacters(seen: seen, beyond: seenBeyond)
    }

    /// Some Han characters that have a simplified form other than themselves: those a text holds.
    struct TraditionalCharacters: Sendable {
        /// A bit for each scalar from `bmpStart` to `bmpEnd` (bit `i & 63` of word `i >> 6` for scalar
        /// `bmpStart + i`), and the scalars beyond.
        fileprivate let seen: [UInt64]
        fileprivate let beyond: Set<Unicode.Scalar>

        /// Whether `scalar` is one of them: a bit test, not a look-up in a dictionary of them (that
        /// hashed each character of a traditional notice).
        func contains(_ scalar: Unicode.Scalar) -> Bool {
            let index = scalar.value &- SimplifiedForms.bmpStart
            if index < SimplifiedForms.bmpEnd - SimplifiedForms.bmpStart {
                return seen[Int(index >> 6)] & (1 << UInt64(index & 63)) != 0
            }
            return scalar.value >= 0x20000 && beyond.contains(scalar)
        }

        /// Each of them once, in code-point order.
        var inCodePointOrder: [Unicode.Scalar] {
            var characters: [Unicode.Scalar] = []
            for (word, bits) in seen.enumerated() where bits != 0 {
                for bit in 0..<64 where bits & (1 << UInt64(bit)) != 0 {
                    characters.append(Unicode.Scalar(SimplifiedForms.bmpStart + UInt32(word * 64 + bit))!)
                }
            }
            return characters + beyond.sorted { $0.value < $1.value }
        }
    }

    /// For each scalar from `bmpStart` to `bmpEnd`: 0 when it is no Han character, 1 when it is one,
    /// 3 when it is one with a simplified form other than itself (bit 0 counts Han, bit 1 traditional);
    /// then a 0 that `census` reads for every scalar outside the table.
    private static let classes: [UInt8] = {
        let flat = lookup.flat  // (read once: read in the loop, each read checked that it was made)
        var classes = [UInt8](repeating: 0, count: Int(bmpEnd - bmpStart) + 1)
        for value in bmpStart..<bmpEnd {
            guard let scalar = Unicode.Scalar(value), scalar.isHan else { continue }
            classes[Int(value - bmpStart)] = flat[Int(value - bmpStart)] == 0 ? 1 : 3
        }
        return classes
    }()

    /// The Swift source of `SimplifiedForms+Table.swift` for `pairs`: twenty pairs a line.
    static func source(_ pairs: [(Unicode.Scalar, Unicode.Scalar)]) -> String {
        var lines: [String] = []
        for start in stride(from: 0, to: pairs.count, by: 20) {
            lines.append(
                pairs[start..<min(pairs.count, start + 20)].map { String(scalars: [$0.0, $0.1]) }
                    .joined())
        }
        return """
            // Generated by SimplifiedFormsTableTests (RECORD_SNAPSHOTS=1) from ICU's "Traditional-Simplified"
            // transform over every Han block (each pair checked one character at a time): \(pairs.count) pairs, each a
            // traditional character followed by its simplified form. Do not edit by hand.

            extension SimplifiedForms {
                static let table = \"\"\"
            \(lines.map { "        " + $0 }.joined(separator: "\n"))
                    \"\"\"
            }

            """
    }
}
