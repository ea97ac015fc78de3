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
/// if texts.byteCount(of: id) <= limit { print(texts.text(of: id)) }
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
                                if node.tag == .text {
                                    var j = Int(node.start)
                                    let end = j + Int(node.count)
                                    while j < end {
                                        let b = src[j]
                                        let gap = Whitespace.gapLength(at: j, src, end)
                                        if gap > 0 {
                                            if n > 0 { pending = true }
                                            j += gap
                                            continue
                                        }
                                        if pending {
                                            out[n] = 0x20
                                            n += 1
                                            pending = false
                                        }
                                        out[n] = b
                                        n += 1
                                        j += 1
                                    }
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

    /// The UTF-8 length of `Document.text(of: id)`, in O(1).
    func byteCount(of id: Int) -> Int { range(of: id).count }

    /// `Document.text(of: id)`, copied from the shared text (O(length)).
    func text(of id: Int) -> String { String(decoding: bytes[range(of: id)], as: UTF8.self) }

    /// `Document.text(of: id)` when it has at most `limit` UTF-8 bytes, else nil (O(1) then).
    func text(of id: Int, limit: Int) -> String? {
        let r = range(of: id)
        return r.count <= limit ? String(decoding: bytes[r], as: UTF8.self) : nil
    }
}
