import CScan

/// A fixed set of scalars that answers `contains` with one bit test (a bitmap over the Basic
/// Multilingual Plane), where `Set<Unicode.Scalar>` hashes every character it is asked about: the
/// separators, brackets and units the scanners test at every position of a line.
package struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    private let bits: [UInt64]
    private let beyondBMP: Set<Unicode.Scalar>

    package init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        var bits = [UInt64](repeating: 0, count: Self.bitmapWords)
        var beyondBMP: Set<Unicode.Scalar> = []
        for scalar in scalars {
            if scalar.value < 0x10000 {
                bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
            } else {
                beyondBMP.insert(scalar)
            }
        }
        self.init(bits: bits, beyondBMP: beyondBMP)
    }

    private init(bits: [UInt64], beyondBMP: Set<Unicode.Scalar>) {
        self.bits = bits
        self.beyondBMP = beyondBMP
        holdsIdeographs = bits[(0x4E00 >> 6)...(0x9FFF >> 6)].contains { $0 != 0 }
    }

    /// Whether one of the CJK Unified Ideographs (U+4E00–U+9FFF, most of a Chinese text) is in the set:
    /// a scan for a set of punctuation can pass over them without a look-up.
    package let holdsIdeographs: Bool

    /// Whether `scalar` is one of the CJK Unified Ideographs (see `holdsIdeographs`).
    @inline(__always)
    package static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool { scalar.value &- 0x4E00 < 0x5200 }

    package init(arrayLiteral scalars: Unicode.Scalar...) { self.init(scalars) }

    /// The scalars of all of `sets`.
    package init(union sets: [ScalarSet]) {
        var bits = [UInt64](repeating: 0, count: Self.bitmapWords)
        for set in sets {
            for word in bits.indices { bits[word] |= set.bits[word] }
        }
        self.init(bits: bits, beyondBMP: sets.reduce(into: []) { $0.formUnion($1.beyondBMP) })
    }

    /// How many words the bitmap has: one for each 64 scalars of the BMP.
    package static let bitmapWords = 0x10000 / 64

    /// The bitmap's word `index` (`0..<bitmapWords`): bit k for the scalar `index * 64 + k`.
    @inline(__always)
    package func bitmapWord(_ index: Int) -> UInt64 { bits.withUnsafeBufferPointer { $0[index] } }

    /// The set's scalars, in code-point order.
    package var members: [Unicode.Scalar] {
        var members: [Unicode.Scalar] = []
        for (word, bits) in bits.enumerated() where bits != 0 {
            for bit in 0..<64 where bits >> UInt64(bit) & 1 != 0 {
                members.append(Unicode.Scalar(UInt32(word * 64 + bit)) ?? "\u{FFFD}")
            }
        }
        return members + beyondBMP.sorted { $0.value < $1.value }
    }

    /// The scalars of `characters`: `ScalarSet(of: "，。；")`.
    package init(of characters: String) { self.init(characters.unicodeScalars) }

    @inline(__always)
    package func contains(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x10000 {
            // The bitmap has a word for each 64 scalars of the BMP: the index is always in it.
            return bits.withUnsafeBufferPointer { $0[Int(scalar.value >> 6)] } & (1 << UInt64(scalar.value & 63)) != 0
        }
        return beyondBMP.contains(scalar)
    }

    /// The first place from `start` on in `scalars` whose scalar is in the set, or nil: a C loop that reads each
    /// scalar's bit from the bitmap (`gw_scalars_index_in_bitmap`, four scalars a turn, the bitmap's address held in a
    /// register); a scalar past the BMP, where it stops, is asked of `beyondBMP` here. For a search that passes over
    /// most of a line (a word list's first scalars: `WordList`), where a Swift loop over the scalars reloaded the
    /// bitmap's address at each (12 instructions a scalar).
    @inline(__always)
    package func firstIndex(in scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int? {
        guard let base = scalars.baseAddress else { return nil }
        var from = Swift.max(start, 0)
        while from < scalars.count {
            // (A scalar is its UInt32 value, and is read as one.)
            let found = bits.withUnsafeBufferPointer { bits in
                base.withMemoryRebound(to: UInt32.self, capacity: scalars.count) {
                    gw_scalars_index_in_bitmap($0 + from, scalars.count - from, bits.baseAddress!)
                }
            }
            let at = from + found
            guard at < scalars.count else { return nil }
            if scalars[at].value < 0x10000 || beyondBMP.contains(scalars[at]) { return at }
            from = at + 1
        }
        return nil
    }

    /// Calls `body` with each position of `scalars` whose scalar is in the set, in order, until it returns
    /// false. The members among each 64 scalars are found first, as the bits of one word, without a branch
    /// (a scalar past the BMP is looked up again, after, in the rare block that holds one); then only the
    /// members are visited. For a loop that asks each member several things in turn, in lines where members
    /// and others take turns (a sentence's triggers: 0.977 of the CPU time); where one cheap test a scalar
    /// goes the same way most of the time, the word costs more than the branch it saves (three such loops
    /// measured slower: Benchmarks/ROUNDS.md, the twentieth round).
    @inline(__always)
    package func forEachMember(in scalars: UnsafeBufferPointer<Unicode.Scalar>, _ body: (Int) -> Bool) {
        bits.withUnsafeBufferPointer { bits in
            var block = 0
            while block < scalars.count {
                let end = Swift.min(block &+ 64, scalars.count)
                var members: UInt64 = 0
                var beyond: UInt32 = 0  // the values ORed: past the BMP when a bit from 16 up is set
                for i in block..<end {
                    let value = scalars[i].value
                    beyond |= value
                    let word = bits[Int(Swift.min(value, 0xFFFF) &>> 6)]
                    members |= (word &>> UInt64(value & 63) & 1) &<< UInt64(i &- block)
                }
                if beyond > 0xFFFF {
                    // (A scalar past the BMP was read in the bitmap's last word: its bit is set again from
                    // `beyondBMP`.)
                    for i in block..<end where scalars[i].value > 0xFFFF {
                        let bit: UInt64 = 1 &<< UInt64(i &- block)
                        members = beyondBMP.contains(scalars[i]) ? members | bit : members & ~bit
                    }
                }
                while members != 0 {
                    guard body(block &+ members.trailingZeroBitCount) else { return }
                    members &= members &- 1
                }
                block = end
            }
        }
    }
}

extension ScalarSet {
    /// The punctuation that ends a clause, full-width and half-width (，,。；;：:): where a sentence is cut
    /// into clauses, and what a heading or a numbered heading holds none of.
    package static let clausePunctuation = ScalarSet(of: "，,。；;：:")
}
