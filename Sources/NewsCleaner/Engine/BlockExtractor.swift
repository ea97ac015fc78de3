import Foundation

/// Why a block or subtree inside the container was dropped (kept for `--explain`).
enum DropReason: Equatable, Sendable {
    case removed(RemovalReason)
    case caption
    case linkDensity(Float)
    case phrase
    case byline
    case title
    case trailingHeading
    case dateline
    case table
}

/// Step 7: walks the chosen container(s) in document order and yields the article blocks.
///
/// Text flows into the current block until a block-level element starts or ends; the block's
/// kind comes from the innermost open heading, caption, pre, list item or quote. Each finished
/// block is checked (link density, boilerplate phrases, bylines) before it is kept.
///
/// ```swift
/// var extractor = BlockExtractor(document, features, scorer, options)
/// let blocks = extractor.extract(roots: choice.roots)
/// ```
struct BlockExtractor {
    let doc: Document
    let features: Features
    let removed: [RemovalReason?]
    let options: CleanerOptions
    /// User rule decisions: blocks inside `keep` elements pass every filter. Nil without rules.
    var rules: RuleMarks? = nil
    var settings: ExtractionSettings { options.settings }
    var title: String?

    private(set) var blocks: [Block] = []
    /// Every block considered, with its drop reason (nil: kept), for explanations.
    private(set) var decisions: [(block: Block, reason: DropReason?, owner: Int)] = []
    /// The element each kept block came from, parallel to `blocks`.
    private var owners: [Int] = []
    /// Open elements of the walk, innermost last.
    private var open: [(id: Int, end: Int)] = []
    /// The block-level elements among `open`, innermost last: the owner of a flushed block.
    private var openBlocks: [Int] = []
    /// Open `<table>` elements, innermost last: the table a row belongs to.
    private var openTables: [Int] = []
    /// Data-table decisions by table id, so each table is scanned once (not once per row).
    private var dataTables: [Int: Bool] = [:]
    /// The table enclosing each walk root's parent, found once per parent.
    private var rootTables: [Int: Int?] = [:]
    /// The page's work budget: the walk stops (keeping the blocks so far) once it is spent.
    var meter = WorkMeter.unlimited()

    // Walk state.
    private var text = TextAccumulator()
    private var measure = TextMeasure()
    private var linkChars: Float = 0
    private var links: [Link] = []
    private var headingLevel = 0
    private var captionDepth = 0
    private var preDepth = 0
    private var listDepth = 0
    private var quoteDepth = 0
    private var linkDepth = 0
    /// The open link: its href and where its text starts in the block's bytes.
    private var openLink: (href: String, start: Int)? = nil
    private var pendingBreaks = 0
    private var rowCells: [String]? = nil
    private var inCell = false
    /// The current block has text inside a `keep` element; `keptBlocks`: such blocks' indexes.
    private var blockKept = false
    private var keptBlocks = Set<Int>()

    init(_ doc: Document, _ features: Features, removed: [RemovalReason?], options: CleanerOptions, title: String?) {
        self.doc = doc
        self.features = features
        self.removed = removed
        self.options = options
        self.title = title
    }

    mutating func extract(roots: [Int]) -> [Block] {
        for root in roots { walk(root) }
        flush()
        // A heading with nothing after it, or followed at once by a heading of a higher
        // rank, introduced boilerplate that was removed.
        var kept: [Block] = []
        var keptOwners: [Int] = []
        kept.reserveCapacity(blocks.count)
        // The kept decisions of each owner, in order, built at the first trailing heading: the
        // explanation marks the owner's last kept decision (a search from the end per heading
        // would be quadratic on pages of many headings).
        var keptByOwner: [Int: [Int]]? = nil
        for (index, block) in blocks.enumerated() {
            if block.kind == .heading, !keptBlocks.contains(index) {
                let next = index + 1 < blocks.count ? blocks[index + 1] : nil
                if next == nil || (next!.kind == .heading && next!.level < block.level) {
                    if keptByOwner == nil {
                        var table: [Int: [Int]] = [:]
                        for (d, decision) in decisions.enumerated() where decision.reason == nil {
                            table[decision.owner, default: []].append(d)
                        }
                        keptByOwner = table
                    }
                    if let d = keptByOwner?[owners[index]]?.popLast() {
                        decisions[d].reason = .trailingHeading
                    }
                    continue
                }
            }
            kept.append(block)
            keptOwners.append(owners[index])
        }
        blocks = kept
        owners = keptOwners
        return blocks
    }

