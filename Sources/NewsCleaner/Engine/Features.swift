/// Step 5: per-node side tables filled in one bottom-up pass (children before parents).
///
/// Indexed by node id; nothing is stored in the document. Skipped elements (form controls,
/// media, hidden subtrees) contribute nothing to their ancestors.
///
/// ```swift
/// let features = Features(document, settings: ExtractionSettings())
/// features.chars[id]   // weighted characters of the subtree
/// ```
struct Features {
    /// Weighted text characters of the subtree.
    var chars: [Float]
    /// Weighted characters inside links (`<a href>`).
    var linkChars: [Float]
    /// Commas in the subtree.
    var commas: [Int32]
    /// Sentence ends in the subtree.
    var sentences: [Int32]
    /// Element count of the subtree (the node included).
    var tags: [Int32]
    /// Link count of the subtree.
    var links: [Int32]
    /// Image count of the subtree.
    var images: [Int32]
    /// True when the element has a block-level element child (br and hr excepted).
    var hasBlockChild: [Bool]
    /// Vocabulary concepts named by the element's class, id, role and itemprop.
    var hints: [Concept]
    /// Concepts named by the element's first `class` and first `id` attributes alone (no role or
    /// itemprop): what `MetadataExtractor.classConcepts` finds when the matcher is
    /// `Vocabulary.matcher`, so the metadata scan reuses it instead of matching the vocabulary again.
    var classIDHints: [Concept]
    /// True for elements dropped with their subtree before any scoring (skipped tags, hidden).
    var invisible: [Bool]

    /// True when some element carries the `hidden` attribute (the retry that reads them as visible has something to show).
    var hasHiddenAttribute = false

