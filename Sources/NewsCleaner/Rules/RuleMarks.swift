/// What a user rule can say about an element.
enum RuleKind: UInt8, Sendable, Equatable {
    /// The element and its subtree are boilerplate.
    case drop
    /// The element is (part of) the article container.
    case content
    /// The element and its subtree are never dropped by the engine's filters.
    case keep
}

/// The rule decisions for one page: a per-node side table the engine hooks read.
///
/// Precedence (the same rules the `Rules` documentation states):
/// - On one element, `keep` and `content` both beat `drop`; `keep` and `content` combine.
/// - `drop` is final for its subtree: nothing inside a dropped element is kept, used as a
///   container or even looked at.
/// - `content`: the outermost matched elements (not inside a dropped one) become the container
///   roots, in document order; the engine's removals still apply inside them, but never to a
///   root itself.
/// - `keep`: the element, its subtree and its ancestors are shielded from the engine's removal
///   view (vocabulary, landmark tags), and blocks whose text lies inside it pass every block
///   filter. Invisible elements (hidden, form controls, media) stay invisible. `keep` does not
///   pick the container: a kept element outside the chosen container is not output.
///
/// ```swift
/// let marks = try Rules(drop: [".ranking"], content: []).resolved(forURL: nil).marks(for: doc)
/// marks.contentRoots   // []
/// ```
struct RuleMarks: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// A `drop` selector decided this element (and so its subtree).
        static let drop = Flags(rawValue: 1 << 0)
        /// A `content` selector matched this element.
        static let content = Flags(rawValue: 1 << 1)
        /// A `keep` selector matched this element.
        static let keep = Flags(rawValue: 1 << 2)
        /// The element is kept or inside a kept element: block filters do not apply.
        static let inKeep = Flags(rawValue: 1 << 3)
        /// The engine's removal view must not remove this element (kept, inside or above a kept one).
        static let shielded = Flags(rawValue: 1 << 4)
        /// An outermost `content` element: one of the forced container roots.
        static let contentRoot = Flags(rawValue: 1 << 5)
    }

    /// Flags by node id.
    var flags: [Flags]
    /// The `drop` selector (as written) that removed each dropped element.
    var dropSelectors: [Int: String]
    /// The forced container roots in document order (empty: the engine chooses).
    var contentRoots: [Int]

    /// True when the rules, not the engine, decide whether the removal view removes `id`.
    @inline(__always) func decidesRemoval(_ id: Int) -> Bool {
        !flags[id].isDisjoint(with: [.drop, .shielded, .contentRoot])
    }

    /// The rules' removal for `id` (nil: not removed); meaningful when `decidesRemoval(id)`.
    func removalReason(_ id: Int) -> RemovalReason? {
        flags[id].contains(.drop) ? .rule(dropSelectors[id] ?? "") : nil
    }

    /// True when `id` is a kept element or inside one.
    @inline(__always) func isKept(_ id: Int) -> Bool { flags[id].contains(.inKeep) }
}

/// The selectors active on one page, compiled for the single forward walk.
///
/// ```swift
/// let marks = SelectorSet(drop: dropSelectors, content: [], keep: []).apply(to: doc)
/// ```
struct SelectorSet: Sendable {
    struct Entry: Sendable {
        var selector: Selector
        var kind: RuleKind
        /// Position in the merged rule order; the first matching `drop` names the reason.
        var order: Int
    }

    /// Selectors of one compound: matched on the element alone.
    private(set) var single: [Entry] = []
    /// Selectors with descendant combinators: need the ancestors' partial match states.
    private(set) var multi: [Entry] = []

    var isEmpty: Bool { single.isEmpty && multi.isEmpty }

    init(drop: [Selector], content: [Selector], keep: [Selector]) {
        var order = 0
        for (kind, list) in [(RuleKind.drop, drop), (.content, content), (.keep, keep)] {
            for selector in list {
                let entry = Entry(selector: selector, kind: kind, order: order)
                if selector.compounds.count == 1 { single.append(entry) } else { multi.append(entry) }
                order += 1
            }
        }
    }

