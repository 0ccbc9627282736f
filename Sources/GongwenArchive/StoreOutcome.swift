public enum StoreOutcome: String, Sendable {
    case added, updated, unchanged
}