    /// `honorHiddenAttribute: false` reads elements with the `hidden` attribute as visible (the
    /// engine's last retry, for pages that stream their article into `hidden` chunks).
    init(_ doc: Document, settings: ExtractionSettings, matcher: ConceptMatcher = Vocabulary.matcher, honorHiddenAttribute: Bool = true) {
        let n = doc.count
        chars = [Float](repeating: 0, count: n)
        linkChars = [Float](repeating: 0, count: n)
        commas = [Int32](repeating: 0, count: n)
        sentences = [Int32](repeating: 0, count: n)
        tags = [Int32](repeating: 0, count: n)
        links = [Int32](repeating: 0, count: n)
        images = [Int32](repeating: 0, count: n)
        hasBlockChild = [Bool](repeating: false, count: n)
        hints = [Concept](repeating: [], count: n)
        classIDHints = [Concept](repeating: [], count: n)
        invisible = [Bool](repeating: false, count: n)

        // Hints and visibility, forward (attributes only).
        doc.attributeBytes.withUnsafeBufferPointer { attrBytes in
            for id in 1..<n {
                let node = doc.nodes[id]
                guard node.tag != .text else { continue }
                if node.tag.traits.contains(.skipped) { invisible[id] = true }
                // A block inside a <button> means the button was never closed where the page
                // meant it (libxml2 ignores `</button>` over an open <div>): the rest of the page
                // is inside it, so the button is no longer skipped.
                if node.tag.traits.contains(.block), doc.nodes[Int(node.parent)].tag == .button {
                    invisible[Int(node.parent)] = false
                }
                if node.tag == .img || node.tag == .picture { images[id] = 1 }
                guard node.count > 0 else { continue }
                var concept: Concept = []
                var classID: Concept = []
                var sawClass = false, sawID = false
                var a = Int(node.start)
                let end = a + Int(node.count)
                while a < end {
                    let attr = doc.attributes[a]
                    let value = UnsafeBufferPointer(rebasing: attrBytes[Int(attr.start)..<Int(attr.start + attr.length)])
                    switch attr.name {
                    case .class, .id:
                        let found = matcher.concepts(in: value, isClass: attr.name == .class)
                        concept.formUnion(found)
                        if attr.name == .class ? !sawClass : !sawID { classID.formUnion(found) }
                        if attr.name == .class { sawClass = true } else { sawID = true }
                    case .role:
                        concept.formUnion(RoleHints.concepts(value))
                    case .itemprop:
                        if Features.contains(value, "articleBody") { concept.formUnion([.articleBody, .schemaArticleBody]) }
                    case .hidden:
                        hasHiddenAttribute = true
                        if honorHiddenAttribute { invisible[id] = true }
                    case .ariaHidden:
                        if Features.contains(value, "true") { invisible[id] = true }
                    case .style:
                        if Features.hidesElement(value) { invisible[id] = true }
                    default: break
                    }
                    a += 1
                }
                hints[id] = concept
                classIDHints[id] = classID
            }
        }

        // Sizes, backward: every node is complete when reached, then added to its parent. The
        // tables are written through buffer pointers: as array properties written inside a
        // closure, each write checked the array's uniqueness (ten calls per node).
        let cjkWeight = settings.cjkCharacterWeight
        doc.textBytes.withUnsafeBufferPointer { text in
        chars.withUnsafeMutableBufferPointer { chars in
        linkChars.withUnsafeMutableBufferPointer { linkChars in
        commas.withUnsafeMutableBufferPointer { commas in
        sentences.withUnsafeMutableBufferPointer { sentences in
        tags.withUnsafeMutableBufferPointer { tags in
        links.withUnsafeMutableBufferPointer { links in
        images.withUnsafeMutableBufferPointer { images in
        hasBlockChild.withUnsafeMutableBufferPointer { hasBlockChild in
        invisible.withUnsafeBufferPointer { invisible in
            var id = n - 1
            while id > 0 {
                let node = doc.nodes[id]
                let parent = Int(node.parent)
                if node.tag == .text {
                    let m = TextMeasure.measure(
                        UnsafeBufferPointer(rebasing: text[Int(node.start)..<Int(node.start + node.count)]),
                        cjkWeight: cjkWeight)
                    chars[parent] += m.chars
                    commas[parent] += m.commas
                    sentences[parent] += m.sentences
                } else if !invisible[id] {
                    tags[id] += 1
                    if node.tag == .a, doc.attributeRange(.href, of: id) != nil {
                        linkChars[id] = chars[id]
                        links[id] += 1
                    }
                    chars[parent] += chars[id]
                    linkChars[parent] += linkChars[id]
                    commas[parent] += commas[id]
                    sentences[parent] += sentences[id]
                    tags[parent] += tags[id]
                    links[parent] += links[id]
                    images[parent] += images[id]
                    // Inline wrappers of blocks (custom elements, <a> around <div>) pass the fact up.
                    if node.tag.traits.contains(.block) || hasBlockChild[id], node.tag != .br, node.tag != .hr, chars[id] > 0 {
                        hasBlockChild[parent] = true
                    }
                }
                id -= 1
            }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
    }

    /// Link text share of a subtree, 0 when it has no text.
    @inline(__always) func linkDensity(_ id: Int) -> Float {
        chars[id] > 0 ? min(1, linkChars[id] / chars[id]) : 0
    }

    static func contains(_ value: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        Prepass.find(value, needle, from: 0, ignoringCase: true) != nil
    }

    /// True for inline styles that hide the element (`display:none`, `visibility:hidden`).
    static func hidesElement(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        guard style.count >= 11 else { return false }
        var compact = [UInt8]()
        compact.reserveCapacity(style.count)
        for b in style where b != 0x20 && b != 0x09 { compact.append(b | (b >= 0x41 && b <= 0x5A ? 0x20 : 0)) }
        return compact.withUnsafeBufferPointer { c in
            contains(c, "display:none") || contains(c, "visibility:hidden")
        }
    }
}

/// ARIA roles as vocabulary concepts.
enum RoleHints {
    static func concepts(_ value: UnsafeBufferPointer<UInt8>) -> Concept {
        var c: Concept = []
        if Features.contains(value, "navigation") || Features.contains(value, "menu") { c.insert(.navigation) }
        if Features.contains(value, "complementary") { c.insert(.sidebar) }
        if Features.contains(value, "contentinfo") { c.insert(.footer) }
        if Features.contains(value, "banner") { c.insert(.header) }
        if Features.contains(value, "dialog") || Features.contains(value, "alert") { c.insert(.hidden) }
        if Features.contains(value, "search") { c.insert(.navigation) }
        if Features.contains(value, "main") || Features.contains(value, "article") { c.insert(.content) }
        return c
    }
}
