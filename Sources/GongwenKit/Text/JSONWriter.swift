import CScan
import Foundation

/// A value that writes its own JSON, keys in sorted order, straight into a `JSONWriter`: no tree of
/// values in between. Each output type writes exactly the keys its `Encodable` conformance encodes,
/// so the bytes are those of `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` (and
/// `.prettyPrinted` when asked); `JSONWriterTests` holds the two to the same bytes on every notice.
package protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

/// Writes JSON as UTF-8 bytes, formatted as Foundation's `JSONEncoder` formats it: compact, or pretty
/// with two-space indents, `"key" : value`, and an empty array or object written `[` newline newline
/// indent `]`. Strings are escaped as it escapes them: `"` and `\`, `\b \t \n \f \r`, the other
/// control characters as `\u00XX` (lower-case hex); `/` and everything else as they are.
///
/// Callers write an object's keys in sorted order (`JSONEncoder` compares keys as strings, so
/// `attachmentLinks` < `attachments` and `Z` < `a`).
package struct JSONWriter: ~Copyable {
    /// The bytes written and not yet handed to the sink: `count` of them at `base`, in room for
    /// `capacity`. Written through the pointer, not appended to an array: an array checks that it is
    /// uniquely held and has room, and copies through a generic path, at every piece of punctuation
    /// (a twentieth of a parse's time went to that).
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let pretty: Bool
    private var depth = 0
    /// Whether the innermost open array or object has no element yet.
    private var empty = true
    /// Where the bytes go once `chunkSize` of them are written: the JSON of a record is streamed
    /// out, not held whole (the record of a 50 MB notice is 136 MB of JSON).
    private let sink: (([UInt8]) -> Void)?
    private let chunkSize: Int

    package init(pretty: Bool, capacity: Int = 0) {
        self.pretty = pretty
        sink = nil
        chunkSize = .max
        self.capacity = max(capacity, 64)
        base = Self.allocate(self.capacity)
    }

    /// A writer that hands its bytes to `sink` in chunks of about `chunkSize`; `finish()` hands over the rest.
    package init(pretty: Bool, chunkSize: Int = 1 << 16, sink: @escaping ([UInt8]) -> Void) {
        self.pretty = pretty
        self.sink = sink
        self.chunkSize = chunkSize
        capacity = chunkSize + 1024
        base = Self.allocate(capacity)
    }

    deinit { free(base) }

    /// Memory for the bytes, from `malloc`, so that the buffer grows by `realloc`: in place where the heap
    /// has room after it, and a huge record's by moving its pages, not its bytes. (Grown by allocating
    /// anew and copying, the records' JSON was copied 4.5 M instructions' worth a thousand notices.)
    /// `JSONBytes` frees it.
    fileprivate static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        guard let memory = malloc(capacity) else { fatalError("out of memory for \(capacity) bytes of JSON") }
        return memory.assumingMemoryBound(to: UInt8.self)
    }

    /// The bytes written and not yet handed to a sink.
    package var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The JSON of `value` as UTF-8 bytes, and a line feed after it when `newline`.
    package static func bytes(
        of value: some JSONWritable, pretty: Bool, newline: Bool = false, capacity: Int = 4096
    ) -> [UInt8] {
        output(of: value, pretty: pretty, newline: newline, capacity: capacity).withUnsafeBytes { Array($0) }
    }

    /// What `bytes(of:pretty:newline:capacity:)` gives, in the writer's own buffer, handed over whole:
    /// copied into an array, a record's JSON was written twice (0.8% of a parse's instructions). The
    /// room at the start, 16 KB, holds the JSON of seven notices in eight; 4 KB was outgrown by
    /// nearly all of them, and each growth copied what was written.
    package static func output(
        of value: some JSONWritable, pretty: Bool, newline: Bool = false, capacity: Int = 16 << 10
    ) -> JSONBytes {
        var writer = JSONWriter(pretty: pretty, capacity: capacity)
        value.write(to: &writer)
        if newline { writer.append(byte: UInt8(ascii: "\n")) }
        return writer.takeBytes()
    }

    /// The bytes written, their buffer handed over; the writer is left empty, with a buffer of its own. The buffer
    /// is cut to the bytes first (in place: `realloc` to less splits the block): a record's JSON in the room that
    /// doubling left it held a third more memory than it is while it waited to be written, and the parse command
    /// holds some hundred of them (page faults of a run of `Benchmarks/bench.sh`'s 3,000 notices: 1,719 → 1,609 with
    /// runs of four files a task, 2,210 → 1,889 with the runs of `RunSchedule`).
    private mutating func takeBytes() -> JSONBytes {
        if count < capacity, let cut = realloc(base, Swift.max(count, 1)) {
            base = cut.assumingMemoryBound(to: UInt8.self)
        }
        let taken = JSONBytes(taking: base, count: count)
        capacity = 64
        base = Self.allocate(capacity)
        count = 0
        return taken
    }

    /// Writes the JSON of `value` to `sink` in chunks, then a line feed when `newline`.
    package static func stream(
        _ value: some JSONWritable, pretty: Bool, newline: Bool = true, chunkSize: Int = 1 << 16,
        to sink: @escaping ([UInt8]) -> Void
    ) {
        var writer = JSONWriter(pretty: pretty, chunkSize: chunkSize, sink: sink)
        value.write(to: &writer)
        if newline { writer.append(byte: UInt8(ascii: "\n")) }
        writer.finish()
    }

    /// Hands the bytes not handed over yet to the sink.
    package mutating func finish() {
        guard let sink, count > 0 else { return }
        sink(bytes)
        count = 0
    }

    // MARK: The buffer

    /// Room for `more` bytes after the ones written.
    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if capacity &- count < more { grow(toHold: more) }
    }

    @inline(never)
    private mutating func grow(toHold more: Int) {
        let newCapacity = max(capacity * 2, count + more)
        guard let grown = realloc(base, newCapacity) else {
            fatalError("out of memory for \(newCapacity) bytes of JSON")
        }
        base = grown.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    @inline(__always)
    private mutating func append(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    private mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let source = utf8.baseAddress else { return }
        reserve(utf8.count)
        (base + count).initialize(from: source, count: utf8.count)
        count &+= utf8.count
    }

    /// Copies `length` bytes from `source` to `target`: up to 16 bytes — a key or a literal, what `append(_:)`
    /// of a `StaticString` copies — with two loads and two stores that overlap as much as the length wants;
    /// longer runs through `memcpy`. (Each key and literal was a call to `memcpy` through the linker's table,
    /// some 70,000 on 300 notices: 1.5 M instructions. A string's bytes, of any length, still go to `memcpy`:
    /// copied here as well, they saved no more.)
    @inline(__always)
    static func copy(_ length: Int, bytesFrom source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        // (Tests one after another, not a switch: its table of jumps was an indirect branch, mispredicted more.)
        if length > 16 {
            target.initialize(from: source, count: length)
        } else if length >= 8 {
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: length - 8, as: UInt64.self)
        } else if length >= 4 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: length - 4, as: UInt32.self)
        } else if length > 0 {  // (the first, middle and last bytes: all of one to three)
            target[0] = source[0]
            target[length >> 1] = source[length >> 1]
            target[length - 1] = source[length - 1]
        }
    }

    // MARK: Containers

    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }

    /// Writes `key` and then `value`: keys in sorted order, each once. (Inlined, so that the key is
    /// copied with its length known: a call to `memcpy` for it and one for `":` were a fifth of a field.)
    @inline(__always)
    package mutating func field(_ key: StaticString, _ value: some JSONWritable) {
        separate()
        append("\"")
        append(key)
        append(pretty ? "\" : " : "\":")
        value.write(to: &self)
    }

    package mutating func array(_ elements: [some JSONWritable]) {
        open(UInt8(ascii: "["))
        // (Each element written where it stands, not copied out of the array: a section's copy is four
        // retains and four releases.)
        for index in elements.indices {
            separate()
            elements[index].write(to: &self)
        }
        close(UInt8(ascii: "]"))
    }

    private mutating func open(_ bracket: UInt8) {
        append(byte: bracket)
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty {
            append(byte: UInt8(ascii: "\n"))
            if empty { append(byte: UInt8(ascii: "\n")) }
            indent()
        }
        append(byte: bracket)
        empty = false  // the container just closed is an element of the one around it
    }

    /// Before an element or a key: the comma after the previous one, and the new line when pretty.
    /// (Inlined: it is asked before every element.)
    @inline(__always)
    private mutating func separate() {
        if count >= chunkSize { finish() }
        if !empty { append(byte: UInt8(ascii: ",")) }
        empty = false
        if pretty {
            append(byte: UInt8(ascii: "\n"))
            indent()
        }
    }

    private mutating func indent() {
        for _ in 0..<depth { append("  ") }
    }

    /// Appends the bytes of a literal, with no array made for them.
    @inline(__always)
    private mutating func append(_ text: StaticString) {
        let length = text.utf8CodeUnitCount
        reserve(length)
        Self.copy(length, bytesFrom: text.utf8Start, to: base + count)
        count &+= length
    }

    // MARK: Scalars

    package mutating func null() {
        append("null")
    }

    package mutating func bool(_ value: Bool) {
        append(value ? "true" : "false")
    }

    package mutating func integer(_ value: Int) {
        reserve(20)  // "-9223372036854775808"
        appendInteger(value)
    }

    /// A source span's object, `{"endColumn":…,"endLine":…,"startColumn":…,"startLine":…}` (the keys of
    /// its `Encodable` form, sorted). Compact, it is written in one reservation, each key with its
    /// punctuation one literal (spans are a third of a record's fields: 100,000 in 3,000 notices, at 880
    /// instructions each as four fields); pretty, as any object is.
    package mutating func span(endColumn: Int, endLine: Int, startColumn: Int, startLine: Int) {
        guard !pretty else {
            beginObject()
            field("endColumn", endColumn)
            field("endLine", endLine)
            field("startColumn", startColumn)
            field("startLine", startLine)
            endObject()
            return
        }
        reserve(53 + 4 * 20)  // the literals' 53 bytes, and four integers of up to 20 characters
        append("{\"endColumn\":")
        appendInteger(endColumn)
        append(",\"endLine\":")
        appendInteger(endLine)
        append(",\"startColumn\":")
        appendInteger(startColumn)
        append(",\"startLine\":")
        appendInteger(startLine)
        append(byte: UInt8(ascii: "}"))
        empty = false  // (as `endObject` leaves it: the object is an element of the container around it)
    }

    /// The digits of `value`, into room already reserved (`DecimalDigits`: counted by comparisons, written two at a
    /// time; a division a digit to count them and another to write each took half of a source span's writing).
    @inline(__always)
    private mutating func appendInteger(_ value: Int) {
        if value < 0 { append(byte: UInt8(ascii: "-")) }
        count += DecimalDigits.write(value.magnitude, to: base + count)
    }

    package mutating func string(_ value: String) {
        // (Read in place: `withUTF8` wants a variable, and the copy made for it was retained and released.)
        StringUTF8.withBytes(of: value) { appendQuoted($0) }
    }

    /// The string of the texts `forEach` hands over (each as its scalars, read where they stand) joined
    /// by `separator` (an ASCII byte), written as `string(_:)` writes the same text: encoded straight
    /// into the writer's bytes, not into a string made for it. Each text is encoded into room for its
    /// widest UTF-8 (four bytes a scalar) as it is read, and escaped there in the rare one that needs it;
    /// the separator is written escaped when JSON escapes it (a line feed, `\n`). (An escape is a byte's
    /// own, so the text escaped piece by piece is the text escaped whole: the whole text was copied out
    /// and escaped again whenever one byte, the line feed between two paragraphs most often, needed it.
    /// The texts handed over as scalars in place, not as lines: each paragraph of a section was a copy
    /// of its line, a retain and a release.)
    package mutating func string(
        joiningEach forEach: ((UnsafeBufferPointer<Unicode.Scalar>) -> Void) -> Void, separator: UInt8
    ) {
        append(byte: UInt8(ascii: "\""))
        var first = true
        forEach { scalars in
            if !first { appendEscaped(byte: separator) }
            first = false
            reserve(4 &* scalars.count)
            let start = count
            let buffer = UnsafeMutableBufferPointer(start: base, count: capacity)
            count = TextLine.encode(scalars, into: buffer, at: start)
            let written = UnsafeBufferPointer(start: base + start, count: count - start)
            if Self.mayNeedEscape(written) {
                let copy = Array(written)  // (escaping writes over the bytes it reads)
                count = start
                copy.withUnsafeBufferPointer { appendEscaped($0) }
            }
        }
        append(byte: UInt8(ascii: "\""))
    }

    /// `utf8` in quotes, escaped.
    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        append(byte: UInt8(ascii: "\""))
        appendEscaped(utf8)
        append(byte: UInt8(ascii: "\""))
    }

    /// Copies `source` to `target` up to its first byte that a JSON string escapes, and returns that byte's index
    /// (`source.count` when there is none). `target` must have room for `source.count + 16` bytes: up to sixteen past
    /// the index may be written over (`gw_json_copy_unescaped`).
    @inline(__always)
    static func copyUnescaped(_ source: UnsafeBufferPointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) -> Int {
        guard let start = source.baseAddress else { return 0 }
        return gw_json_copy_unescaped(target, start, source.count)
    }

    /// `utf8`, escaped: the runs between the bytes escaped copied whole, each up to the next byte to escape by a C
    /// loop that tests sixteen bytes as it copies them (`gw_json_copy_unescaped`), so that a string that needs no
    /// escape, most of them, is read once. (Tested whole first and then copied, the record's strings were read
    /// twice: the test was 1.2% of a parse's time. Read a byte at a time, the strings that hold an escape, mostly
    /// items' texts whose paragraphs are apart by line feeds, took 16 instructions a byte.)
    @inline(__always)
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let source = utf8.baseAddress else { return }
        var copied = 0
        while true {
            // (The copy may write up to sixteen bytes past what it copies: room for them.)
            reserve(utf8.count &- copied &+ 16)
            let plain = Self.copyUnescaped(
                UnsafeBufferPointer(start: source + copied, count: utf8.count &- copied), to: base + count)
            count &+= plain
            copied &+= plain
            guard copied < utf8.count else { return }
            appendEscaped(byte: utf8[copied])
            copied &+= 1
        }
    }

    /// `byte` as a JSON string writes it: itself, or its escape.
    private mutating func appendEscaped(byte: UInt8) {
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
            append(byte: byte)
            return
        }
        append(byte: UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(byte: byte)
        case 0x08: append(byte: UInt8(ascii: "b"))
        case 0x09: append(byte: UInt8(ascii: "t"))
        case 0x0A: append(byte: UInt8(ascii: "n"))
        case 0x0C: append(byte: UInt8(ascii: "f"))
        case 0x0D: append(byte: UInt8(ascii: "r"))
        default:  // below 0x20: \u00 and two lower-case hex digits
            let low = byte & 0xF
            append("u00")
            append(byte: UInt8(ascii: "0") + byte >> 4)
            append(byte: low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10)
        }
    }
}

