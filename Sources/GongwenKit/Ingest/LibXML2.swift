import CHTML
import Foundation

/// libxml2's HTML parser, through the CHTML facade (libxml2's own headers bring the system ICU's types,
/// which clash with Foundation's): the one Swift file that calls it. A parsed document is owned by a
/// `Document` and freed with it; its nodes are read while it lives.
enum LibXML2 {
    final class Document {
        private let pointer: UnsafeMutableRawPointer

        /// Parses UTF-8 HTML as libxml2's htmlReadMemory does, recovering from errors, with no network
        /// and no error output; nil when libxml2 made no document of it. Shorter than 2 GiB.
        init?(utf8 bytes: ArraySlice<UInt8>) {
            precondition(bytes.count < Int(Int32.max), "libxml2 reads fewer than 2 GiB")
            let parsed = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { gw_html_parse($0.baseAddress, Int32($0.count)) }
            }
            guard let parsed else { return nil }
            pointer = parsed
            isLarge = bytes.count >= Self.largePage
        }

        /// From this size on, the memory of a freed document is handed back to the system at once: its
        /// tree, ten times the page, stayed resident in malloc's free lists, and the rest of the parse
        /// added to it (a 50 MB page peaked at 813 MB resident for a heap of 598 MB).
        static let largePage = 4 << 20
        private let isLarge: Bool

        deinit { gw_html_free(pointer, isLarge ? 1 : 0) }

        /// The root element, or nil.
        var root: Node? { gw_html_root(pointer).map(Node.init) }
    }

    /// A node of a document; valid while its `Document` lives.
    struct Node {
        enum Kind {
            case element
            /// Text or CDATA.
            case text
            case other
        }

        fileprivate let pointer: UnsafeMutableRawPointer

        var kind: Kind {
            switch gw_node_kind(pointer) {
            case .element: .element
            case .text: .text
            case .other: .other
            }
        }

        /// An element's name as libxml2 holds it (lowercase for HTML); nil for other nodes.
        var name: String? { gw_node_name(pointer).map { String(cString: $0) } }

        /// The name's bytes as libxml2 holds them (no string made), or nil.
        var nameBytes: UnsafeBufferPointer<UInt8>? {
            gw_node_name(pointer).map { name in
                UnsafeBufferPointer(
                    start: UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self), count: strlen(name))
            }
        }

        /// Appends a text node's text to `scalars` (its UTF-8 decoded as `String(cString:)` decodes it); false,
        /// and nothing appended, for other nodes.
        func appendText(to scalars: inout [Unicode.Scalar]) -> Bool {
            guard let text = gw_node_text(pointer) else { return false }
            let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
            Transcoding.append(utf8: UnsafeBufferPointer(start: bytes, count: strlen(text)), to: &scalars)
            return true
        }

        /// The source line libxml2 recorded (for text, the line where the text ends).
        var line: Int { Int(gw_node_line(pointer)) }

        /// The last child and the previous sibling, for walking children from the last without a list.
        var lastChild: Node? { gw_node_last_child(pointer).map(Node.init) }
        var previous: Node? { gw_node_previous(pointer).map(Node.init) }

        /// The element and text nodes of the subtree, this one included, and the characters of its text.
        var subtreeCount: (nodes: Int, textScalars: Int) {
            var scalars: Int64 = 0
            let nodes = gw_node_subtree_count(pointer, &scalars)
            return (Int(nodes), Int(scalars))
        }

        /// The value of an element's attribute, or nil.
        func attribute(_ name: String) -> String? {
            guard let value = gw_node_attribute(pointer, name) else { return nil }
            defer { gw_html_release(value) }
            return String(cString: value)
        }
    }
}
