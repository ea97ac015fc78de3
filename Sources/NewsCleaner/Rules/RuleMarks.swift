import Foundation

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
/// The walk reads a flat, reference-free program (compounds, attribute tests and value bytes
/// in plain arrays) through unsafe buffers, so matching costs no reference counting.
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

    /// One compound of the flat program.
    struct FlatCompound {
        /// `Tag.unknown` with `anyTag`: no type selector.
        var tag: Tag
        var anyTag: Bool
        var firstTest: Int32
        var endTest: Int32
    }

    /// One attribute test of the flat program; the value is `values[valueStart..<valueEnd]`.
    struct FlatTest {
        var name: AttributeName
        var mode: Selector.AttributeTest.Mode
        var valueStart: Int32
        var valueEnd: Int32
    }

    /// A selector of the flat program: its compounds are `firstCompound...lastCompound`.
    struct FlatSelector {
        var firstCompound: Int32
        var lastCompound: Int32
        var kind: RuleKind
        var order: Int32
    }

    private var compounds: [FlatCompound] = []
    private var tests: [FlatTest] = []
    private var values: [UInt8] = []
    private var singles: [FlatSelector] = []
    private var multis: [FlatSelector] = []
    /// Selector texts by order, for `RemovalReason.rule`.
    private var texts: [String] = []

    var isEmpty: Bool { single.isEmpty && multi.isEmpty }

    init(drop: [Selector], content: [Selector], keep: [Selector]) {
        var order = 0
        for (kind, list) in [(RuleKind.drop, drop), (.content, content), (.keep, keep)] {
            for selector in list {
                let entry = Entry(selector: selector, kind: kind, order: order)
                let flat = FlatSelector(firstCompound: Int32(compounds.count),
                                        lastCompound: Int32(compounds.count + selector.compounds.count - 1),
                                        kind: kind, order: Int32(order))
                for compound in selector.compounds {
                    let firstTest = Int32(tests.count)
                    for test in compound.tests {
                        let start = Int32(values.count)
                        values += test.value
                        tests.append(FlatTest(name: test.name, mode: test.mode, valueStart: start, valueEnd: Int32(values.count)))
                    }
                    compounds.append(FlatCompound(tag: compound.tag ?? .unknown, anyTag: compound.tag == nil,
                                                  firstTest: firstTest, endTest: Int32(tests.count)))
                }
                if selector.compounds.count == 1 {
                    single.append(entry)
                    singles.append(flat)
                } else {
                    multi.append(entry)
                    multis.append(flat)
                }
                texts.append(selector.text)
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
        var flags = [RuleMarks.Flags](repeating: [], count: n)
        var drops: [(id: Int, order: Int32)] = []
        var contentRoots: [Int] = []
        if !isEmpty {
            compounds.withUnsafeBufferPointer { compounds in
            tests.withUnsafeBufferPointer { tests in
            values.withUnsafeBufferPointer { values in
            singles.withUnsafeBufferPointer { singles in
            multis.withUnsafeBufferPointer { multis in
            doc.nodes.withUnsafeBufferPointer { nodes in
            doc.attributes.withUnsafeBufferPointer { attributes in
            doc.attributeBytes.withUnsafeBufferPointer { attributeBytes in
            flags.withUnsafeMutableBufferPointer { flags in
                let program = Program(compounds: compounds, tests: tests, values: values,
                                      attributes: attributes, attributeBytes: attributeBytes)
                let width = multis.count
                // Row 0 is the root's: nothing matched yet. One row per open element with children.
                var rows = [Int32](repeating: 0, count: width)
                var ends: [Int] = [n]
                var keepEnd = 0
                var contentEnd = 0
                var id = 1
                while id < n {
                    let node = nodes[id]
                    if node.tag == .text {
                        // Text inside a kept element is kept: the block walker asks per text node.
                        if id < keepEnd { flags[id] = [.inKeep, .shielded] }
                        id += 1
                        continue
                    }
                    while ends[ends.count - 1] <= id {
                        ends.removeLast()
                        rows.removeLast(width)
                    }
                    let end = Int(node.end)
                    var matched: RuleMarks.Flags = []
                    var dropOrder = Int32.max
                    for s in singles where program.matches(Int(s.firstCompound), node) {
                        SelectorSet.record(s, &matched, &dropOrder)
                    }
                    if width > 0 {
                        let parentRow = rows.count - width
                        let hasChildren = end > id + 1
                        for j in 0..<width {
                            let s = multis[j]
                            let progress = rows[parentRow + j]
                            var next = progress
                            let compound = Int(s.firstCompound + progress)
                            if program.matches(compound, node) {
                                if compound == Int(s.lastCompound) { SelectorSet.record(s, &matched, &dropOrder) } else { next += 1 }
                            }
                            if hasChildren { rows.append(next) }
                        }
                        if hasChildren { ends.append(end) }
                    }
                    if matched.isEmpty {
                        if id < keepEnd { flags[id].formUnion([.inKeep, .shielded]) }
                        id += 1
                        continue
                    }
                    // keep and content beat drop on the same element; drop is final for the subtree.
                    if matched.contains(.drop) && matched.isDisjoint(with: [.keep, .content]) {
                        flags[id] = .drop
                        drops.append((id, dropOrder))
                        id = end
                        continue
                    }
                    matched.remove(.drop)
                    if matched.contains(.content) && id >= contentEnd {
                        matched.insert(.contentRoot)
                        contentRoots.append(id)
                        contentEnd = end
                    }
                    if matched.contains(.keep) {
                        keepEnd = max(keepEnd, end)
                        // Shield the ancestors, stopping at the first one already shielded (its
                        // own ancestors are then shielded too): linear over the page in total.
                        var ancestor = Int(node.parent)
                        while ancestor > 0, !flags[ancestor].contains(.shielded) {
                            flags[ancestor].insert(.shielded)
                            ancestor = Int(nodes[ancestor].parent)
                        }
                    }
                    if id < keepEnd { matched.formUnion([.inKeep, .shielded]) }
                    flags[id].formUnion(matched)
                    id += 1
                }
            }}}}}}}}}
        }
        var dropSelectors: [Int: String] = [:]
        for drop in drops { dropSelectors[drop.id] = texts[Int(drop.order)] }
        return RuleMarks(flags: flags, dropSelectors: dropSelectors, contentRoots: contentRoots)
    }

    @inline(__always)
    private static func record(_ s: FlatSelector, _ matched: inout RuleMarks.Flags, _ dropOrder: inout Int32) {
        switch s.kind {
        case .keep: matched.insert(.keep)
        case .content: matched.insert(.content)
        case .drop:
            matched.insert(.drop)
            dropOrder = min(dropOrder, s.order)
        }
    }

    /// The flat program and the page's attributes, as unsafe buffers valid during the walk.
    private struct Program {
        let compounds: UnsafeBufferPointer<FlatCompound>
        let tests: UnsafeBufferPointer<FlatTest>
        let values: UnsafeBufferPointer<UInt8>
        let attributes: UnsafeBufferPointer<Document.Attribute>
        let attributeBytes: UnsafeBufferPointer<UInt8>

        /// Does the element satisfy every part of compound `index`?
        @inline(__always)
        func matches(_ index: Int, _ node: Document.Node) -> Bool {
            let compound = compounds[index]
            if !compound.anyTag && compound.tag != node.tag { return false }
            var t = Int(compound.firstTest)
            let end = Int(compound.endTest)
            while t < end {
                let test = tests[t]
                t += 1
                guard let range = attributeRange(test.name, node) else { return false }
                let value = UnsafeBufferPointer(rebasing: attributeBytes[range])
                let wanted = UnsafeBufferPointer(rebasing: values[Int(test.valueStart)..<Int(test.valueEnd)])
                switch test.mode {
                case .present: continue
                case .equals: if !value.elementsEqual(wanted) { return false }
                case .hasToken: if !SelectorSet.hasToken(value, wanted) { return false }
                }
            }
            return true
        }

        @inline(__always)
        func attributeRange(_ name: AttributeName, _ node: Document.Node) -> Range<Int>? {
            var a = Int(node.start)
            let end = a + Int(node.count)
            while a < end {
                let attribute = attributes[a]
                if attribute.name == name { return Int(attribute.start)..<Int(attribute.start + attribute.length) }
                a += 1
            }
            return nil
        }
    }

    /// True when `token` is one of the whitespace-separated words of `value`.
    static func hasToken(_ value: UnsafeBufferPointer<UInt8>, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = value.count
        let length = token.count
        guard length > 0, count >= length else { return false }
        var i = 0
        while i < count {
            while i < count, Whitespace.isHTMLSpace(value[i]) { i += 1 }
            let start = i
            while i < count, !Whitespace.isHTMLSpace(value[i]) { i += 1 }
            if i - start == length, memcmp(value.baseAddress! + start, token.baseAddress!, length) == 0 { return true }
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
