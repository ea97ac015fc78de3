#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibXML2

/// Builds a `Document` from SAX events: append-only flat arrays, an explicit stack of open
/// elements (no recursion), adjacent text chunks merged into one text node.
///
/// The SAX callbacks run for every element of every page, so lengths of libxml2's
/// NUL-terminated names and values are taken with libc's vectorised `strlen`, not a byte loop.
/// It is a struct that `HTMLParser` keeps in memory it allocates for the parse: the callbacks
/// reach it through that pointer, so its arrays are not class properties whose every access
/// Swift checks for exclusivity at run time (those checks were 6 % of a full clean).
struct DocumentBuilder {
    private var nodes: TrivialBuffer<Document.Node>
    private var text: TrivialBuffer<UInt8>
    private var attributes: TrivialBuffer<Document.Attribute>
    private var attributeBytes: TrivialBuffer<UInt8>
    /// Open elements: (node id, id of its last child or -1).
    private var stack: TrivialBuffer<(id: Int32, lastChild: Int32)>

    /// Work units charged for libxml2's parser errors so far, and the most the page may spend
    /// on them (see `chargeParserError`).
    var parserErrorUnits = 0
    var parserErrorLimit = Int.max
    /// Set when the parse was stopped because `parserErrorLimit` was reached.
    var stoppedEarly = false

    /// The prepass input and its token table (`Prepass.ValueTokens`): values arriving as tokens
    /// are copied from there. Nil when the bytes hold no tokens.
    var tokenSource: UnsafePointer<UInt8>? = nil
    var tokenRanges = UnsafeBufferPointer<Int32>(start: nil, count: 0)
    /// The next token of `tokenRanges` not yet matched (index of its first entry).
    private var tokenCursor = 0
    /// The parser, whose input position tells which tag an element's tokens belong to.
    var parser: htmlParserCtxtPtr? = nil

    /// Charges one parser error: for most errors (an end tag that matches no open element)
    /// libxml2 scans its whole stack of open elements, so the error costs the depth. False once
    /// the page has spent its limit: the caller stops the parser.
    mutating func chargeParserError() -> Bool {
        parserErrorUnits &+= stack.count
        return parserErrorUnits < parserErrorLimit
    }

    /// Bytes of page per node, per text byte and per attribute value byte, used only to size
    /// the buffers up front.
    private static let bytesPerNodeEstimate = 48
    private static let bytesPerTextByteEstimate = 2
    private static let bytesPerAttributeByteEstimate = 8
    /// Bytes of page per kept attribute, used only to size the buffer up front.
    private static let bytesPerAttributeEstimate = 64

    /// Tags and attribute names by the address of the name libxml2 hands over: it interns names
    /// in the parser's dictionary, which lives as long as the parse, so one address is one name.
    private var tagCache = NameCache()
    private var attributeCache = NameCache()

    init(expectedBytes: Int) {
        let estimate = expectedBytes / DocumentBuilder.bytesPerNodeEstimate + 16
        nodes = TrivialBuffer(capacity: estimate)
        text = TrivialBuffer(capacity: expectedBytes / DocumentBuilder.bytesPerTextByteEstimate)
        attributeBytes = TrivialBuffer(capacity: expectedBytes / DocumentBuilder.bytesPerAttributeByteEstimate)
        stack = TrivialBuffer(capacity: 64)
        attributes = TrivialBuffer(capacity: expectedBytes / DocumentBuilder.bytesPerAttributeEstimate + 16)
        nodes.append(Document.Node(tag: .root, parent: -1, firstChild: -1, nextSibling: -1, end: 0, start: 0, count: 0))
        stack.append((0, -1))
    }

    /// Appends a node as the last child of the current element and returns its id.
    @inline(__always)
    private mutating func append(_ node: Document.Node) -> Int32 {
        let id = Int32(truncatingIfNeeded: nodes.count)
        var top = stack[stack.count - 1]
        var node = node
        node.parent = top.id
        nodes.append(node)
        if top.lastChild >= 0 {
            nodes[Int(top.lastChild)].nextSibling = id
        } else {
            nodes[Int(top.id)].firstChild = id
        }
        top.lastChild = id
        stack[stack.count - 1] = top
        return id
    }