    private mutating func walk(_ root: Int) {
        open.removeAll(keepingCapacity: true)
        openBlocks.removeAll(keepingCapacity: true)
        openTables.removeAll(keepingCapacity: true)
        // Rows of a walk rooted inside a table belong to the table above the root.
        if let parent = doc.parent(root) {
            if rootTables[parent] == nil { rootTables[parent] = .some(enclosingTable(root)) }
            if let table = rootTables[parent] ?? nil { openTables.append(table) }
        }
        var id = root
        let end = doc.subtreeEnd(root)
        while id < end {
            while let top = open.last, top.end <= id { closeTop() }
            guard meter.spend(1) else { break }
            let tag = doc.tag(id)
            if tag == .text {
                appendText(id)
                id += 1
                continue
            }
            if let reason = skipReason(id) {
                if case .removed(let r) = reason, !r.isRule {} else { decisions.append((Block(kind: .paragraph, text: doc.text(of: id)), reason, id)) }
                id = doc.subtreeEnd(id)
                continue
            }
            enter(id)
            open.append((id, doc.subtreeEnd(id)))
            if tag.traits.contains(.block) { openBlocks.append(id) }
            if tag == .table { openTables.append(id) }
            id += 1
        }
        while !open.isEmpty { closeTop() }
    }

    /// Exits the innermost open element.
    private mutating func closeTop() {
        // `exit` sees the element as still open (a flush there names it as the owner).
        let top = open[open.count - 1]
        exit(top.id)
        open.removeLast()
        if openBlocks.last == top.id { openBlocks.removeLast() }
        if openTables.last == top.id { openTables.removeLast() }
    }

    private func skipReason(_ id: Int) -> DropReason? {
        if let r = removed[id] { return .removed(r) }
        if features.invisible[id] { return .removed(.invisible) }
        if rules?.isKept(id) == true { return nil }
        let tag = doc.tag(id)
        if !options.includeCaptions && isImageCaption(id) { return .caption }
        if !options.includeCaptions && (tag == .figcaption || (tag != .table && features.hints[id].contains(.caption) && !features.hints[id].contains(.articleBody) && features.hasBlockChild[id] == false)) {
            return .caption
        }
        if tag == .table && !options.includeTables && isDataTable(id) { return .table }
        // A cluster of links inside running text (hover cards, inline link lists): the innermost
        // such element goes, so a name link wrapped together with its hover card stays.
        if isInlineLinkCluster(id), !doc.children(id).contains(where: isInlineLinkCluster) {
            return .linkDensity(features.linkDensity(id))
        }
        return nil
    }

    private func isInlineLinkCluster(_ id: Int) -> Bool {
        let tag = doc.tag(id)
        return tag != .text && !tag.traits.contains(.block) && tag != .a
            && features.links[id] >= settings.inlineLinkClusterMinLinks
            && features.linkDensity(id) >= settings.inlineLinkClusterMinDensity
    }

    /// A block element that holds an image and only a short line of text beside it is its caption
    /// (inline ones are hover cards or icons inside running text).
    private func isImageCaption(_ id: Int) -> Bool {
        let tag = doc.tag(id)
        guard tag.traits.contains(.block), tag != .p, tag != .body, features.images[id] > 0,
              !features.hasBlockChild[id] else { return false }
        return features.chars[id] > 0 && features.chars[id] <= settings.imageCaptionMaxChars
    }

    /// `isDataTable`, remembered per table: rows ask for their table once each.
    private mutating func isDataTableCached(_ id: Int) -> Bool {
        if let known = dataTables[id] { return known }
        let answer = isDataTable(id)
        dataTables[id] = answer
        return answer
    }

    /// A data table has cells without block content; a layout table has paragraphs in cells.
    private func isDataTable(_ id: Int) -> Bool {
        var i = id + 1
        let end = doc.subtreeEnd(id)
        defer { meter.spend(i - id) }
        while i < end {
            let t = doc.tag(i)
            if t == .table { return false }
            if (t == .td || t == .th) && features.hasBlockChild[i] { return false }
            i += 1
        }
        return true
    }

