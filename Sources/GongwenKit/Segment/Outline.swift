/// Builds the body's outline tree from logical lines.
///
/// Nesting follows the numbering, not a fixed ladder: a kind of number already open on the path
/// closes everything below it and starts a sibling; a new kind opens a child. So documents that skip
/// a level ("一、" then "1.") or mix half- and full-width parentheses nest as a reader expects.
/// Markdown heading levels order unnumbered headings only.
enum Outline {
    static func build(
        _ lines: ArraySlice<NormalizedLine>
    ) -> (sections: [Section], notes: [(message: String, span: SourceSpan)]) {
        var flat: [(depth: Int, section: Section)] = []
        // Room for every line that may begin an item, reserved at once: grown by doubling, the list of
        // a huge notice's items was up to twice its size while the tree was built from it.
        flat.reserveCapacity(
            1 + lines.indices.count { lines[$0].markdownHeadingLevel != nil || mayBeginItem(lines, $0) })
        var path: [(kind: OutlineMarker.Kind, number: Int)] = []
        var notes: [(message: String, span: SourceSpan)] = []

        // The last line of the open item, once a line has gone on with it: its lines are cut when it closes
        // (cut again at each line it gained, its slice of the lines was retained and released a line).
        var openEnd: Int?
        func closeOpenItem() {
            guard let end = openEnd else { return }
            let start = flat[flat.count - 1].section.lines.startIndex
            flat[flat.count - 1].section.lines = lines[start...end]
            openEnd = nil
        }
        // (Each line is read in place, `lines[index]`, not copied out: a copy is retained and released.)
        for index in lines.indices {
            if mayBeginItem(lines, index), let marker = OutlineMarker.parse(lines[index].line) {
                closeOpenItem()
                if let open = path.lastIndex(where: { $0.kind == marker.kind }) {
                    let previous = path[open].number
                    if marker.number != previous + 1 {
                        notes.append(
                            (
                                "outline number \(marker.text) follows number \(previous) of the same kind",
                                lines[index].span
                            ))
                    }
                    path.removeSubrange(open...)
                } else if marker.number != 1 {
                    notes.append(("outline number \(marker.text) opens a level that has no item 1", lines[index].span))
                }
                // Each item's lines are a slice of `lines`: the item shares their storage, no copy.
                flat.append((path.count, Section(marker: marker, heading: nil, lines: lines[index...index])))
                path.append((marker.kind, marker.number))
            } else if let level = lines[index].markdownHeadingLevel {
                closeOpenItem()
                let kind = OutlineMarker.Kind.markdownHeading(UInt8(clamping: level))
                if let open = path.firstIndex(where: {
                    if case let .markdownHeading(other) = $0.kind { return Int(other) >= level } else { return false }
                }) {
                    path.removeSubrange(open...)
                }
                flat.append((path.count, Section(marker: nil, heading: lines[index].text, lines: lines[index...index])))
                path.append((kind, 1))
            } else if flat.isEmpty {
                flat.append((0, Section(marker: nil, heading: nil, lines: lines[index...index])))
            } else {
                openEnd = index
            }
        }
        closeOpenItem()

        // A short numbered line with no clause punctuation is a heading when something hangs under it.
        for i in flat.indices {
            guard let marker = flat[i].section.marker else { continue }
            // (The item's first line read in place, `lines[first]`: a copy is retained and released.)
            let first = flat[i].section.lines.startIndex
            let isMarkdownHeading = lines[first].markdownHeadingLevel != nil
            let rest = lines[first].line[marker.contentStart..<lines[first].line.count]
            let hasFollowers =
                flat[i].section.lines.count > 1 || (i + 1 < flat.count && flat[i + 1].depth > flat[i].depth)
            let headingShaped =
                isMarkdownHeading
                || (rest.count <= 30 && !rest.scalars.contains(where: ScalarSet.clausePunctuation.contains)
                    && !Reflow.endsOnConnective(rest))
            if headingShaped && (hasFollowers || isMarkdownHeading) {
                flat[i].section.heading = rest.text
            }
        }
        return (nest(&flat, flat.indices), notes)
    }

    /// `OutlineMarker.mayBegin` of line `index`, asked of its first scalar: the line is not copied (the
    /// numeral table's one-time check is a call the compiler cannot see into, so a line it is asked of
    /// in place was copied first — retained and released — to be sure of it).
    private static func mayBeginItem(_ lines: ArraySlice<NormalizedLine>, _ index: Int) -> Bool {
        guard let first = lines[index].line.scalars.first else { return false }
        return OutlineMarker.mayBegin(with: first)
    }

    /// The tree of the items `flat[range]`, each moved out of `flat` (left an empty section there): a copy
    /// of each was retained and released, and `flat` is let go once the tree is made.
    private static func nest(_ flat: inout [(depth: Int, section: Section)], _ range: Range<Int>) -> [Section] {
        var result: [Section] = []
        // The items at this depth, counted first: each array of the tree is made at its size (grown by
        // doubling, a huge notice's outline kept a third of itself unused).
        var count = 0
        var k = range.lowerBound
        while k < range.upperBound {
            count += 1
            let depth = flat[k].depth
            k += 1
            while k < range.upperBound, flat[k].depth > depth { k += 1 }
        }
        result.reserveCapacity(count)
        var i = range.lowerBound
        while i < range.upperBound {
            let depth = flat[i].depth
            var j = i + 1
            while j < range.upperBound, flat[j].depth > depth { j += 1 }
            flat[i].section.children = nest(&flat, (i + 1)..<j)
            // (Moved out, an empty section left: swapped into a variable, given its children and appended,
            // it was copied into the array and the variable's let go.)
            result.append(exchange(&flat[i].section, with: Section(marker: nil, heading: nil, lines: [])))
            i = j
        }
        return result
    }
}
