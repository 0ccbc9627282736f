/// A string compared and hashed by its UTF-8 bytes.
///
/// `String` compares by canonical equivalence, so hashing or comparing a Chinese string normalizes it
/// first, scalar by scalar: the word lists' look-ups and the citations' de-duplication spent more on
/// that than on finding the words. The text the rules read has been composed to NFC by the normalizer,
/// and their words are written in NFC, and two NFC strings are canonically equivalent exactly when their
/// bytes are equal: for them these answers are `String`'s, at a fraction of the cost.
package struct ExactText: Hashable, Sendable {
    package let string: String

    package init(_ string: String) { self.string = string }

    // (The bytes read in place: `var` copies for `withUTF8` were retained and released.)
    package static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        StringUTF8.withBytes(of: lhs.string) { a in
            StringUTF8.withBytes(of: rhs.string) { b in StringUTF8.same(a, b) }
        }
    }

    package func hash(into hasher: inout Hasher) {
        StringUTF8.withBytes(of: string) { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }
}
