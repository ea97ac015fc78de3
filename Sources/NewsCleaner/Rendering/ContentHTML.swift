/// The article as the page's own HTML: the chosen container's subtree (and merged siblings),
/// sanitised. This is `Article.contentHTML` (with `CleanerOptions.includeContentHTML`) and the
/// CLI's `-f html --original`, the counterpart of Readability's `content`.
///
/// Sanitising is by allow-list, so nothing the page could run survives:
/// - subtrees the engine removed before choosing the container (hidden, `nav`/`aside`/`footer`,
///   boilerplate class/id, user `drop` rules) are left out, except images and figures;
/// - scripts, styles, forms, embeds, iframes, media players never reach the `Document` or are
///   left out here; unknown and presentational elements (`font`, `center`, custom tags) keep
///   their content but lose the tag;
/// - the only attributes written are `href` (on `a`), `src`/`srcset` (lazy `data-src` becomes
///   `src`), `alt`, `title`, `colspan`, `datetime`; no `class`, `id`, `style` or event handler;
/// - URLs are resolved against the page URL and kept only with a safe scheme (`http`, `https`,
///   `mailto`, …): `javascript:` and `data:` URLs are dropped.
///
/// One walk over the container's nodes in document order: linear in the container's size.
///
/// ```swift
/// var options = CleanerOptions()
/// options.includeContentHTML = true
/// let html = try Cleaner(options: options).clean(html: bytes, url: pageURL).contentHTML
/// ```
enum ContentHTML {
    /// Elements written with their tag; any other element is transparent (its content is kept).
    static let keptTags: Set<Tag> = [
        .p, .div, .span, .a, .br, .hr, .img, .figure, .figcaption, .picture, .source,
        .h1, .h2, .h3, .h4, .h5, .h6, .hgroup, .ul, .ol, .li, .dl, .dt, .dd,
        .blockquote, .q, .pre, .code, .kbd, .samp, .var,
        .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption, .colgroup, .col,
        .article, .main, .section, .header, .address, .details, .summary,
        .b, .i, .u, .s, .em, .strong, .small, .mark, .sub, .sup, .abbr, .cite, .time, .del, .ins,
        .dfn, .bdi, .bdo, .ruby, .rt, .wbr, .data,
    ]
    /// Subtree roots that are written even when the engine removed them (the article's images).
    static let mediaTags: Set<Tag> = [.figure, .picture, .img]
    /// Attributes written as plain text, and the elements they are kept on (nil: any kept element).
    static let textAttributes: [(name: AttributeName, on: Set<Tag>?)] = [
        (.alt, [.img]), (.title, nil), (.colspan, [.td, .th]), (.datetime, [.time, .del, .ins]),
    ]

    /// The sanitised HTML of `roots` (in order), without the subtrees in `removed`.
    static func render(_ doc: Document, roots: [Int], removed: [RemovalReason?], base: String?) -> String {
        var out = ""
        for root in roots where root < doc.count {
            write(doc, root: root, removed: removed, base: base, into: &out)
        }
        return out
    }

    private static func write(_ doc: Document, root: Int, removed: [RemovalReason?], base: String?,
                              into out: inout String) {
        // Open kept elements with the id one past their subtree, closed when the walk gets there.
        var open: [(tag: Tag, end: Int)] = []
        var id = root
        let end = doc.subtreeEnd(root)
        while id < end {
            while let last = open.last, id >= last.end {
                out += "</" + last.tag.name + ">"
                open.removeLast()
            }
            let tag = doc.tag(id)
            if tag == .text {
                out += HTMLRenderer.escape(doc.rawText(id))
                id += 1
                continue
            }
            let reason = id < removed.count ? removed[id] : nil
            if tag.traits.contains(.skipped) || reason == .invisible
                || (reason != nil && id != root && !mediaTags.contains(tag)) {
                id = doc.subtreeEnd(id)
                continue
            }
            if keptTags.contains(tag) {
                out += "<" + tag.name + attributes(doc, id, tag, base: base) + ">"
                if !tag.traits.contains(.void) { open.append((tag, doc.subtreeEnd(id))) }
            }
            id += 1
        }
        while let last = open.popLast() { out += "</" + last.tag.name + ">" }
    }

    /// The allowed attributes of one kept element, each ` name="value"`.
    private static func attributes(_ doc: Document, _ id: Int, _ tag: Tag, base: String?) -> String {
        var out = ""
        func add(_ name: String, _ value: String) {
            out += " " + name + "=\"" + HTMLRenderer.escapeAttribute(value) + "\""
        }
        switch tag {
        case .a:
            if let href = doc.attribute(.href, of: id).flatMap({ URLResolver.resolve($0, against: base) }) {
                add("href", href)
            }
        case .img, .source:
            let src = [doc.attribute(.src, of: id), doc.attribute(.dataSrc, of: id)].lazy
                .compactMap { $0.flatMap { URLResolver.resolve($0, against: base) } }.first
            if let src { add("src", src) }
            if let srcset = doc.attribute(.srcset, of: id).map({ resolveSrcset($0, base: base) }), !srcset.isEmpty {
                add("srcset", srcset)
            }
        default:
            break
        }
        for (name, on) in textAttributes where on?.contains(tag) ?? true {
            if let value = doc.attribute(name, of: id) { add(name.htmlName, value) }
        }
        return out
    }

    /// A `srcset` with each candidate's URL resolved; candidates whose URL is unsafe are dropped.
    static func resolveSrcset(_ srcset: String, base: String?) -> String {
        srcset.split(separator: ",").compactMap { candidate -> String? in
            let parts = candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            guard let first = parts.first, let url = URLResolver.resolve(String(first), against: base) else { return nil }
            return ([url] + parts.dropFirst().map(String.init)).joined(separator: " ")
        }.joined(separator: ", ")
    }
}
