#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Our compact, immutable parse of a page: nodes in flat arrays, text as UTF-8 bytes.
///
/// Nodes are stored in document (pre-)order, so node `n`'s subtree is the id range
/// `n ..< subtreeEnd(n)`: walking forward visits every node once, jumping to `subtreeEnd`
/// skips a subtree, and walking backward visits children before their parents. Nothing is
/// recursive, so a page nested 100 000 deep costs nothing special.
///
/// ```swift
/// let doc = try Cleaner().parse(html: Array("<p class=x>Hi</p>".utf8))
/// for id in doc.nodeIDs where doc.tag(id) == .p { print(doc.attribute(.class, of: id) ?? "") }
/// ```
package struct Document: Sendable {
    /// A node's index in the document; 0 is the root.
    package typealias NodeID = Int

    struct Node: BitwiseCopyable {
        var tag: Tag
        var parent: Int32
        var firstChild: Int32
        var nextSibling: Int32
        var end: Int32
        /// Text nodes: start of the text in `textBytes`; elements: first attribute index.
        var start: Int32
        /// Text nodes: text length in bytes; elements: attribute count.
        var count: Int32
    }

    struct Attribute: BitwiseCopyable {
        var name: AttributeName
        var start: Int32
        var length: Int32
    }

    var nodes: [Node]
    var textBytes: [UInt8]
    var attributes: [Attribute]
    var attributeBytes: [UInt8]

    /// The bodies of `<script type="application/ld+json">` blocks, kept aside before parsing.
    package internal(set) var jsonLD: [String]
    /// The charset the page was decoded from (canonical lowercase name).
    package internal(set) var charset: String
    /// True when the parse was stopped before the end of the page because its parser errors
    /// cost more than the page's work limit (see `HTMLParser.parse`): the nodes are what was
    /// read until then.
    package internal(set) var parseStoppedEarly = false

    /// The number of nodes, root included.
    package var count: Int { nodes.count }
    /// All node ids in document order.
    package var nodeIDs: Range<Int> { 0..<nodes.count }
    /// The root node's id.
    package var root: NodeID { 0 }

    /// The element name of a node (`.text` for text nodes, `.root` for the root).
    @inline(__always) package func tag(_ id: NodeID) -> Tag { nodes[id].tag }
    /// The parent of a node, `nil` for the root.
    @inline(__always) package func parent(_ id: NodeID) -> NodeID? {
        let p = nodes[id].parent
        return p < 0 ? nil : Int(p)
    }
    /// One past the last node of `id`'s subtree.
    @inline(__always) package func subtreeEnd(_ id: NodeID) -> NodeID { Int(nodes[id].end) }
    /// The first child of a node.
    @inline(__always) package func firstChild(_ id: NodeID) -> NodeID? {
        let c = nodes[id].firstChild
        return c < 0 ? nil : Int(c)
    }
    /// The next sibling of a node.
    @inline(__always) package func nextSibling(_ id: NodeID) -> NodeID? {
        let s = nodes[id].nextSibling
        return s < 0 ? nil : Int(s)
    }
    /// The children of a node, in order.
    package func children(_ id: NodeID) -> [NodeID] {
        var out: [NodeID] = []
        var c = nodes[id].firstChild
        while c >= 0 {
            out.append(Int(c))
            c = nodes[Int(c)].nextSibling
        }
        return out
    }

    /// The ids of the elements tagged `first` or `second`, in document order (one pass over the nodes).
    package func ids(tagged first: Tag, _ second: Tag) -> [NodeID] {
        nodes.withUnsafeBufferPointer { all in
            var found: [NodeID] = []
            for id in all.indices where all[id].tag == first || all[id].tag == second { found.append(id) }
            return found
        }
    }

    /// The raw UTF-8 bytes of a text node (empty for elements).
    @inline(__always) func textRange(_ id: NodeID) -> Range<Int> {
        let n = nodes[id]
        guard n.tag == .text else { return 0..<0 }
        return Int(n.start)..<Int(n.start + n.count)
    }

    /// The raw text of a text node.
    package func rawText(_ id: NodeID) -> String {
        String(decoding: textBytes[textRange(id)], as: UTF8.self)
    }

    /// The bytes of an attribute's value, if the element has it.
    @inline(__always) func attributeRange(_ name: AttributeName, of id: NodeID) -> Range<Int>? {
        let n = nodes[id]
        guard n.tag != .text, n.count > 0 else { return nil }
        var i = Int(n.start)
        let end = i + Int(n.count)
        while i < end {
            let a = attributes[i]
            if a.name == name { return Int(a.start)..<Int(a.start + a.length) }
            i += 1
        }
        return nil
    }

    /// An attribute's value, if the element has it (only the attributes in `AttributeName` are kept).
    package func attribute(_ name: AttributeName, of id: NodeID) -> String? {
        guard let r = attributeRange(name, of: id) else { return nil }
        return String(decoding: attributeBytes[r], as: UTF8.self)
    }

    /// The text of a subtree with whitespace collapsed to single spaces, trimmed.
    package func text(of id: NodeID) -> String {
        var out = TextAccumulator()
        var i = id
        let end = subtreeEnd(id)
        while i < end {
            let n = nodes[i]
            if n.tag == .text {
                out.append(textBytes, Int(n.start)..<Int(n.start + n.count))
            } else if n.tag.traits.contains(.block) {
                out.space()
            }
            i += 1
        }
        return out.string
    }
}

