import Foundation
import GongwenKit

/// What one run of the fuzzer exercises, chosen by GONGWEN_FUZZ_TARGET (fuzz.sh sets it):
/// - `parse-text`, `parse-html`: the whole pipeline, the bytes read as text or as HTML, and the record
///   encoded as JSON;
/// - `normalize`: ingest and normalize only, as `gongwen normalize` does;
/// - `diff`: the input cut in two at its middle line, each half parsed, and the two records diffed and
///   rendered in every report format;
/// - `config`: the two halves as two notices (two years, or a notice and its relay), their campaign
///   configurations, the year-over-year series and the calendar.
enum Target: String {
    case parseText = "parse-text"
    case parseHTML = "parse-html"
    case normalize, diff, config
}

let target: Target = {
    let name = ProcessInfo.processInfo.environment["GONGWEN_FUZZ_TARGET"] ?? "parse-text"
    guard let target = Target(rawValue: name) else {
        FileHandle.standardError.write(Data("GONGWEN_FUZZ_TARGET: unknown target \(name)\n".utf8))
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case .parseText:
        parse(bytes, format: .text)
    case .parseHTML:
        parse(bytes, format: .html)
    case .normalize:
        _ = try? Gongwen.normalize(bytes: bytes, path: "fuzz")
    case .diff:
        guard let (old, new) = halves(bytes) else { return 0 }
        let diff = NoticeDiffer.diff(old, new, oldPath: "old", newPath: "new")
        for format in [ReportFormat.terminal, .markdown, .json, .html] {
            _ = try? DiffReport.render(diff, format: format, options: ReportOptions(colour: true, showUnchanged: true))
        }
    case .config:
        guard let (old, new) = halves(bytes) else { return 0 }
        let result = CampaignConfigurator.configurations([("old", old), ("new", new)], reminderDays: [30, 7, 1, 0])
        _ = try? JSONEncoder().encode(CampaignConfigurator.series(result))
        _ = CampaignCalendar.ics(result.configurations)
    }
    return 0
}

/// The input cut in two at its middle line, each half parsed as text.
private func halves(_ bytes: [UInt8]) -> (NoticeRecord, NoticeRecord)? {
    let newline = UInt8(ascii: "\n")
    let middle = bytes.indices.dropFirst(bytes.count / 2).first { bytes[$0] == newline } ?? bytes.count / 2
    guard let old = try? Gongwen.parse(bytes: Array(bytes[..<middle]), path: "old", format: .text),
        let new = try? Gongwen.parse(bytes: Array(bytes[middle...]), path: "new", format: .text)
    else { return nil }
    return (old, new)
}

private func parse(_ bytes: [UInt8], format: InputFormat) {
    guard let record = try? Gongwen.parse(bytes: bytes, path: "fuzz", format: format) else { return }
    _ = try? Gongwen.jsonData(record, pretty: false)
}
