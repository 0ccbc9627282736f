/// A set of a few elements: looked through in turn while they are few, as a notice's cited documents or a
/// contact's names are (hashing each for a `Set` took up to a thousand instructions an insertion, and the set's
/// room more), and kept in a `Set` once there are more than `mostLookedThrough` (a hostile page's thousands are
/// not compared with each other one by one).
struct SmallSet<Element: Hashable> {
    private var few: [Element] = []
    private var many: Set<Element>?
    static var mostLookedThrough: Int { 64 }

    init() {}

    func contains(_ element: Element) -> Bool {
        if let many { return many.contains(element) }
        return few.contains(element)
    }

    /// Whether `element` was not held yet (and is now).
    @discardableResult
    mutating func insert(_ element: Element) -> Bool {
        if many != nil { return many!.insert(element).inserted }
        if few.contains(element) { return false }
        few.append(element)
        if few.count > Self.mostLookedThrough {
            many = Set(few)
            few = []
        }
        return true
    }
}

/// The position of each of a few keys among those added, in the order they were added: looked through in turn
/// while they are few, as a notice's deadlines are keyed by their date and actor (a `Dictionary` of them was
/// made, grown and hashed into for each notice's two or three), and kept in a `Dictionary` once there are more
/// than `SmallSet.mostLookedThrough` (a hostile notice's thousands of dates are not compared one by one).
struct SmallIndex<Key: Hashable> {
    private var few: [Key] = []
    private var many: [Key: Int]?

    init() {}

    /// How many keys were added.
    var count: Int { many?.count ?? few.count }

    /// The position `key` was added at, or nil.
    func position(of key: Key) -> Int? {
        if let many { return many[key] }
        return few.firstIndex(of: key)
    }

    /// Adds `key` (not added yet: asserted in debug builds and tests) at the next position.
    mutating func append(_ key: Key) {
        assert(position(of: key) == nil, "a key is added once")
        if many != nil {
            many![key] = many!.count
            return
        }
        few.append(key)
        if few.count > SmallSet<Key>.mostLookedThrough {
            many = Dictionary(uniqueKeysWithValues: zip(few, few.indices))
            few = []
        }
    }
}