/// JSON written by a `JSONWriter`: its buffer, handed over when the writing was done, and freed with this.
package final class JSONBytes: @unchecked Sendable {  // (the bytes are never changed once handed over)
    private let base: UnsafeMutablePointer<UInt8>
    package let count: Int

    fileprivate init(taking base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// A copy of `bytes` (the parse command's summary text, which goes out where records' JSON does).
    package convenience init(copying bytes: [UInt8]) {
        let base = JSONWriter.allocate(max(bytes.count, 1))
        bytes.withUnsafeBufferPointer {
            if let source = $0.baseAddress { base.initialize(from: source, count: $0.count) }
        }
        self.init(taking: base, count: bytes.count)
    }

    deinit { free(base) }  // (a `JSONWriter`'s memory, from `malloc`)

    package func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }
}

extension JSONWriter {
    /// Whether some byte is below 0x20, a quote or a backslash: the bytes tested in blocks of 64 by a C
    /// loop that clang vectorizes (`gw_json_needs_escape`). Tested eight at a time in a word here, the
    /// bytes of the record's strings took two instructions each, a fiftieth of a parse; Swift's SIMD
    /// types compiled to a lane at a time.
    static func mayNeedEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        return gw_json_needs_escape(base, utf8.count) != 0
    }
}

// MARK: - The building blocks

extension String: JSONWritable {
    package func write(to json: inout JSONWriter) { json.string(self) }
}

extension Int: JSONWritable {
    package func write(to json: inout JSONWriter) { json.integer(self) }
}

extension Bool: JSONWritable {
    package func write(to json: inout JSONWriter) { json.bool(self) }
}

extension Optional: JSONWritable where Wrapped: JSONWritable {
    package func write(to json: inout JSONWriter) {
        if let value = self { value.write(to: &json) } else { json.null() }
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    package func write(to json: inout JSONWriter) { json.array(self) }
}

/// A string-valued enumeration writes its raw value, as `Encodable` encodes it.
extension JSONWritable where Self: RawRepresentable, RawValue == String {
    package func write(to json: inout JSONWriter) { json.string(rawValue) }
}
