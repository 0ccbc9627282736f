/// The units of a 名录 / 名单 appendix (or section): from numbered lists, tab tables with a 序号
/// column, or markdown tables; a name wrapped onto the next line is joined back, and a header row
/// repeated after a page break is skipped.
package enum DirectoryExtractor {
    static let titleWords = ["名录", "名单", "一览表"]
    /// The cities with planning status (计划单列市): reference data.
    static let plannedCities = ["大连市", "青岛市", "宁波市", "厦门市", "深圳市"]

    package static func extract(_ notice: SegmentedNotice) -> [DirectoryEntry] {
        var entries: [DirectoryEntry] = []
        for appendix in notice.appendices {
            guard case let .sections(sections) = appendix.content else { continue }
            if let title = appendix.title?.text, titleWords.contains(where: { title.contains($0) }) {
                entries += fromSections(sections)
            } else {
                entries += directorySections(sections).flatMap {
                    fromSections($0.children.isEmpty ? [$0] : $0.children)
                }
            }
        }
        entries += directorySections(notice.body).flatMap { fromSections($0.children) }
        return entries
    }

    /// Sections headed like a directory ("推荐单位名单").
    private static func directorySections(_ sections: [Section]) -> [Section] {
        var found: [Section] = []
        addDirectorySections(sections, to: &found)
        return found
    }

    private static func addDirectorySections(_ sections: [Section], to found: inout [Section]) {
        // (Each section read where it stands, `sections[index]`: a copy is four retains and four releases.)
        for index in sections.indices {
            if let heading = sections[index].heading, titleWords.contains(where: { heading.hasSuffix($0) }) {
                found.append(sections[index])
            } else if !sections[index].children.isEmpty {  // (a leaf's empty array is not retained for a call)
                addDirectorySections(sections[index].children, to: &found)
            }
        }
    }

    static func fromSections(_ sections: [Section]) -> [DirectoryEntry] {
        var entries: [DirectoryEntry] = []
        var table = TableReader()
        read(sections, into: &entries, table: &table)
        return entries
    }

    /// Reads each section's lines, then its children's, depth first. (Each section read where it stands,
    /// `sections[index]`: handed to a closure for each, a copy of each was four retains and four releases.)
    private static func read(_ sections: [Section], into entries: inout [DirectoryEntry], table: inout TableReader) {
        for index in sections.indices {
            let lines = sections[index].lines.indices
            for position in lines {
                let line = sections[index].lines[position].line
                if position == lines.lowerBound, let marker = sections[index].marker,
                    marker.kind == .arabicEnumerated || marker.kind == .arabicParenthesized
                {
                    let name = line[marker.contentStart..<line.count].trimmed()
                    if !name.isEmpty { entries.append(entry(index: marker.number, name: name.text, span: name.span!)) }
                } else if position == lines.lowerBound, sections[index].heading != nil, sections[index].marker == nil {
                    continue  // an unnumbered heading such as "推荐单位名录"
                } else if let row = table.read(line) {
                    switch row {
                    case let .entry(index, name): entries.append(entry(index: index, name: name.text, span: name.span!))
                    case let .continuation(tail):
                        if let last = entries.popLast() {
                            entries.append(
                                entry(
                                    index: last.index, name: last.name + tail.text,
                                    span: SourceSpan.covering([last.span, tail.span!])!))
                        }
                    }
                }
            }
            if !sections[index].children.isEmpty { read(sections[index].children, into: &entries, table: &table) }
        }
    }

    static func entry(index: Int?, name: String, span: SourceSpan) -> DirectoryEntry {
        let (kind, region) = classify(name)
        return DirectoryEntry(index: index, name: name, kind: kind, region: region, span: span)
    }

    static func classify(_ name: String) -> (DirectoryEntry.Kind, String?) {
        if IssuerLevels.endsLikeAssociation(name) {
            return (.industryAssociation, IssuerLevels.province(beginning: name))
        }
        if let city = plannedCities.first(where: { name.hasPrefix($0) }) { return (.plannedCityDepartment, city) }
        if let province = IssuerLevels.province(beginning: name) {
            if let length = IssuerLevels.prefectureLength(in: name, fromUTF8: province.utf8.count) {
                let rest = IssuerLevels.scalars(of: name, after: province)
                return (.municipalDepartment, String(scalars: Array(rest.prefix(length))))
            }
            return (.provincialDepartment, province)
        }
        if let length = IssuerLevels.prefectureLength(in: name) {
            return (.municipalDepartment, String(scalars: Array(name.unicodeScalars.prefix(length))))
        }
        return (.other, nil)
    }

    /// Rows of a tab (or markdown) table with a 序号 column.
    struct TableReader {
        enum Row {
            case entry(Int?, TextLine)
            case continuation(TextLine)
        }

        var indexColumn: Int?
        var nameColumn: Int?
        var sawRow = false

        mutating func read(_ line: TextLine) -> Row? {
            var cells = split(line)
            if cells.count < 2 {
                // A line with no cells right after a row is the rest of a wrapped name.
                let text = line.trimmed()
                guard sawRow, !text.isEmpty, text.count <= 20,
                    text.scalars.allSatisfy({ $0.isHan || "（）()".unicodeScalars.contains($0) })
                else { return nil }
                return .continuation(text)
            }
            // (A cell is asked whether it is 序号 by its scalars: a string made of each cell of each row and
            // compared, 1,500 instructions a row.)
            if let column = cells.firstIndex(where: { $0.count == 2 && $0.hasPrefix("序号") }) {
                indexColumn = column
                nameColumn = cells.firstIndex { cell in ["名称", "单位", "名单", "机构"].contains { cell.text.contains($0) } }
                return nil
            }
            // A markdown table's rule line: |---|---|
            if cells.allSatisfy({ $0.scalars.allSatisfy { "-:| ".unicodeScalars.contains($0) } }) { return nil }
            let indexAt = indexColumn ?? 0
            let nameAt = nameColumn ?? (indexAt == 0 ? 1 : 0)
            guard indexAt < cells.count, nameAt < cells.count else { return nil }
            let indexText = cells[indexAt].text
            guard let index = Int(indexText) else { return nil }
            cells[nameAt] = cells[nameAt].trimmed()
            guard !cells[nameAt].isEmpty else { return nil }
            sawRow = true
            return .entry(index, cells[nameAt])
        }

        private func split(_ line: TextLine) -> [TextLine] {
            var trimmed = line.trimmed()
            let separator: Unicode.Scalar
            if trimmed.scalars.first == "|" {
                separator = "|"
                trimmed = trimmed[1..<trimmed.count]
                if trimmed.scalars.last == "|" { trimmed = trimmed[0..<(trimmed.count - 1)] }
            } else {
                separator = "\t"
            }
            var cells: [TextLine] = []
            var start = 0
            for (i, scalar) in trimmed.scalars.enumerated() where scalar == separator {
                cells.append(trimmed[start..<i].trimmed())
                start = i + 1
            }
            cells.append(trimmed[start..<trimmed.count].trimmed())
            return cells
        }
    }
}
