// Compare two years of a campaign's notice: which rules changed, with the old and new words and their places.

import GongwenKit

// snippet.show
let old = try Gongwen.parse(path: "Notices/2020_caq.txt")
let new = try Gongwen.parse(path: "Notices/2022_caq.txt")
let diff = NoticeDiffer.diff(old, new, oldPath: "Notices/2020_caq.txt", newPath: "Notices/2022_caq.txt")
for change in diff.changes where change.kind != .unchanged {
    print("\(change.area) \(change.kind): \(change.subject): \(change.old ?? "—") → \(change.new ?? "—")")
}
// The same diff as the terminal, Markdown, JSON or HTML report.
let markdown = try DiffReport.render(diff, format: .markdown)
// snippet.end
print(markdown.count)
