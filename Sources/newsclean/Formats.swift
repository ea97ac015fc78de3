import NewsCleaner
import NewsCleanerWARC
import NewsCleanerSupport

/// The `-f` formats and the file extension each one writes.
enum OutputFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json, jsonl

    /// Extension of output files (`-o DIR`), without the dot.
    var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .html: return "html"
        case .json: return "json"
        case .jsonl: return "jsonl"
        }
    }

    /// The names `-f` accepts, for messages.
    static var names: String { allCases.map(\.rawValue).joined(separator: "|") }
}

/// Turns a cleaned `Article` into the bytes of one output, for every format, with the
/// `--links`, `--no-tables` and `--metadata` switches applied. Shared by the page and the WARC
/// paths so that a page gives the same output whichever way it came in.
struct ArticleFormatter: Sendable {
    var format: OutputFormat
    /// `--links`: Markdown and HTML keep links.
    var links = false
    /// Not `--no-tables`.
    var tables = true
    /// `--metadata`: text and Markdown start with a metadata header.
    var metadataHeader = false
    /// Not `--no-title`: the text format starts with the title.
    var title = true
    /// `--original`: html is the page's own sanitised subtree (`Article.contentHTML`).
    var original = false

    /// The metadata fields `render` prints (beyond the title, which every format may show):
    /// the cleaner need not fill the others. The plain text format without `--metadata` needs
    /// none, so the metadata extractor does not run for it.
    var metadataFields: CleanerOptions.MetadataFields {
        switch format {
        case .text:
            return metadataHeader ? [.authors, .published, .modified, .siteName, .url, .language] : []
        case .markdown:
            // Links are resolved against the page's URL; the front matter prints its fields.
            let front: CleanerOptions.MetadataFields = [.authors, .published, .siteName, .url, .language, .description]
            return (metadataHeader ? front : []).union(links ? .url : [])
        case .html:
            // Links resolve against the URL; the document has a `lang` (no lead image in the CLI).
            return [.url, .language]
        case .json, .jsonl:
            return .all
        }
    }

    /// The output for one page, ending with a newline (empty text output stays empty).
    /// `source` (the input path) is added to JSON objects when given.
    func render(_ article: Article, url: String?, source: String?) -> String {
        switch format {
        case .text:
            let body = TextRenderer(includeTitle: title).render(article)
            guard metadataHeader else { return body }
            let header = Self.textHeader(article.metadata, title: article.title)
            return header.isEmpty ? body : header + "\n" + body
        case .markdown:
            return MarkdownRenderer(links: links, tables: tables, metadataHeader: metadataHeader).render(article)
        case .html:
            return HTMLRenderer(document: true, links: links, tables: tables, original: original).render(article)
        case .json:
            return JSONRenderer(pretty: true).render(article, url: url, source: source) + "\n"
        case .jsonl:
            return JSONRenderer(pretty: false).render(article, url: url, source: source) + "\n"
        }
    }

    /// One JSON Lines record for a WARC record: the `jsonl` object with `url` set to the
    /// record's `WARC-Target-URI` and `warc_date`, `warc_record_id` right after it.
    func warcLine(_ article: Article, targetURI: String?, date: String?, recordID: String?) -> String {
        guard case .object(var fields) = JSONRenderer(pretty: false).value(article, url: targetURI) else {
            preconditionFailure("JSONRenderer.value always gives an object")
        }
        let urlIndex = fields.firstIndex { $0.0 == "url" } ?? fields.endIndex
        if urlIndex < fields.endIndex { fields[urlIndex].1 = .optional(targetURI) }
        let insertAt = min(urlIndex + 1, fields.endIndex)
        fields.insert(contentsOf: [("warc_date", .optional(date)), ("warc_record_id", .optional(recordID))], at: insertAt)
        return JSONValue.object(fields).serialized() + "\n"
    }

    /// `--metadata` for text: `Key: value` lines for the fields the page states (title, author,
    /// date, modified, site, URL, language), or "" when it states none.
    static func textHeader(_ meta: Metadata, title: String?) -> String {
        let rows: [(String, String?)] = [
            ("Title", meta.title ?? title),
            ("Author", meta.authors.isEmpty ? nil : meta.authors.joined(separator: JSONRenderer.authorSeparator)),
            ("Date", meta.published),
            ("Modified", meta.modified),
            ("Site", meta.siteName),
            ("URL", meta.url),
            ("Language", meta.language),
        ]
        return rows.compactMap { key, value in
            guard let value, !value.isEmpty else { return nil }
            return key + ": " + value.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
        }.joined()
    }
}
