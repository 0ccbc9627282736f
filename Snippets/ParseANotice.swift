// Parse a notice into its record and read a few of its values, each with where it stands in the input.

import GongwenKit

// snippet.show
let record = try Gongwen.parse(path: "Notices/2022_caq.txt")
print(record.title ?? "(no title)")
for deadline in record.deadlines {
    let span = deadline.span
    print("due \(deadline.date), \(deadline.action ?? "due"): line \(span.startLine), columns \(span.startColumn)–\(span.endColumn)")
}
for quota in record.quotas {
    print("at most \(quota.max.map(String.init) ?? "any") \(quota.unit) for \(quota.appliesTo.joined(separator: "、"))")
}
// The record as JSON, with the keys in sorted order: the same input always gives the same bytes.
let json = try Gongwen.json(record, pretty: true)
// snippet.end
print(json.count)