    /// Decides every node in one forward walk, without recursion.
    ///
    /// For each selector with descendant combinators, each open element carries a progress
    /// count: how many of the selector's leading compounds its ancestor chain (itself included)
    /// has matched. Matching greedily at the first possible ancestor is exact for descendant
    /// combinators, so an element matches when its parent's progress is at the last compound
    /// and the element matches that compound. Progress rows live on an explicit stack popped by
    /// subtree end, so a page nested 100 000 deep is one more row per level and nothing more.
    func apply(to doc: Document) -> RuleMarks {
        let n = doc.count
        var marks = RuleMarks(flags: [RuleMarks.Flags](repeating: [], count: n), dropSelectors: [:], contentRoots: [])
        guard !isEmpty else { return marks }
        let width = multi.count
        // Row 0 is the root's: nothing matched yet. One row per open element with children.
        var rows = [Int32](repeating: 0, count: width)
        var ends: [Int] = [n]
        var keepEnd = 0
        var contentEnd = 0
        doc.attributeBytes.withUnsafeBufferPointer { attributeBytes in
            var id = 1
            while id < n {
                let node = doc.nodes[id]
                if node.tag == .text {
                    // Text inside a kept element is kept: the block walker asks per text node.
                    if id < keepEnd { marks.flags[id] = [.inKeep, .shielded] }
                    id += 1
                    continue
                }
                while let last = ends.last, last <= id {
                    ends.removeLast()
                    rows.removeLast(width)
                }
                let end = Int(node.end)
                var matched: RuleMarks.Flags = []
                var dropOrder = Int.max
                var dropText = ""
                func record(_ entry: Entry) {
                    switch entry.kind {
                    case .keep: matched.insert(.keep)
                    case .content: matched.insert(.content)
                    case .drop:
                        matched.insert(.drop)
                        if entry.order < dropOrder {
                            dropOrder = entry.order
                            dropText = entry.selector.text
                        }
                    }
                }
                for entry in single where SelectorSet.matches(entry.selector.compounds[0], node, doc, attributeBytes) {
                    record(entry)
                }
                if width > 0 {
                    let parentRow = rows.count - width
                    let hasChildren = end > id + 1
                    for j in 0..<width {
                        let entry = multi[j]
                        let progress = Int(rows[parentRow + j])
                        var next = progress
                        if SelectorSet.matches(entry.selector.compounds[progress], node, doc, attributeBytes) {
                            if progress == entry.selector.compounds.count - 1 { record(entry) } else { next += 1 }
                        }
                        if hasChildren { rows.append(Int32(next)) }
                    }
                    if hasChildren { ends.append(end) }
                }
                // keep and content beat drop on the same element; drop is final for the subtree.
                if matched.contains(.drop) && matched.isDisjoint(with: [.keep, .content]) {
                    marks.flags[id] = .drop
                    marks.dropSelectors[id] = dropText
                    id = end
                    continue
                }
                matched.remove(.drop)
                if matched.contains(.content) && id >= contentEnd {
                    matched.insert(.contentRoot)
                    marks.contentRoots.append(id)
                    contentEnd = end
                }
                if matched.contains(.keep) {
                    keepEnd = max(keepEnd, end)
                    // Shield the ancestors, stopping at the first one already shielded (its
                    // own ancestors are then shielded too): linear over the page in total.
                    var ancestor = Int(node.parent)
                    while ancestor > 0, !marks.flags[ancestor].contains(.shielded) {
                        marks.flags[ancestor].insert(.shielded)
                        ancestor = Int(doc.nodes[ancestor].parent)
                    }
                }
                if id < keepEnd { matched.formUnion([.inKeep, .shielded]) }
                marks.flags[id].formUnion(matched)
                id += 1
            }
        }
        return marks
    }

    /// Does the element satisfy every part of the compound?
    @inline(__always)
    static func matches(_ compound: Selector.Compound, _ node: Document.Node, _ doc: Document,
                        _ attributeBytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let tag = compound.tag, tag != node.tag { return false }
        for test in compound.tests {
            guard let range = attributeRange(test.name, node, doc) else { return false }
            let value = UnsafeBufferPointer(rebasing: attributeBytes[range])
            switch test.mode {
            case .present: continue
            case .equals: if !value.elementsEqual(test.value) { return false }
            case .hasToken: if !hasToken(value, test.value) { return false }
            }
        }
        return true
    }

    @inline(__always)
    static func attributeRange(_ name: AttributeName, _ node: Document.Node, _ doc: Document) -> Range<Int>? {
        var a = Int(node.start)
        let end = a + Int(node.count)
        while a < end {
            let attribute = doc.attributes[a]
            if attribute.name == name { return Int(attribute.start)..<Int(attribute.start + attribute.length) }
            a += 1
        }
        return nil
    }

    /// True when `token` is one of the whitespace-separated words of `value`.
    static func hasToken(_ value: UnsafeBufferPointer<UInt8>, _ token: [UInt8]) -> Bool {
        let space: UInt8 = 0x20, tab: UInt8 = 0x09, newline: UInt8 = 0x0A, formFeed: UInt8 = 0x0C, carriageReturn: UInt8 = 0x0D
        var i = 0
        let count = value.count
        while i < count {
            while i < count, value[i] == space || value[i] == tab || value[i] == newline || value[i] == formFeed || value[i] == carriageReturn { i += 1 }
            let start = i
            while i < count, !(value[i] == space || value[i] == tab || value[i] == newline || value[i] == formFeed || value[i] == carriageReturn) { i += 1 }
            if i - start == token.count, value[start..<i].elementsEqual(token) { return true }
        }
        return false
    }
}

extension RemovalReason {
    /// True for removals decided by a user `drop` rule (shown by `Cleaner.decisions`).
    var isRule: Bool {
        if case .rule = self { return true }
        return false
    }
}
