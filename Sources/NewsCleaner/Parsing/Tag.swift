/// An interned HTML element name. Unknown names (custom elements …) are `.unknown`.
///
/// ```swift
/// Tag(name: Array("blockquote".utf8)) == .blockquote
/// ```
package enum Tag: UInt8, Sendable, CaseIterable, BitwiseCopyable {
    case unknown = 0, root, text
    case html, head, body, title, meta, link, base
    case div, span, p, a, br, hr, img, figure, figcaption, picture, source, video, audio, iframe
    case embed, object, canvas, map, area, track, param
    case h1, h2, h3, h4, h5, h6, hgroup
    case ul, ol, li, dl, dt, dd
    case blockquote, q, pre, code, kbd, samp, `var`
    case table, thead, tbody, tfoot, tr, td, th, caption, colgroup, col
    case article, main, section, aside, nav, header, footer, address, details, summary, dialog, menu
    case form, input, button, select, option, optgroup, textarea, label, fieldset, legend, output
    case progress, meter, datalist
    case b, i, u, s, em, strong, small, mark, sub, sup, abbr, cite, time, font, center, del, ins
    case big, wbr, bdi, bdo, ruby, rt, rp, dfn, tt, strike, nobr, data, acronym
    case script, style, noscript, template, svg, math, frameset, frame, noframes, marquee, slot

    // Unknown names (custom elements such as <hl-trusted-source>) flow inline, as browsers show them;
    // one that wraps blocks still breaks text at those blocks.

    /// Interns a lowercase element name given as bytes.
    package init(name: UnsafeBufferPointer<UInt8>) {
        self = TagTable.shared.lookup(name)
    }

    /// Interns a lowercase element name.
    package init(name: [UInt8]) {
        self = name.withUnsafeBufferPointer { Tag(name: $0) }
    }

    /// The element name as written in HTML.
    package var name: String {
        switch self {
        case .var: return "var"
        default: return String(describing: self)
        }
    }

    /// Properties used by the engine, computed once per tag.
    package var traits: TagTraits { TagTable.traits[Int(rawValue)] }

    /// Heading level 1–6, or 0 for other tags.
    package var headingLevel: Int {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return 0
        }
    }
}

/// Flags describing how a tag behaves for text extraction.
package struct TagTraits: OptionSet, Sendable {
    package let rawValue: UInt16
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Starts a new block of text (p, div, li, h1 …).
    package static let block = TagTraits(rawValue: 1 << 0)
    /// Never holds article text (forms, buttons, media, head …): skipped with its subtree.
    package static let skipped = TagTraits(rawValue: 1 << 1)
    /// Has no content (br, img, hr …).
    package static let void = TagTraits(rawValue: 1 << 2)
    /// A heading element.
    package static let heading = TagTraits(rawValue: 1 << 3)
    /// A list container (ul, ol, dl, menu).
    package static let list = TagTraits(rawValue: 1 << 4)
    /// A paragraph-like leaf block that readers see as one unit of prose.
    package static let paragraphLike = TagTraits(rawValue: 1 << 5)
    /// A table part (table, tr, td …).
    package static let tablePart = TagTraits(rawValue: 1 << 6)
    /// Sectioning or landmark element (article, main, section, aside, nav, header, footer).
    package static let sectioning = TagTraits(rawValue: 1 << 7)
}

/// The interning table: name bytes → `Tag`, built once.
final class TagTable: Sendable {
    static let shared = TagTable()

    static let traits: [TagTraits] = {
        var table = [TagTraits](repeating: [], count: Tag.allCases.count)
        func set(_ tags: [Tag], _ t: TagTraits) { for tag in tags { table[Int(tag.rawValue)].formUnion(t) } }
        set([.html, .body, .div, .p, .h1, .h2, .h3, .h4, .h5, .h6, .hgroup, .ul, .ol, .li, .dl, .dt, .dd,
             .blockquote, .pre, .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption, .article, .main,
             .section, .aside, .nav, .header, .footer, .address, .details, .summary, .dialog, .menu,
             .form, .fieldset, .legend, .figure, .figcaption, .center, .hr, .br, .frameset, .noframes,
             .marquee], .block)
        set([.head, .title, .meta, .link, .base, .script, .style, .noscript, .template, .svg, .math,
             .input, .button, .select, .option, .optgroup, .textarea, .output, .progress, .meter,
             .datalist, .iframe, .embed, .object, .canvas, .video, .audio, .map, .area, .track, .param,
             .frame, .dialog, .rp], .skipped)
        set([.br, .hr, .img, .meta, .link, .base, .input, .wbr, .source, .track, .param, .area, .col,
             .embed, .frame], .void)
        set([.h1, .h2, .h3, .h4, .h5, .h6], .heading)
        set([.ul, .ol, .dl, .menu], .list)
        set([.p, .h1, .h2, .h3, .h4, .h5, .h6, .li, .dt, .dd, .pre, .td, .th, .blockquote, .figcaption,
             .caption, .address], .paragraphLike)
        set([.table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption, .colgroup, .col], .tablePart)
        set([.article, .main, .section, .aside, .nav, .header, .footer], .sectioning)
        return table
    }()

    private let keys: [UInt64]
    private let values: [Tag]
    private let mask: Int

    private init() {
        // Open addressing over FNV-1a hashes; the table is sparse so probes are short.
        let size = 512
        var keys = [UInt64](repeating: 0, count: size)
        var values = [Tag](repeating: .unknown, count: size)
        for tag in Tag.allCases where tag != .unknown && tag != .root && tag != .text {
            let bytes = Array(tag.name.utf8)
            let h = bytes.withUnsafeBufferPointer { TagTable.hash($0) }
            var slot = Int(truncatingIfNeeded: h) & (size - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (size - 1) }
            keys[slot] = h
            values[slot] = tag
        }
        self.keys = keys
        self.values = values
        self.mask = size - 1
    }

    @inline(__always)
    static func hash(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name {
            h = (h ^ UInt64(byte | 0x20)) &* 0x100_0000_01b3
        }
        return h | 1  // never 0, which marks an empty slot
    }

    @inline(__always)
    func lookup(_ name: UnsafeBufferPointer<UInt8>) -> Tag {
        let h = TagTable.hash(name)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = keys[slot]
            if k == h { return values[slot] }
            if k == 0 { return .unknown }
            slot = (slot + 1) & mask
        }
    }
}