    /// The tag named by `name` (a name from libxml2's dictionary).
    @inline(__always)
    private mutating func tag(_ name: UnsafePointer<UInt8>) -> Tag {
        if let raw = tagCache[name], let tag = Tag(rawValue: raw) { return tag }
        let tag = Tag(name: UnsafeBufferPointer(start: name, count: cStringLength(name)))
        tagCache[name] = tag.rawValue
        return tag
    }

    /// The kept attribute named by `name` (a name from libxml2's dictionary), if it is one.
    @inline(__always)
    private mutating func attributeName(_ name: UnsafePointer<UInt8>) -> AttributeName? {
        if let raw = attributeCache[name] { return AttributeName(rawValue: raw) }
        let known = AttributeName.lookup(name)
        attributeCache[name] = known?.rawValue ?? NameCache.none
        return known
    }

    mutating func start(name: UnsafePointer<UInt8>, attributes atts: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        let tag = tag(name)
        let attrStart = Int32(truncatingIfNeeded: attributes.count)
        /// Where libxml2's input is (the tag's end), once a token asks for it.
        var tagEnd = -1
        if tokenCursor < tokenRanges.count, let source = tokenSource, let parser {
            // The attributes of a tag handed over whole (`Prepass.ValueTokens`).
            tagEnd = xmlByteConsumed(parser)
            let stride = Prepass.ValueTokens.stride
            while tokenCursor < tokenRanges.count, Int(tokenRanges[tokenCursor + 2]) < tagEnd { tokenCursor += stride }
            while tokenCursor < tokenRanges.count, Int(tokenRanges[tokenCursor + 2]) == tagEnd,
                  let name = AttributeName(rawValue: UInt8(truncatingIfNeeded: tokenRanges[tokenCursor + 3])),
                  tokenRanges[tokenCursor + 3] >= 0 {
                let valueStart = Int32(truncatingIfNeeded: attributeBytes.count)
                let length = Int(tokenRanges[tokenCursor + 1])
                attributeBytes.append(source + Int(tokenRanges[tokenCursor]), length)
                attributes.append(Document.Attribute(name: name, start: valueStart, length: Int32(truncatingIfNeeded: length)))
                tokenCursor += stride
            }
        }
        if let atts {
            var k = 0
            while let attrName = atts[k] {
                if let known = attributeName(attrName) {
                    let valueStart = Int32(truncatingIfNeeded: attributeBytes.count)
                    if let value = atts[k + 1] {
                        if value[0] == Prepass.ValueTokens.marker, value[1] == 0, let source = tokenSource,
                           let range = nextToken(at: &tagEnd) {
                            attributeBytes.append(source + range.start, range.count)
                        } else {
                            attributeBytes.append(value, cStringLength(value))
                        }
                    }
                    let valueLength = Int32(truncatingIfNeeded: attributeBytes.count) - valueStart
                    attributes.append(Document.Attribute(name: known, start: valueStart, length: valueLength))
                }
                k += 2
            }
        }
        let count = Int32(truncatingIfNeeded: attributes.count) - attrStart
        let id = append(Document.Node(tag: tag, parent: 0, firstChild: -1, nextSibling: -1, end: 0,
                                      start: attrStart, count: count))
        if tag.traits.contains(.void) {
            nodes[Int(id)].end = id + 1
        } else {
            stack.append((id, -1))
        }
    }

