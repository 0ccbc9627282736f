extension String {
    /// Whether `other` stands in the string, compared as UTF-8 bytes (that is, scalar for scalar).
    ///
    /// It is more specific than Foundation's `StringProtocol.contains(_:)`, so every `text.contains("…")`
    /// in the library calls it. Foundation's search goes through `NSString`, folding grapheme clusters
    /// at each position, and took 4% of a parse on its own; the text here is NFC already (as the words
    /// looked for are), so canonical equivalence needs no work at search time. An empty `other` is not
    /// found, as Foundation answers. One difference, deliberate: a combining mark or variation selector
    /// after a word's last character does not hide the word (`质量\u{FE00}` holds 质量).
    /// (Both strings' bytes read in place: `var` copies for `withUTF8` were retained and released, a
    /// section heading against each of the list headings.)
    func contains(_ other: String) -> Bool {
        StringUTF8.withBytes(of: self) { h in
            StringUTF8.withBytes(of: other) { n in
                guard !n.isEmpty, n.count <= h.count else { return false }
                let first = n[0]
                let last = h.count - n.count
                var i = 0
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count, h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Whether the string begins with `prefix`, compared as UTF-8 bytes. The standard library's compares
    /// characters, normalizing as it goes (its slow path is taken for every non-ASCII string); the
    /// tables of provinces, cities and endings are tried against every name. An empty prefix is found,
    /// as the standard library answers.
    /// (Both strings' bytes are read in place and compared at once: the views' `starts(with:)` went through
    /// their indices a byte at a time.)
    func hasPrefix(_ prefix: String) -> Bool {
        StringUTF8.withBytes(of: self) { text in
            StringUTF8.withBytes(of: prefix) { word in
                word.count <= text.count
                    && StringUTF8.same(UnsafeBufferPointer(rebasing: text.prefix(word.count)), word)
            }
        }
    }

    /// Whether the string ends with `suffix`, compared as UTF-8 bytes (see `hasPrefix`).
    func hasSuffix(_ suffix: String) -> Bool {
        StringUTF8.withBytes(of: self) { text in
            StringUTF8.withBytes(of: suffix) { word in
                word.count <= text.count
                    && StringUTF8.same(UnsafeBufferPointer(rebasing: text.suffix(word.count)), word)
            }
        }
    }
}

extension [String] {
    /// Whether `string` is one of these, compared byte for byte (`ExactText`): what `contains` answers for strings
    /// in NFC, as a normalized line's words and the library's literals are, without normalizing both at each
    /// compare (`==` does for a string that is not ASCII: 450 instructions a metadata label).
    func containsExactly(_ string: String) -> Bool {
        contains { ExactText($0) == ExactText(string) }
    }
}
