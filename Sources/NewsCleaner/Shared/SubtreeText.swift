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
        var out = TextAccumulator()
        var starts = [Int32](repeating: 0, count: doc.count + 1)
        var i = 0
        while i < doc.count {
            starts[i] = Int32(out.bytes.count)
            let n = doc.nodes[i]
            if n.tag == .text {
                out.append(doc.textBytes, Int(n.start)..<Int(n.start + n.count))
            } else if n.tag.traits.contains(.block) {
                out.space()
            }
            i += 1
        }
        starts[doc.count] = Int32(out.bytes.count)
        self.starts = starts
        self.ends = doc.nodes.map(\.end)
        self.bytes = out.bytes
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
