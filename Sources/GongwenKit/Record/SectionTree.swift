/// A record's outline (`sections`): the items' records, or the segmented items themselves, made into
/// records only when read.
///
/// A record that is written out as soon as it is made (`gongwen parse`) keeps the items: its JSON is
/// written straight from them and their lines (`SectionText`), so that it never holds a second tree of
/// the outline, or the notice's text twice (for a 20 MB notice, 10 MB of records and 23 MB of strings
/// at the memory peak). A record that is kept (a series, the archive) holds the records, with their
/// text made into strings, which are smaller than the lines. Encoded, and read, the two are the same.
@propertyWrapper
public struct SectionTree: Encodable, Sendable {
    /// How a record is to hold its outline.
    package enum Form: Sendable {
        /// The items' records, their text made into strings: for a record that is kept.
        case records
        /// The segmented items: for a record written out at once.
        case items
    }

    private enum Storage: Sendable {
        case records([SectionRecord])
        case items([Section])
    }

    private var storage: Storage

    public init(wrappedValue: [SectionRecord]) {
        storage = .records(wrappedValue)
    }

    /// The outline of `items`, as `form` says.
    package init(_ items: [Section], form: Form) {
        switch form {
        case .records: storage = .records(items.map { SectionRecord($0, keepingLines: false) })
        case .items: storage = .items(items)
        }
    }

    public var wrappedValue: [SectionRecord] {
        get {
            switch storage {
            case let .records(records): records
            case let .items(items): items.map { SectionRecord($0, keepingLines: true) }
            }
        }
        set { storage = .records(newValue) }
    }

    public func encode(to encoder: Encoder) throws {
        try wrappedValue.encode(to: encoder)
    }

    /// Writes the outline as an array of section records, from the items when it holds them.
    package func write(to json: inout JSONWriter) {
        switch storage {
        case let .records(records): json.array(records)
        case let .items(items): json.array(items)
        }
    }
}

extension SectionRecord {
    /// The record of an outline item: its text made into a string, or (`keepingLines`) left in its lines.
    package init(_ section: Section, keepingLines: Bool) {
        self.init(
            number: section.number, heading: section.heading,
            ownText: keepingLines ? section.ownText : SectionText(section.text), span: section.span,
            children: section.children.map { SectionRecord($0, keepingLines: keepingLines) })
    }
}
