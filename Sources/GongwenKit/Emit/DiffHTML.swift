/// The diff as one self-contained HTML page: no script, no external style sheet, font or image.
/// On top, a summary table of the changes by area; below, for each pair of notices, the two years
/// side by side, one row per change, deletions and insertions highlighted in place. Unchanged items
/// sit folded in each area. The page is well-formed XML (every element closed, every attribute
/// quoted, only XML's own entities), so it can be checked by any XML parser.
///
/// Its words are Chinese by default (`labels`), for the analysts and directors who read it; it says who
/// made it, when and from what (`provenance`); on a phone (below 760 px) the two sides stack, each cell
/// labelled old or new, and the summary table scrolls within its own box; printed (A4), it drops the
/// folded unchanged items (and says so), repeats the column headings on every page and marks edits with
/// lines rather than solid colour.
struct HTMLReport {
    var showUnchanged: Bool
    var labels: ReportLabels
    var provenance: ReportProvenance?

    init(_ options: ReportOptions) {
        showUnchanged = options.showUnchanged
        labels = ReportLabels(language: options.language)
        provenance = options.provenance
    }

    func page(diffs: [NoticeDiff], series: SeriesReport?) -> String {
        let allDiffs = diffs + (series?.series.flatMap(\.diffs) ?? [])
        let title =
            series == nil
            ? diffs.first.map { "\(DiffReport.name($0.old)) → \(DiffReport.name($0.new))" } ?? labels.reportTitle
            : labels.seriesTitle
        var body = "<h1>\(escape(title == labels.reportTitle ? title : "Gongwen: " + title))</h1>\n"
        if let provenance { body += "<p class=\"provenance\">\(escape(labels.provenance(provenance)))</p>\n" }
        if let series {
            body += seriesOverview(series)
        }
        body += summaryTable(allDiffs)
        for (n, diff) in allDiffs.enumerated() { body += section(diff, number: n) }
        return """
            <!DOCTYPE html>
            <html lang="\(labels.language == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="Gongwen\(provenance.map { " " + escape($0.version) } ?? "")"/>
            <title>\(escape(title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    // MARK: - Parts

    func seriesOverview(_ report: SeriesReport) -> String {
        var out = "<section class=\"overview\">\n"
        for series in report.series {
            out += "<h2>\(escape(series.organizer)) · \(escape(series.campaign))</h2>\n<ol class=\"notices\">\n"
            for notice in series.notices {
                out +=
                    "<li><b>\(notice.campaignYear.map(String.init) ?? "—")</b> \(escape(notice.title ?? ""))"
                    + (notice.docNumber.map { " <span class=\"docno\">\(escape($0))</span>" } ?? "")
                    + " <code>\(escape(notice.path))</code></li>\n"
            }
            out += "</ol>\n"
            if !series.relays.isEmpty {
                out += "<ul class=\"relays\">\n"
                for relay in series.relays {
                    out +=
                        "<li>\(labels.relay)：<b>\(relay.notice.campaignYear.map(String.init) ?? "—")</b> \(escape(relay.notice.title ?? ""))"
                        + (relay.notice.docNumber.map { " <span class=\"docno\">\(escape($0))</span>" } ?? "")
                        + " "
                        + labels.forwards(
                            "<code>\(escape(relay.notice.path))</code>", "<code>\(escape(relay.relays))</code>")
                        + "</li>\n"
                }
                out += "</ul>\n"
            }
            for gap in series.gaps {
                out += "<p class=\"gap\"><b>\(labels.missing(gap.year))</b> "
                if gap.citedBy.isEmpty {
                    out += labels.citedByNone
                } else {
                    out +=
                        labels.citedBy
                        + gap.citedBy.map {
                            "<code>\(escape($0.path)):\($0.span.startLine):\($0.span.startColumn)</code> \(escape($0.citation))"
                        }.joined(separator: "; ")
                }
                out += "</p>\n"
            }
        }
        if !report.unplaced.isEmpty {
            out += "<h2>\(labels.notInSeries)</h2>\n<ul>\n"
            for notice in report.unplaced {
                out += "<li><code>\(escape(notice.path))</code>: \(escape(labels.unplacedReason(notice.reason)))</li>\n"
            }
            out += "</ul>\n"
        }
        if !report.duplicates.isEmpty {
            out += "<h2>\(labels.readOnce)</h2>\n<ul>\n"
            for copy in report.duplicates {
                out +=
                    "<li><code>\(escape(copy.path))</code>: \(labels.sameAs) <code>\(escape(copy.sameAs))</code></li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    static let countedKinds: [Change.Kind] = [.changed, .reworded, .renamed, .moved, .added, .removed, .unchanged]

    /// One row per pair and area: how many items changed in each way, linking to the area below.
    func summaryTable(_ diffs: [NoticeDiff]) -> String {
        guard !diffs.isEmpty else { return "" }
        var out =
            "<h2>\(labels.summaryOfChanges)</h2>\n<div class=\"scroll\">\n<table class=\"summary\">\n<thead><tr><th>\(labels.noticesColumn)</th><th>\(labels.areaColumn)</th>"
        for kind in Self.countedKinds { out += "<th class=\"\(kind.rawValue)\">\(labels.kind(kind))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (n, diff) in diffs.enumerated() {
            let areas = Change.Area.allCases.filter { area in diff.changes.contains { $0.area == area } }
            for (k, area) in areas.enumerated() {
                let changes = diff.changes.filter { $0.area == area }
                out += "<tr\(k == 0 ? " class=\"first\"" : "")>"
                if k == 0 {
                    out +=
                        "<th rowspan=\"\(areas.count)\" scope=\"rowgroup\"><a href=\"#d\(n)\">\(escape(DiffReport.name(diff.old))) → \(escape(DiffReport.name(diff.new)))</a></th>"
                }
                out += "<td><a href=\"#d\(n)-\(area.rawValue)\">\(labels.area(area))</a></td>"
                for kind in Self.countedKinds {
                    let count = changes.filter { $0.kind == kind }.count
                    out += count == 0 ? "<td class=\"zero\">·</td>" : "<td class=\"\(kind.rawValue)\">\(count)</td>"
                }
                out += "</tr>\n"
            }
        }
        return out + "</tbody>\n</table>\n</div>\n"
    }

    /// One pair side by side: an area per table, old on the left, new on the right.
    func section(_ diff: NoticeDiff, number n: Int) -> String {
        var out =
            "<section class=\"diff\" id=\"d\(n)\">\n<h2>\(escape(DiffReport.name(diff.old))) → \(escape(DiffReport.name(diff.new)))</h2>\n"
        for note in diff.notes { out += "<p class=\"gap\"><b>\(labels.note)</b> \(escape(note))</p>\n" }
        out +=
            "<table class=\"sides\"><colgroup><col class=\"kind\"/><col class=\"side\"/><col class=\"side\"/></colgroup>\n"
        out += "<thead><tr><th></th>\(header(diff.old))\(header(diff.new))</tr></thead>\n"
        for area in Change.Area.allCases {
            let changes = diff.changes.filter { $0.area == area }
            guard !changes.isEmpty else { continue }
            let changed = changes.filter { $0.kind != .unchanged }
            let unchanged = changes.filter { $0.kind == .unchanged }
            out += "<tbody id=\"d\(n)-\(area.rawValue)\">\n<tr class=\"area\"><th colspan=\"3\">\(labels.area(area))"
            out += " <small>\(labels.changes(changed.count))，\(labels.unchanged(unchanged.count))</small></th></tr>\n"
            for change in changed { out += row(change, old: diff.old, new: diff.new) }
            if !unchanged.isEmpty {
                out +=
                    "<tr class=\"unchanged-group\"><td colspan=\"3\"><details\(showUnchanged ? " open=\"open\"" : "")><summary>\(labels.unchanged(unchanged.count))</summary>\n<table class=\"sides inner\">"
                out += "<colgroup><col class=\"kind\"/><col class=\"side\"/><col class=\"side\"/></colgroup>\n"
                for change in unchanged { out += row(change, old: diff.old, new: diff.new) }
                out +=
                    "</table></details><p class=\"print-note\">\(labels.unchanged(unchanged.count))。\(labels.unchangedNotPrinted)</p></td></tr>\n"
            }
            out += "</tbody>\n"
        }
        return out + "</table>\n</section>\n"
    }

    func header(_ notice: NoticeReference) -> String {
        "<th class=\"side\"><span class=\"year\">\(notice.campaignYear.map(String.init) ?? "—")</span> \(escape(notice.title ?? ""))"
            + (notice.docNumber.map { " <span class=\"docno\">\(escape($0))</span>" } ?? "")
            + "<br/><code>\(escape(notice.path))</code></th>"
    }

    /// A change: its kind and subject on the left, the old value, the new value. Each side's cell carries
    /// its label ("旧 2020"), shown where the sides stack on a narrow screen.
    func row(_ change: Change, old oldNotice: NoticeReference, new newNotice: NoticeReference) -> String {
        var old = change.old.map(escape) ?? ""
        var new = change.new.map(escape) ?? ""
        if !change.edits.isEmpty {
            let prefixes = change.editPrefixes
            old = escape(prefixes.old) + side(change.edits, showing: .delete, as: "del")
            new = escape(prefixes.new) + side(change.edits, showing: .insert, as: "ins")
        } else {
            switch change.kind {
            case .removed: old = "<del>\(old)</del>"
            case .added: new = "<ins>\(new)</ins>"
            case .changed:
                old = "<del>\(old)</del>"
                new = "<ins>\(new)</ins>"
            default: break
            }
        }
        let similarity =
            change.kind == .reworded || change.kind == .renamed
            ? change.similarity.map { "<span class=\"sim\">\(labels.similarity) \($0)</span>" } ?? "" : ""
        return
            "<tr class=\"change \(change.kind.rawValue)\"><td class=\"kind\"><span class=\"badge \(change.kind.rawValue)\">\(labels.kind(change.kind))</span>"
            + "<div class=\"subject\">\(escape(labels.subject(change.subject)))</div>\(similarity)</td>"
            + "<td class=\"side old\" data-side=\"\(sideLabel(labels.oldSide, oldNotice))\">\(cell(old, change.oldSpan))</td>"
            + "<td class=\"side new\" data-side=\"\(sideLabel(labels.newSide, newNotice))\">\(cell(new, change.newSpan))</td></tr>\n"
    }

    /// "旧 2020" — which side a cell is, for the narrow layout.
    func sideLabel(_ side: String, _ notice: NoticeReference) -> String {
        escape(side + (notice.campaignYear.map { " \($0)" } ?? ""))
    }

    /// One side of the edits: the equal text and the side's own operation, marked with `tag`.
    func side(_ edits: [TextEdit], showing operation: TextEdit.Operation, as tag: String) -> String {
        edits.compactMap { edit -> String? in
            switch edit.operation {
            case .equal: return escape(edit.text)
            case operation: return "<\(tag)>\(escape(edit.text))</\(tag)>"
            default: return nil
            }
        }.joined()
    }

    func cell(_ content: String, _ span: SourceSpan?) -> String {
        guard !content.isEmpty else { return "<span class=\"none\">—</span>" }
        let place =
            span.map { "<span class=\"place\" title=\"\(labels.placeTitle)\">\($0.startLine):\($0.startColumn)</span>" }
            ?? ""
        return content + place
    }

    func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // Characters XML forbids (controls but tab and line breaks) are dropped, not passed on.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": continue
            case "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5rem auto;max-width:78rem;padding:0 1rem;color:#1d1d1f;line-height:1.55;font-size:15px}
        h1{font-size:1.5rem;margin:.2rem 0 .4rem}h2{font-size:1.2rem;margin:1.6rem 0 .6rem}
        .provenance{color:#666;font-size:.8rem;margin:0 0 1rem;overflow-wrap:anywhere}
        code{font-size:.85em;color:#555;overflow-wrap:anywhere}.docno{color:#555;font-size:.9em}
        .gap{background:#fff6e0;border-left:4px solid #e0a800;padding:.4rem .7rem;overflow-wrap:anywhere}
        li{overflow-wrap:anywhere}
        table{border-collapse:collapse;width:100%}
        .scroll{overflow-x:auto;max-width:100%}
        .summary{width:auto;font-size:.9rem}.summary th,.summary td{border:1px solid #ddd;padding:.2rem .6rem;text-align:center;white-space:nowrap}
        .summary td:first-of-type{text-align:left}.summary th[scope]{text-align:left;background:#f5f5f7;white-space:normal;min-width:8rem}.summary .zero{color:#bbb}
        .summary td.changed,.summary td.reworded,.summary td.renamed,.summary td.moved{background:#fff3cd}
        .summary td.added{background:#e3f6e8}.summary td.removed{background:#fde8e8}.summary tr.first td,.summary tr.first th{border-top:2px solid #999}
        .sides{table-layout:fixed}.sides col.kind{width:13rem}.sides col.side{width:auto}
        .sides th,.sides td{border-bottom:1px solid #e5e5e5;padding:.45rem .6rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
        .sides thead th{position:sticky;top:0;background:#fff;border-bottom:2px solid #999;z-index:1}
        .year{font-size:1.3rem;font-weight:700;margin-right:.3rem}
        tr.area th{background:#f0f0f3;font-size:1.02rem;padding-top:.6rem}tr.area small{font-weight:400;color:#666;margin-left:.5rem}
        .badge{display:inline-block;font-size:.75rem;border-radius:3px;padding:0 .35rem;color:#fff;background:#888}
        .badge.changed,.badge.reworded,.badge.renamed,.badge.moved{background:#b07800}.badge.added{background:#1a7f37}.badge.removed{background:#c62828}.badge.unchanged{background:#aaa}
        .subject{font-size:.85rem;color:#333;margin-top:.15rem}.sim{font-size:.75rem;color:#777}
        del{background:#ffd7d5;color:#82071e;text-decoration:line-through}ins{background:#ccffd8;color:#055d20;text-decoration:none}
        .place{display:block;font-size:.72rem;color:#888;margin-top:.1rem}.none{color:#bbb}
        details summary{cursor:pointer;color:#555;font-size:.9rem}.inner td{border-bottom:1px dashed #eee}
        tr.unchanged-group>td{padding:.2rem .6rem}.print-note{display:none}
        @media screen and (max-width:760px){
        body{margin:.8rem auto;padding:0 .6rem;font-size:14px}
        .sides,.sides>tbody,.sides>tbody>tr,.sides>tbody>tr>td,.sides>tbody>tr>th,.inner,.inner>tbody,.inner>tr,.inner>tbody>tr,.inner>tr>td,.inner>tbody>tr>td{display:block;width:auto}
        .sides colgroup,.sides>thead{display:none}
        .sides tr.change{border-bottom:1px solid #ccc;padding:.3rem 0}
        .sides td{border-bottom:none;padding:.2rem .3rem}
        .sides td.side::before{content:attr(data-side);display:block;font-size:.72rem;color:#888}
        .sides td.kind .subject{display:inline;margin-left:.4rem}
        }
        @media print{
        @page{size:A4;margin:12mm 10mm}
        body{max-width:none;margin:0;padding:0;font-size:9pt;line-height:1.4;color:#000}
        .sides col.kind{width:7rem}.sides th,.sides td{padding:.25rem .4rem}.overview li{margin:0}
        .sides thead th{position:static}thead{display:table-header-group}
        tr.change,tr.area{break-inside:avoid}h2{break-after:avoid}
        details{display:none}.print-note{display:block;color:#555;font-size:9pt;margin:0}
        .badge{background:none!important;color:#000;border:1px solid #000}
        del{background:none;color:#000;text-decoration:line-through}ins{background:none;color:#000;text-decoration:underline}
        .summary td{background:none!important}.gap{background:none;border-left:2px solid #000}
        tr.area th,.summary th[scope]{background:none;border-bottom:1px solid #000}
        a{color:#000;text-decoration:none}.scroll{overflow:visible}
        }
        """
}
