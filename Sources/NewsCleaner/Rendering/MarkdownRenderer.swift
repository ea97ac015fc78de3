/// Renders an `Article` as CommonMark/GFM Markdown.
///
/// The title is the only `#` heading; block headings keep their relative levels from `##` on.
/// List items are `- ` indented two spaces per nesting level, quotes `> `, table rows a pipe
/// table (first row as header), preformatted text a fenced block. Text is escaped so Markdown
/// shows it literally, and `plainText(fromMarkdown:)` gets the words back. Links become
/// `[text](url)` only with `links: true`; with `metadataHeader: true` a YAML front matter block
/// (title, author, date, sitename, url, hostname, language, description) comes first.
///
/// ```swift
/// let md = MarkdownRenderer(links: true).render(article)
/// ```
public struct MarkdownRenderer: Sendable {
    /// Keep links as `[text](url)` (the CLI's `--links`).
    public var links: Bool
    /// Render table rows (the CLI's `--no-tables` turns this off).
    public var tables: Bool
    /// Start with a YAML front matter block of metadata (the CLI's `--metadata`).
    public var metadataHeader: Bool

    /// Spaces per list nesting level.
    static let listIndent = 2
    /// Deepest list level indented; deeper items stay at this level. Each level costs
    /// `listIndent` spaces per item, so unbounded indentation makes the output of a list nested
    /// n deep grow with n² (a hostile page of 5 000 nested lists would be 50 MB of spaces).
    static let maxListLevel = 32
    /// Shortest code fence.
    static let minFence = 3
    /// Characters escaped anywhere in text.
    static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&"]
    /// Characters escaped at the start of a line (headings, list markers, setext underlines).
    static let lineStartEscaped: Set<Character> = ["#", "-", "+", "=", "!"]

    /// A renderer with the given switches (links off, tables on, no front matter by default).
    ///
    /// ```swift
    /// MarkdownRenderer(links: false, tables: true, metadataHeader: false)
    /// ```
    public init(links: Bool = false, tables: Bool = true, metadataHeader: Bool = false) {
        self.links = links
        self.tables = tables
        self.metadataHeader = metadataHeader
    }

    /// The Markdown text, ending with one newline (empty for an empty article).
    public func render(_ article: Article) -> String {
        var parts: [String] = []
        if metadataHeader, let header = frontMatter(article.metadata) { parts.append(header) }
        let title = RenderSupport.title(article)
        if let title { parts.append("# " + MarkdownRenderer.escape(title)) }
        let blocks = RenderSupport.bodyBlocks(article).filter { tables || $0.kind != .tableRow }
        let shift = RenderSupport.headingShift(blocks, hasTitle: title != nil)
        let base = article.metadata.url
        for run in RenderSupport.runs(blocks) {
            guard let first = run.first else { continue }
            switch first.kind {
            case .heading:
                let level = RenderSupport.headingLevel(first, shift: shift)
                parts.append(String(repeating: "#", count: level) + " " + inline(first, base: base))
            case .listItem:
                parts.append(run.map { item in
                    String(repeating: " ", count: MarkdownRenderer.listIndent * (min(max(1, item.level), MarkdownRenderer.maxListLevel) - 1))
                        + "- " + inline(item, base: base)
                }.joined(separator: "\n"))
            case .quote:
                parts.append(run.map { "> " + inline($0, base: base) }.joined(separator: "\n>\n"))
            case .tableRow:
                parts.append(table(run))
            case .preformatted:
                parts.append(fenced(first.text))
            case .paragraph, .caption:
                parts.append(inline(first, base: base))
            }
        }
        return parts.isEmpty ? "" : parts.joined(separator: "\n\n") + "\n"
    }

    /// A block's text escaped, with its links as `[text](url)` when `links` is on.
    func inline(_ block: Block, base: String?) -> String {
        guard links, !block.links.isEmpty else { return MarkdownRenderer.escape(block.text) }
        var out = ""
        for segment in RenderSupport.segments(block.text, links: block.links, base: base) {
            switch segment {
            case .text(let t):
                out += MarkdownRenderer.escape(t, atLineStart: out.isEmpty)
            case .link(let text, let url):
                out += "[" + MarkdownRenderer.escape(text, atLineStart: false) + "](" + MarkdownRenderer.linkDestination(url) + ")"
            }
        }
        return out
    }

    /// A run of table rows as a pipe table; the first row is the header, short rows are padded.
    func table(_ rows: [Block]) -> String {
        let cells = rows.map { RenderSupport.cells($0).map { MarkdownRenderer.escape($0, atLineStart: false) } }
        let width = max(1, cells.map(\.count).max() ?? 1)
        func line(_ row: [String]) -> String {
            let padded = row + Array(repeating: "", count: width - row.count)
            return "| " + padded.joined(separator: " | ") + " |"
        }
        var lines = [line(cells[0]), "|" + Array(repeating: " --- |", count: width).joined()]
        lines += cells.dropFirst().map(line)
        return lines.joined(separator: "\n")
    }

    /// Preformatted text in a backtick fence longer than any backtick run inside it.
    func fenced(_ text: String) -> String {
        var longest = 0
        var run = 0
        for c in text {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(MarkdownRenderer.minFence, longest + 1))
        return fence + "\n" + text + "\n" + fence
    }

