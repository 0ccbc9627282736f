import Foundation

/// The moment SOURCE_DATE_EPOCH names, when it is set: what a report or a calendar says it was made at, so
/// that it can be made again byte for byte (reproducible-builds.org); nil for "now".
func sourceDateEpoch() -> Date? {
    ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init).map {
        Date(timeIntervalSince1970: TimeInterval($0))
    }
}