/// The attributes kept while parsing: the ones scoring, metadata and rendering need.
package enum AttributeName: UInt8, Sendable, CaseIterable, BitwiseCopyable {
    case `class`, id, role, itemprop, itemtype, itemscope, href, src, alt, lang, datetime, content
    case name, property, rel, hidden, ariaHidden, style, type, title, dataSrc, srcset, colspan
    case ariaLabel, dataTestid

    /// The attribute's name as written in HTML. Spelled out per case: `String(describing:)`
    /// goes through reflection, which cost the first call (the prepass's table) 3 M instructions.
    package var htmlName: String {
        switch self {
        case .ariaHidden: return "aria-hidden"
        case .ariaLabel: return "aria-label"
        case .dataSrc: return "data-src"
        case .dataTestid: return "data-testid"
        case .class: return "class"
        case .id: return "id"
        case .role: return "role"
        case .itemprop: return "itemprop"
        case .itemtype: return "itemtype"
        case .itemscope: return "itemscope"
        case .href: return "href"
        case .src: return "src"
        case .alt: return "alt"
        case .lang: return "lang"
        case .datetime: return "datetime"
        case .content: return "content"
        case .name: return "name"
        case .property: return "property"
        case .rel: return "rel"
        case .hidden: return "hidden"
        case .style: return "style"
        case .type: return "type"
        case .title: return "title"
        case .srcset: return "srcset"
        case .colspan: return "colspan"
        }
    }

    /// Looks up an attribute name given as lowercase NUL-terminated bytes.
    ///
    /// Most attribute names on a page are not kept (`data-*`, `onclick`, `target` …), so the
    /// name's length and first byte pick at most a couple of candidates before any comparison.
    @inline(__always)
    static func lookup(_ name: UnsafePointer<UInt8>) -> AttributeName? {
        let length = cStringLength(name)
        guard length <= AttributeName.longestName else { return nil }
        let table = AttributeName.byLengthAndFirstByte
        for candidate in table[length &* AttributeName.firstByteCount &+ Int(name[0])] {
            if memcmp(name, candidate.bytes, length) == 0 { return candidate.name }
        }
        return nil
    }

    /// Number of distinct first bytes, the inner dimension of the lookup table.
    private static let firstByteCount = 256
    /// The length of the longest kept attribute name.
    private static let longestName = AttributeName.allCases.map { $0.htmlName.utf8.count }.max() ?? 0

    /// Candidates by `length * 256 + first byte`.
    private static let byLengthAndFirstByte: [[(name: AttributeName, bytes: [UInt8])]] = {
        var table = [[(name: AttributeName, bytes: [UInt8])]](repeating: [], count: (longestName + 1) * firstByteCount)
        for a in AttributeName.allCases {
            let bytes = Array(a.htmlName.utf8)
            table[bytes.count * firstByteCount + Int(bytes[0])].append((a, bytes))
        }
        return table
    }()
}

/// Collects text, collapsing runs of whitespace (ASCII and U+3000) to single spaces.
struct TextAccumulator {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false

    /// Notes a break between words (a block boundary or whitespace).
    @inline(__always) mutating func space() {
        if !bytes.isEmpty { pendingSpace = true }
    }

    /// Appends a range of UTF-8 bytes.
    ///
    /// The bytes are copied in one block (room for a pending space first) and collapsed in
    /// place: the write index never passes the read index, so no byte is appended one by one.
    mutating func append(_ source: [UInt8], _ range: Range<Int>) {
        if range.isEmpty { return }
        let base = bytes.count
        bytes.append(0)                                         // room for a pending space
        source.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
        var pending = pendingSpace
        let written = bytes.withUnsafeMutableBufferPointer { buf -> Int in
            var w = base
            Whitespace.collapse(buf.baseAddress!, from: base + 1, to: buf.count, into: buf.baseAddress!, count: &w, pending: &pending)
            return w
        }
        bytes.removeLast(bytes.count - written)
        pendingSpace = pending
    }

    /// Empties the text, keeping the buffer for the next one (as a new accumulator would be).
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
    }

    var isEmpty: Bool { bytes.isEmpty }
    var string: String { String(decoding: bytes, as: UTF8.self) }
}