    /// YAML front matter with the metadata the page states (values JSON-quoted, valid YAML).
    func frontMatter(_ meta: Metadata) -> String? {
        let fields: [(String, String?)] = [
            ("title", meta.title), ("author", meta.authors.isEmpty ? nil : meta.authors.joined(separator: JSONRenderer.authorSeparator)),
            ("date", meta.published), ("sitename", meta.siteName), ("url", meta.url), ("hostname", meta.hostname),
            ("language", meta.language), ("description", meta.description),
        ]
        let lines = fields.compactMap { key, value in value.map { key + ": " + JSONValue.string($0).serialized() } }
        return lines.isEmpty ? nil : (["---"] + lines + ["---"]).joined(separator: "\n")
    }

    /// Escapes Markdown syntax in `text` so it renders literally.
    ///
    /// ```swift
    /// MarkdownRenderer.escape("# 1 *star*") // "\\# 1 \\*star\\*"
    /// ```
    package static func escape(_ text: String, atLineStart: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var lineStart = atLineStart
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if alwaysEscaped.contains(c) || (lineStart && lineStartEscaped.contains(c)) {
                out.append("\\")
            } else if lineStart, c.isNumber {
                // "1. " or "1) " at a line start would start an ordered list.
                var end = index
                while end < text.endIndex, text[end].isASCII, text[end].isNumber { end = text.index(after: end) }
                if end < text.endIndex, text[end] == "." || text[end] == ")" {
                    out += text[index..<end]
                    out.append("\\")
                    index = end
                    lineStart = false
                    continue
                }
            }
            out.append(c)
            lineStart = c == "\n" || (lineStart && c == " ")
            index = text.index(after: index)
        }
        return out
    }

    /// A URL made safe as a link destination (spaces and parentheses percent-escaped).
    static func linkDestination(_ url: String) -> String {
        url.replacingOccurrences(of: " ", with: "%20")
            .replacingOccurrences(of: "(", with: "%28")
            .replacingOccurrences(of: ")", with: "%29")
    }

    /// The text of Markdown written by this renderer, markup removed: for checking round trips.
    ///
    /// Drops front matter, heading/quote/list markers, table separator rows and fences; turns
    /// `[text](url)` into `text`, table cells into tab-separated text, and undoes escapes.
    ///
    /// ```swift
    /// MarkdownRenderer.plainText(fromMarkdown: "# A \\*b\\*\n\n- [c](https://x.y)\n") // "A *b*\n\nc\n"
    /// ```
    package static func plainText(fromMarkdown markdown: String) -> String {
        var out: [String] = []
        var lines = markdown.components(separatedBy: "\n")[...]
        if lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") {
            lines = lines[(close + 1)...]
        }
        var fence: String?
        for line in lines {
            if let open = fence {
                if line == open { fence = nil } else { out.append(line) }
                continue
            }
            if line.hasPrefix("```") {
                fence = String(line.prefix(while: { $0 == "`" }))
                continue
            }
            var l = Substring(line)
            if l.hasPrefix("|") {
                if l.allSatisfy({ $0 == "|" || $0 == "-" || $0 == " " }) { continue }
                out.append(tableCells(String(l)).joined(separator: "\t"))
                continue
            }
            if l.hasPrefix("#") {
                l = l.drop(while: { $0 == "#" }).drop(while: { $0 == " " })
            } else if l.hasPrefix(">") {
                l = l.dropFirst().drop(while: { $0 == " " })
            } else {
                let indent = l.prefix(while: { $0 == " " })
                if l.dropFirst(indent.count).hasPrefix("- ") { l = l.dropFirst(indent.count + 2) }
            }
            out.append(unescape(removeLinks(String(l))))
        }
        return out.joined(separator: "\n")
    }

    /// `[text](url)` → `text` (escaped brackets are not links).
    static func removeLinks(_ s: String) -> String {
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "\\", s.index(after: i) < s.endIndex {
                out += s[i...s.index(after: i)]
                i = s.index(i, offsetBy: 2)
                continue
            }
            if c == "[", let close = closingBracket(s, from: s.index(after: i)),
               s.index(after: close) < s.endIndex, s[s.index(after: close)] == "(",
               let paren = s[s.index(after: close)...].firstIndex(of: ")") {
                out += s[s.index(after: i)..<close]
                i = s.index(after: paren)
                continue
            }
            out.append(c)
            i = s.index(after: i)
        }
        return out
    }

    private static func closingBracket(_ s: String, from start: String.Index) -> String.Index? {
        var i = start
        while i < s.endIndex {
            if s[i] == "\\" {
                i = s.index(i, offsetBy: 2, limitedBy: s.endIndex) ?? s.endIndex
                continue
            }
            if s[i] == "]" { return i }
            i = s.index(after: i)
        }
        return nil
    }

    /// Removes backslash escapes (`\*` → `*`).
    static func unescape(_ s: String) -> String {
        var out = ""
        var escaped = false
        for c in s {
            if !escaped, c == "\\" {
                escaped = true
                continue
            }
            escaped = false
            out.append(c)
        }
        return out
    }

    /// Cells of a pipe-table line, split at unescaped pipes, unescaped.
    static func tableCells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for c in line.dropFirst() {
            if escaped {
                current.append("\\")
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        return cells.map { unescape(removeLinks($0.trimmingCharacters(in: .whitespaces))) }
    }
}
