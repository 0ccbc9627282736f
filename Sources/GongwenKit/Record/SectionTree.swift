/// A record's outline (`sections`): the items' records, or the items as the segmenter read them,
/// made into records only when read.
///
/// A record that is written out as soon as it is made (`gongwen parse`) keeps the items: its JSON is
/// written straight from them and their lines, so that it never holds a second tree of the outline or
/// the notice's text twice (for a 20 MB notice, 10 MB of records and 23 MB of strings at the memory
/// peak). A record that is kept (a series, the archive) holds the records, their text made into strings,
/// which are smaller than the lines. Encoded, and read, the two are the same.
@propertyWrapper
public struct SectionTree: Encodable, Sendable {
    /// How a record is to hold its outlines.
    package enum Form: Sendable {
        /// The items' records: for a record that is kept.
        case records
        /// The segmented items: for a record written out at once.
        case items
    }

    private enum Storage: Sendable {
        case records([SectionRecord])
        case items(any SectionItems)
    }

    private var storage: Storage

    public init(wrappedValue: [SectionRecord]) {
        storage = .records(wrappedValue)
    }

    package init(items: some SectionItems) {
        storage = .items(items)
    }

    public var wrappedValue: [SectionRecord] {
        get {
            switch storage {
            case let .records(records): records
            case let .items(items): items.records
            }
        }
        set { storage = .records(newValue) }
    }

    /// The items, while the outline holds them.
    package var items: (any SectionItems)? {
        if case let .items(items) = storage { items } else { nil }
    }

    public func encode(to encoder: Encoder) throws {
        try wrappedValue.encode(to: encoder)
    }
}

/// An outline's items as the segmenter read them: written out as their records are, and made into
/// records when read.
package protocol SectionItems: Sendable {
    var records: [SectionRecord] { get }
    /// Writes the items as the JSON array of their records. (A requirement of its own, met where the items'
    /// type is known: through arrays' generic `JSONWritable` conformance, each item was copied by
    /// unspecialized code, into memory allocated for it.)
    func writeRecords(to json: inout JSONWriter)
}
