// The record's JSON, written by `JSONWriter`: each type's keys in sorted order, the same keys its
// synthesized `Encodable` conformance encodes (every key, `null` for an absent value). A key added to
// a type must be added here too: `JSONWriterTests` compares the bytes with `JSONEncoder`'s.

extension Nullable: JSONWritable where Value: JSONWritable {
    package func write(to json: inout JSONWriter) { wrappedValue.write(to: &json) }
}

extension NoticeRecord: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("addressees", addressees)
        json.field("attachmentLinks", attachmentLinks)
        json.field("attachments", attachments)
        json.field("campaignYear", campaignYear)
        json.field("citations", citations)
        json.field("contacts", contacts)
        json.field("deadlines", deadlines)
        json.field("diagnostics", diagnostics)
        json.field("directory", directory)
        json.field("docNumber", docNumber)
        json.field("elements", elements)
        json.field("eligibility", eligibility)
        json.field("embedded", embedded)
        json.field("focusAreas", focusAreas)
        json.field("issuer", issuer)
        json.field("publishedOn", publishedOn)
        json.field("quotas", quotas)
        json.field("schedule", schedule)
        json.field("schemaVersion", schemaVersion)
        json.field("sections", sectionTree)
        json.field("signedOn", signedOn)
        json.field("source", source)
        json.field("submission", submission)
        json.field("title", title)
        json.field("urls", urls)
        json.endObject()
    }
}

extension SourceInfo: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("encoding", encoding)
        json.field("format", format)
        json.field("path", path)
        json.field("sha256", sha256)
        json.endObject()
    }
}

extension SourceSpan: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.span(endColumn: endColumn, endLine: endLine, startColumn: startColumn, startLine: startLine)
    }
}

extension DocNumber: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("agency", agency)
        json.field("serial", serial)
        json.field("span", span)
        json.field("text", text)
        json.field("year", year)
        json.endObject()
    }
}

extension IssuerRecord: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("level", level)
        json.field("name", name)
        json.field("span", span)
        json.endObject()
    }
}

extension SectionRecord: JSONWritable {
    package func write(to json: inout JSONWriter) {
        Self.write(children: children, heading: heading, number: number, span: span, text: text, to: &json)
    }

    /// A section's keys in order, however the section is held: a record, or an outline item.
    static func write(
        children: some JSONWritable, heading: String?, number: String?, span: SourceSpan, text: some JSONWritable,
        to json: inout JSONWriter
    ) {
        json.beginObject()
        json.field("children", children)
        json.field("heading", heading)
        json.field("number", number)
        json.field("span", span)
        json.field("text", text)
        json.endObject()
    }
}

/// An outline item, written as its record is (`SectionTree`), its text from its lines.
extension Section: JSONWritable {
    package func write(to json: inout JSONWriter) {
        SectionRecord.write(children: children, heading: heading, number: number, span: span, text: ownText, to: &json)
    }
}

/// The segmented items of an outline, kept by a record that is written out at once (`SectionTree`).
extension Array: SectionItems where Element == Section {
    package var records: [SectionRecord] { map(RecordBuilder.sectionRecord) }
    package func writeRecords(to json: inout JSONWriter) { json.array(self) }
}

extension SectionTree: JSONWritable {
    package func write(to json: inout JSONWriter) {
        if let items { items.writeRecords(to: &json) } else { json.array(wrappedValue) }
    }
}

extension AttachmentRecord: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("appended", appended)
        json.field("embeddedRecord", embeddedRecord)
        json.field("index", index)
        json.field("sections", sectionTree)
        json.field("span", span)
        json.field("title", title)
        json.field("url", url)
        json.endObject()
    }
}

extension ElementRecord: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("kind", kind)
        json.field("span", span)
        json.field("text", text)
        json.endObject()
    }
}

extension Diagnostic: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("message", message)
        json.field("severity", severity)
        json.field("span", span)
        json.endObject()
    }
}

extension Link: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("span", span)
        json.field("text", text)
        json.field("url", url)
        json.endObject()
    }
}

extension Deadline: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("action", action)
        json.field("actor", actor)
        json.field("date", date)
        json.field("mentions", mentions)
        json.field("precision", precision)
        json.field("span", span)
        json.field("start", start)
        json.field("text", text)
        json.field("time", time)
        json.endObject()
    }
}

extension Mention: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("span", span)
        json.field("text", text)
        json.endObject()
    }
}

extension ScheduleItem: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("date", date)
        json.field("end", end)
        json.field("span", span)
        json.field("text", text)
        json.endObject()
    }
}

extension Quota: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("appliesTo", appliesTo)
        json.field("condition", condition)
        json.field("max", max)
        json.field("span", span)
        json.field("text", text)
        json.field("unit", unit)
        json.field("unlimited", unlimited)
        json.endObject()
    }
}

extension ListItem: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("index", index)
        json.field("number", number)
        json.field("span", span)
        json.field("summary", summary)
        json.field("text", text)
        json.endObject()
    }
}

extension Contact: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("address", address)
        json.field("department", department)
        json.field("emails", emails)
        json.field("names", names)
        json.field("phones", phones)
        json.field("postcode", postcode)
        json.field("span", span)
        json.field("text", text)
        json.endObject()
    }
}

extension Phone: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("areaCodeInferred", areaCodeInferred)
        json.field("extension", `extension`)
        json.field("kind", kind)
        json.field("number", number)
        json.field("span", span)
        json.endObject()
    }
}

extension DirectoryEntry: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("index", index)
        json.field("kind", kind)
        json.field("name", name)
        json.field("region", region)
        json.field("span", span)
        json.endObject()
    }
}

extension Citation: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("attachmentIndex", attachmentIndex)
        json.field("docNumber", docNumber)
        json.field("span", span)
        json.field("text", text)
        json.field("title", title)
        json.endObject()
    }
}

extension Submission: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("channels", channels)
        json.field("fileFormats", fileFormats)
        json.field("materials", materials)
        json.field("naming", naming)
        json.endObject()
    }
}

extension Channel: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("kind", kind)
        json.field("span", span)
        json.field("target", target)
        json.field("text", text)
        json.endObject()
    }
}

extension Material: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("copies", copies)
        json.field("form", form)
        json.field("span", span)
        json.field("text", text)
        json.endObject()
    }
}

extension FileFormat: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("format", format)
        json.field("span", span)
        json.field("text", text)
        json.endObject()
    }
}

extension NamingRule: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("pattern", pattern)
        json.field("span", span)
        json.field("target", target)
        json.field("text", text)
        json.endObject()
    }
}

extension InputFormat: JSONWritable {}
extension Issuer.Level: JSONWritable {}
extension ElementRecord.Kind: JSONWritable {}
extension Diagnostic.Severity: JSONWritable {}
extension Deadline.Precision: JSONWritable {}
extension Phone.Kind: JSONWritable {}
extension DirectoryEntry.Kind: JSONWritable {}
extension Channel.Kind: JSONWritable {}
extension NamingRule.Target: JSONWritable {}