    private mutating func enter(_ id: Int) {
        let tag = doc.tag(id)
        let traits = tag.traits
        if tag == .br {
            pendingBreaks += 1
            if pendingBreaks >= 2 && !inCell { flush() } else { text.space() }
            return
        }
        if traits.contains(.block) { flush() }
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6: headingLevel = tag.headingLevel
        case .figcaption, .caption: captionDepth += 1
        case .pre: preDepth += 1
        case .li, .dd, .dt: listDepth += 1
        case .blockquote: quoteDepth += 1
        case .a:
            linkDepth += 1
            if openLink == nil, let href = doc.attribute(.href, of: id), !href.isEmpty {
                openLink = (href, text.bytes.count)
            }
        case .tr:
            if options.includeTables, let table = openTables.last, isDataTableCached(table) { rowCells = [] }
        case .td, .th:
            if rowCells != nil { inCell = true }
        default: break
        }
    }

    private mutating func exit(_ id: Int) {
        let tag = doc.tag(id)
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6: flush(); headingLevel = 0
        case .figcaption, .caption: flush(); captionDepth -= 1
        case .pre: flush(); preDepth -= 1
        case .li, .dd, .dt: flush(); listDepth -= 1
        case .blockquote: flush(); quoteDepth -= 1
        case .a:
            linkDepth -= 1
            if linkDepth == 0, let link = openLink {
                openLink = nil
                let bytes = text.bytes
                if link.start <= bytes.count {
                    let anchor = TextTrim.trimming(String(decoding: bytes[link.start...], as: UTF8.self), .whitespaces, .whitespace)
                    if !anchor.isEmpty { links.append(Link(text: anchor, href: link.href)) }
                }
            }
        case .td, .th:
            if inCell {
                rowCells?.append(text.string)
                resetText()
                inCell = false
            }
        case .tr:
            if let cells = rowCells {
                rowCells = nil
                if cells.contains(where: { !$0.isEmpty }) {
                    let block = Block(kind: .tableRow, text: cells.joined(separator: "\t"), cells: cells)
                    blocks.append(block)
                    decisions.append((block, nil, id))
                    owners.append(id)
                }
            }
        default:
            if tag.traits.contains(.block) && !inCell { flush() }
        }
    }

    private func enclosingTable(_ id: Int) -> Int? {
        var p = doc.parent(id)
        while let a = p {
            if doc.tag(a) == .table { return a }
            p = doc.parent(a)
        }
        return nil
    }

    private mutating func appendText(_ id: Int) {
        let range = doc.textRange(id)
        if range.isEmpty { return }
        let m = doc.textBytes.withUnsafeBufferPointer {
            TextMeasure.measure(UnsafeBufferPointer(rebasing: $0[range]), cjkWeight: settings.cjkCharacterWeight)
        }
        meter.spend(range.count)
        if m.chars > 0 { pendingBreaks = 0 }
        if rules?.isKept(id) == true { blockKept = true }
        measure.add(m)
        if linkDepth > 0 { linkChars += m.chars }
        text.append(doc.textBytes, range)
    }

    private mutating func resetText() {
        if let link = openLink { openLink = (link.href, 0) }
        text.removeAll()                                 // the buffer serves the next block
        measure = TextMeasure()
        linkChars = 0
        links = []
        blockKept = false
    }

    private mutating func flush() {
        defer { resetText() }
        if inCell { return }
        guard !text.isEmpty else { return }
        let string = text.string
        let kind: Block.Kind
        var level = 0
        if headingLevel > 0 {
            kind = .heading
            level = headingLevel
        } else if captionDepth > 0 {
            kind = .caption
        } else if preDepth > 0 {
            kind = .preformatted
        } else if listDepth > 0 {
            kind = .listItem
            level = listDepth
        } else if quoteDepth > 0 {
            kind = .quote
        } else {
            kind = .paragraph
        }
        let block = Block(kind: kind, text: string, level: level, links: links)
        let reason = dropReason(block)
        let owner = openBlocks.last ?? open.last?.id ?? 0
        decisions.append((block, reason, owner))
        if reason == nil && blockKept { keptBlocks.insert(blocks.count) }
        if reason == nil {
            blocks.append(block)
            owners.append(owner)
        }
    }

    private func dropReason(_ block: Block) -> DropReason? {
        if blockKept { return nil }
        if block.kind == .caption && !options.includeCaptions { return .caption }
        let density = measure.chars > 0 ? linkChars / measure.chars : 0
        let maxDensity = block.kind == .listItem ? settings.listItemMaxLinkDensity : settings.blockMaxLinkDensity
        if density > maxDensity { return .linkDensity(density) }
        // Short blocks are folded once (lowercase in every script) for the phrase, marker and date tests.
        guard measure.chars <= max(settings.boilerplatePhraseMaxChars, settings.bylineMaxChars, settings.creditLineMaxChars) else {
            if let title, block.text == title, block.kind == .heading || block.kind == .paragraph { return .title }
            return nil
        }
        let folded = TextFold.fold(block.text)
        if measure.chars <= settings.boilerplatePhraseMaxChars && BoilerplatePhrases.matches(folded: folded) { return .phrase }
        if let title, block.text == title, block.kind == .heading || block.kind == .paragraph { return .title }
        // One pass of the text-marker matcher, only for short blocks.
        guard measure.chars <= max(settings.bylineMaxChars, settings.creditLineMaxChars) else { return nil }
        let markers = TextMarkers.scan(folded: folded)
        if measure.chars <= settings.bylineMaxChars && measure.sentences == 0 {
            if markers.byline || hasEmailAddress(block.text) { return .byline }
        }
        // Date lines may hold ordinal dots ("12. März 2024"); the date-line test itself is strict.
        if measure.chars <= settings.bylineMaxChars && block.kind == .paragraph && DateLine.looksLikeDateLine(block.text, folded: folded) {
            return .dateline
        }
        if measure.chars <= settings.creditLineMaxChars && block.kind != .heading {
            if markers.creditLine { return .byline }
            if markers.photoCredit { return .caption }
            if markers.callsToAction >= settings.callToActionMinMarkers { return .phrase }
            if markers.label { return .phrase }
        }
        return nil
    }

    /// A short line with an e-mail address is a contact or byline line.
    private func hasEmailAddress(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return false }
        return bytes[bytes.index(after: at)...].contains(UInt8(ascii: "."))
    }
}
