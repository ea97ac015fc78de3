/// Renders an `Article` as clean, minimal, well-formed HTML.
///
/// Only semantic tags are written: `h1`–`h6`, `p`, `ul`, `li`, `blockquote`, `pre`, `table`,
/// `tr`, `th`, `td`, `figure`, `figcaption`, `a`, `img`; the only attributes are `href`, `src`
/// and `alt`, with URLs resolved against the page URL (`javascript:` and other schemes are
/// dropped). Text is escaped. The title is the `h1`; block headings keep their relative levels
/// from `h2` on. As a full document (`document: true`) the fragment is wrapped in
/// `<!DOCTYPE html><html lang><head><meta charset="utf-8"><title>` … `<body>`, the only
/// other attributes written.
///
/// With `original: true` the body is instead the article's `contentHTML`: the page's own
/// subtree, sanitised (see `CleanerOptions.includeContentHTML`).
///
/// ```swift
/// let html = HTMLRenderer(document: true, links: true).render(article)
/// ```
public struct HTMLRenderer: Sendable {
    /// Wrap the fragment in a full HTML document.
    public var document: Bool
    /// Keep links as `<a href>`.
    public var links: Bool
    /// Render table rows.
    public var tables: Bool
    /// Put the metadata's lead image (`<figure><img src alt></figure>`) under the title.
    public var leadImage: Bool
    /// Write the article's `contentHTML` (the page's own sanitised subtree, images included)
    /// instead of rebuilding HTML from the blocks; falls back to the blocks when it is nil.
    public var original: Bool

    /// A renderer with the given switches (all off except tables by default).
    ///
    /// ```swift
    /// HTMLRenderer(document: false, links: false, tables: true, leadImage: false)
    /// ```
    public init(document: Bool = false, links: Bool = false, tables: Bool = true, leadImage: Bool = false,
                original: Bool = false) {
        self.original = original
        self.document = document
        self.links = links
        self.tables = tables
        self.leadImage = leadImage
    }

    /// The HTML text, ending with one newline (empty fragment for an empty article).
    public func render(_ article: Article) -> String {
        var lines: [String] = []
        let base = article.metadata.url
        let title = RenderSupport.title(article)
        if original, let content = article.contentHTML {
            return wrap(content.isEmpty || content.hasSuffix("\n") ? content : content + "\n", article, title: title)
        }
        if let title { lines.append("<h1>" + HTMLRenderer.escape(title) + "</h1>") }
        if leadImage, let src = article.metadata.image.flatMap({ URLResolver.resolve($0, against: base) }) {
            lines.append("<figure><img src=\"" + HTMLRenderer.escapeAttribute(src) + "\" alt=\""
                         + HTMLRenderer.escapeAttribute(title ?? "") + "\"></figure>")
        }
        let blocks = RenderSupport.bodyBlocks(article).filter { tables || $0.kind != .tableRow }
        let shift = RenderSupport.headingShift(blocks, hasTitle: title != nil)
        for run in RenderSupport.runs(blocks) {
            guard let first = run.first else { continue }
            switch first.kind {
            case .heading:
                let tag = "h\(RenderSupport.headingLevel(first, shift: shift))"
                lines.append("<\(tag)>" + inline(first, base: base) + "</\(tag)>")
            case .paragraph:
                lines.append("<p>" + inline(first, base: base) + "</p>")
            case .listItem:
                lines.append(list(run, base: base))
            case .quote:
                lines.append("<blockquote>" + run.map { "<p>" + inline($0, base: base) + "</p>" }.joined() + "</blockquote>")
            case .tableRow:
                lines.append(table(run))
            case .preformatted:
                // A newline right after <pre> is dropped by parsers; keep a leading one by doubling it.
                let text = first.text.hasPrefix("\n") ? "\n" + first.text : first.text
                lines.append("<pre>" + HTMLRenderer.escape(text) + "</pre>")
            case .caption:
                lines.append("<figure><figcaption>" + inline(first, base: base) + "</figcaption></figure>")
            }
        }
        let body = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        return wrap(body, article, title: title)
    }

    /// `body` as is, or wrapped in a full document when `document` is on.
    private func wrap(_ body: String, _ article: Article, title: String?) -> String {
        guard document else { return body }
        var head = "<!DOCTYPE html>\n<html"
        if let language = article.metadata.language { head += " lang=\"" + HTMLRenderer.escapeAttribute(language) + "\"" }
        head += ">\n<head>\n<meta charset=\"utf-8\">\n<title>" + HTMLRenderer.escape(article.metadata.title ?? title ?? "")
            + "</title>\n</head>\n<body>\n"
        return head + body + "</body>\n</html>\n"
    }

    /// A block's escaped text, with `<a href>` around its links when `links` is on.
    func inline(_ block: Block, base: String?) -> String {
        guard links, !block.links.isEmpty else { return HTMLRenderer.escape(block.text) }
        return RenderSupport.segments(block.text, links: block.links, base: base).map { segment in
            switch segment {
            case .text(let t): return HTMLRenderer.escape(t)
            case .link(let text, let url):
                return "<a href=\"" + HTMLRenderer.escapeAttribute(url) + "\">" + HTMLRenderer.escape(text) + "</a>"
            }
        }.joined()
    }

    /// A run of list items as nested `ul`s; a nested list sits inside its parent `li`,
    /// and an item can go at most one level deeper than the one before it.
    func list(_ items: [Block], base: String?) -> String {
        var out = ""
        var depth = 0
        for item in items {
            let level = min(max(1, item.level), depth + 1)
            if level > depth {
                out += "<ul>"
                depth = level
            } else {
                out += "</li>"
                while depth > level {
                    out += "</ul></li>"
                    depth -= 1
                }
            }
            out += "<li>" + inline(item, base: base)
        }
        out += "</li>"
        while depth > 1 {
            out += "</ul></li>"
            depth -= 1
        }
        return out + "</ul>"
    }

    /// A run of table rows as a `table`; the first row's cells are `th`.
    func table(_ rows: [Block]) -> String {
        var out = "<table>"
        for (index, row) in rows.enumerated() {
            let tag = index == 0 ? "th" : "td"
            out += "<tr>" + RenderSupport.cells(row).map { "<\(tag)>" + HTMLRenderer.escape($0) + "</\(tag)>" }.joined() + "</tr>"
        }
        return out + "</table>"
    }

    /// Escapes `&`, `<` and `>` in text.
    ///
    /// ```swift
    /// HTMLRenderer.escape("a < b & c") // "a &lt; b &amp; c"
    /// ```
    package static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || isForbidden($0) }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            default: if !isForbidden(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// Last C0 control character; C0 controls other than tab, LF and CR are not allowed in HTML text.
    static let lastControl: UInt32 = 0x1F
    static let deleteCharacter: UInt32 = 0x7F

    /// Control characters HTML parsers reject.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value <= lastControl && scalar != "\t" && scalar != "\n" && scalar != "\r")
            || scalar.value == deleteCharacter
    }

    /// Escapes text for a double-quoted attribute value.
    static func escapeAttribute(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\"", with: "&quot;")
    }
}