    /// The value of the next token reported with libxml2's input at `position` (read from the
    /// parser when negative), or nil when there is none left there.
    @inline(__always)
    private mutating func nextToken(at position: inout Int) -> (start: Int, count: Int)? {
        if position < 0, let parser { position = xmlByteConsumed(parser) }
        let stride = Prepass.ValueTokens.stride
        while tokenCursor < tokenRanges.count, Int(tokenRanges[tokenCursor + 2]) < position { tokenCursor += stride }
        guard tokenCursor < tokenRanges.count, Int(tokenRanges[tokenCursor + 2]) == position,
              tokenRanges[tokenCursor + 3] < 0 else { return nil }
        defer { tokenCursor += stride }
        return (Int(tokenRanges[tokenCursor]), Int(tokenRanges[tokenCursor + 1]))
    }

    mutating func end(name: UnsafePointer<UInt8>) {
        let tag = tag(name)
        if tag.traits.contains(.void) { return }
        // Close up to the innermost open element with this tag; ignore a stray end tag.
        var depth = stack.count - 1
        while depth > 0, nodes[Int(stack[depth].id)].tag != tag { depth -= 1 }
        guard depth > 0 else { return }
        let end = Int32(truncatingIfNeeded: nodes.count)
        while stack.count > depth {
            nodes[Int(stack.removeLast().id)].end = end
        }
    }

    mutating func characters(_ chars: UnsafeBufferPointer<UInt8>) {
        var chars = chars
        if chars.count == 1, chars[0] == Prepass.ValueTokens.textMarker || chars[0] == Prepass.ValueTokens.blankMarker,
           let source = tokenSource {
            var position = -1
            if let range = nextToken(at: &position) {
                chars = UnsafeBufferPointer(start: source + range.start, count: range.count)
            }
        }
        let top = stack[stack.count - 1]
        let last = top.lastChild
        if last >= 0, Int(last) == nodes.count - 1, nodes[Int(last)].tag == .text {
            text.append(chars.baseAddress!, chars.count)
            nodes[Int(last)].count += Int32(truncatingIfNeeded: chars.count)
            return
        }
        let start = Int32(truncatingIfNeeded: text.count)
        text.append(chars.baseAddress!, chars.count)
        let id = append(Document.Node(tag: .text, parent: 0, firstChild: -1, nextSibling: -1, end: 0,
                                      start: start, count: Int32(truncatingIfNeeded: chars.count)))
        nodes[Int(id)].end = id + 1
    }

    mutating func finish(jsonLD: [String], charset: String) -> Document {
        let end = Int32(truncatingIfNeeded: nodes.count)
        while stack.count > 0 {
            nodes[Int(stack.removeLast().id)].end = end
        }
        stack.free()
        var document = Document(nodes: nodes.take(), textBytes: text.take(), attributes: attributes.take(), attributeBytes: attributeBytes.take(),
                                jsonLD: jsonLD, charset: charset)
        document.parseStoppedEarly = stoppedEarly
        return document
    }
}

/// A direct-mapped cache from a name's address to a byte (`DocumentBuilder`'s interned names).
struct NameCache {
    /// Entries; a power of two.
    private static let slots = 256
    /// The value stored for "not a kept name".
    static let none: UInt8 = 0xFF

    private var keys = [UInt](repeating: 0, count: NameCache.slots)
    private var values = [UInt8](repeating: 0, count: NameCache.slots)

    @inline(__always)
    private static func slot(_ address: UInt) -> Int {
        Int(truncatingIfNeeded: (address ^ (address >> 8)) & UInt(slots - 1))
    }

    subscript(name: UnsafePointer<UInt8>) -> UInt8? {
        @inline(__always) get {
            let address = UInt(bitPattern: name)
            let slot = NameCache.slot(address)
            return keys[slot] == address ? values[slot] : nil
        }
        @inline(__always) set {
            let address = UInt(bitPattern: name)
            let slot = NameCache.slot(address)
            keys[slot] = address
            values[slot] = newValue ?? NameCache.none
        }
    }
}

/// The length of a NUL-terminated byte string (libc's SIMD `strlen`).
@inline(__always)
func cStringLength(_ bytes: UnsafePointer<UInt8>) -> Int {
    bytes.withMemoryRebound(to: CChar.self, capacity: 1) { strlen($0) }
}
