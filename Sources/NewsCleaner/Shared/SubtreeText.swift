/// The collapsed text of every subtree, built in one pass: a side table indexed by node id.
///
/// `Document.text(of:)` walks a subtree and copies its text; asking it for every heading or
/// byline of a page whose elements nest (`<h2>…<div><h2>…`) walks and copies the same text once
/// per ancestor, quadratic in time and memory. Here the whole page's text is collapsed once and
/// each node records where its subtree starts in it, so a subtree's length is O(1) and its text
/// one slice, equal byte for byte to `Document.text(of:)`.
///
/// ```swift
/// let texts = SubtreeText(document)
/// if let heading = texts.text(of: id, limit: 4096) { print(heading) }   // nil when longer (O(1))
/// ```
struct SubtreeText {
    /// The page's text, whitespace collapsed the way `Document.text(of:)` collapses it.
    private let bytes: [UInt8]
    /// `starts[id]`: the length of `bytes` before node `id` was added; `starts[count]` is the end.
    private let starts: [Int32]
    private let ends: [Int32]

    init(_ doc: Document) {
        // `TextAccumulator`'s collapsing, written straight into one buffer: every output byte is
        // a text byte or a space standing for at least one unwritten space byte or block start,
        // so the text bytes plus the node count bound the length.
        let count = doc.count
        var starts = [Int32](repeating: 0, count: count + 1)
        var ends = [Int32](repeating: 0, count: count)
        var total = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: doc.textBytes.count + count + 1) { out, initialized in
            var n = 0
            var pending = false
            doc.textBytes.withUnsafeBufferPointer { src in
                doc.nodes.withUnsafeBufferPointer { nodes in
                    starts.withUnsafeMutableBufferPointer { starts in
                        ends.withUnsafeMutableBufferPointer { ends in
                            for i in 0..<count {
                                starts[i] = Int32(n)
                                let node = nodes[i]
                                ends[i] = node.end
                                if node.tag == .text, node.count > 0 {
                                    let start = Int(node.start)
                                    Whitespace.collapse(src.baseAddress!, from: start, to: start + Int(node.count),
                                                        into: out.baseAddress!, count: &n, pending: &pending)
                                } else if node.tag.traits.contains(.block) {
                                    if n > 0 { pending = true }
                                }
                            }
                        }
                    }
                }
            }
            initialized = n
            total = n
        }
        starts[count] = Int32(total)
        self.starts = starts
        self.ends = ends
        self.bytes = bytes
    }

    /// The byte range of `id`'s text in `bytes`. Inside the page a subtree's text may start with
    /// the one space that separates it from the text before; `Document.text(of:)` has none.
    private func range(of id: Int) -> Range<Int> {
        var lower = Int(starts[id])
        let upper = Int(starts[Int(ends[id])])
        if lower < upper, bytes[lower] == 0x20 { lower += 1 }
        return lower..<upper
    }

    /// `Document.text(of: id)`, copied from the shared text (O(length)).
    func text(of id: Int) -> String { String(decoding: bytes[range(of: id)], as: UTF8.self) }

    /// `Document.text(of: id)` when it has at most `limit` UTF-8 bytes, else nil (O(1) then).
    func text(of id: Int, limit: Int) -> String? {
        let r = range(of: id)
        return r.count <= limit ? String(decoding: bytes[r], as: UTF8.self) : nil
    }
}

/// What `SubtreeText` answers, read on demand: most pages ask for the text of a few subtrees that
/// do not nest (`<title>`, the headings), and collapsing the whole page's text for them costs
/// more than reading them.
///
/// Asked in document order (as `PageScan` asks), a subtree after every subtree read so far is
/// read from the document, and the read stops once past the limit asked. The first subtree asked
/// that overlaps one read before (nested `itemprop` elements) builds the `SubtreeText`, which
/// answers from then on. The direct reads never read a node twice, so the cost stays linear in the
/// page whatever it asks; the answers are `SubtreeText`'s, byte for byte (`Document.text(of:)`).
///
/// ```swift
/// var texts = LazySubtreeText(document)
/// let heading = texts.text(of: id, limit: 4096)
/// ```
struct LazySubtreeText {
    private let doc: Document
    private var built: SubtreeText?
    /// Nodes before this one have been read (or passed over) by a direct read.
    private var readEnd = 0
    /// The last node read directly, its text (nil: longer than `limit`) and the limit it was read with.
    private var last: (id: Int, text: String?, limit: Int)?

    /// Reads `doc` on demand, or answers from `built` when the caller has it already.
    init(_ doc: Document, built: SubtreeText? = nil) {
        self.doc = doc
        self.built = built
    }

    /// `SubtreeText.text(of: id, limit: limit)`.
    mutating func text(of id: Int, limit: Int = .max) -> String? {
        if let built { return built.text(of: id, limit: limit) }
        if let last, last.id == id {
            if let text = last.text { return text.utf8.count <= limit ? text : nil }
            if limit <= last.limit { return nil }
        } else if id >= readEnd {
            return read(id, limit: limit)
        }
        let texts = SubtreeText(doc)
        built = texts
        return texts.text(of: id, limit: limit)
    }

    /// `Document.text(of: id)`, or nil as soon as it holds more than `limit` bytes (the collapsed
    /// text only grows as nodes are added, so it would end longer too).
    private mutating func read(_ id: Int, limit: Int) -> String? {
        var out = TextAccumulator()
        var i = id
        let end = doc.subtreeEnd(id)
        let textBytes = doc.textBytes
        while i < end {
            let node = doc.nodes[i]
            i += 1
            if node.tag == .text {
                out.append(textBytes, Int(node.start)..<Int(node.start + node.count))
                if out.bytes.count > limit {
                    readEnd = max(readEnd, i)
                    last = (id, nil, limit)
                    return nil
                }
            } else if node.tag.traits.contains(.block) {
                out.space()
            }
        }
        readEnd = max(readEnd, end)
        let text = out.string
        last = (id, text, limit)
        return text
    }
}
