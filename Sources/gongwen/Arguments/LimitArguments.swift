import ArgumentParser
import GongwenKit

/// How much of one input is read before it is refused.
struct LimitArguments: ParsableArguments {
    @Option(
        name: .customLong("max-bytes"),
        help: ArgumentHelp(
            "Refuse an input larger than this (bytes, or with K, M or G: 64M; at most 2G).",
            valueName: "size"))
    var maxBytes: ByteCount = ByteCount(IngestLimits.standard.maxBytes)

    var limits: IngestLimits { IngestLimits(maxBytes: maxBytes.bytes) }
}

/// A size in bytes as people write it: 1048576, 512K, 64M, 1G (powers of 1024).
struct ByteCount: ExpressibleByArgument, CustomStringConvertible {
    var bytes: Int

    init(_ bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let text = argument.uppercased().replacingOccurrences(of: "IB", with: "").replacingOccurrences(
            of: "B", with: "")
        let shifts: [Character: Int] = ["K": 10, "M": 20, "G": 30]
        var digits = Substring(text)
        var shift = 0
        if let last = digits.last, let s = shifts[last] {
            shift = s
            digits = digits.dropLast()
        }
        guard let value = Int(digits), value > 0 else { return nil }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: 1 << shift)
        guard !overflow, bytes <= 1 << 31 else { return nil }  // 2G: IngestLimits.largest, give or take its byte
        self.bytes = bytes
    }

    var description: String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20)M" : "\(bytes)"
    }

    var defaultValueDescription: String { description }
}
