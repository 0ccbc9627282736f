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
