/// Builds the JSON document for an `Article`: metadata fields, `text` and `blocks`.
///
/// Field names follow trafilatura's where one exists. Every field is always present
/// (`null` or `[]` when the page does not state it), in this order:
///
/// | field | type | meaning |
/// |---|---|---|
/// | `title` | string/null | article title without the site name |
/// | `author` | string/null | authors joined by `"; "` (trafilatura's form) |
/// | `authors` | [string] | the same names as a list |
/// | `date` | string/null | publication date, ISO 8601 (`2024-02-28T15:04:00+09:00`) |
/// | `modified` | string/null | last modification date, ISO 8601 |
/// | `sitename` | string/null | site name |
/// | `hostname` | string/null | host of the page URL |
/// | `url` | string/null | canonical URL, else the given URL |
/// | `description` | string/null | the page's summary |
/// | `categories` | [string] | sections/categories |
/// | `tags` | [string] | tags/keywords |
/// | `language` | string/null | primary language subtag (`en`, `ja`) |
/// | `image` | string/null | lead image URL |
/// | `text` | string | the body as plain text (the `text` format without the title line) |
/// | `blocks` | [object] | `{"kind", "text", "level"}`, plus `"cells"` for table rows and `"links"` (`[{"text","href"}]`) when the block has links |
///
/// `render` gives pretty JSON (`-f json`) or one compact line (`-f jsonl`); `value` gives the
/// object to extend (e.g. with a source file name) before serialising.
///
/// ```swift
/// let json = ArticleJSON().render(article)                 // pretty, for -f json
/// let line = ArticleJSON(pretty: false).render(article)    // one line, for -f jsonl
/// ```
public struct ArticleJSON: Sendable {
    /// Indented output (`json`) instead of one line (`jsonl`).
    public var pretty: Bool
    /// Include the `blocks` array.
    public var includeBlocks: Bool

    /// Separator between authors in the `author` string, as trafilatura writes it.
    package static let authorSeparator = "; "

    /// A renderer of the documented fields, indented unless `pretty` is false.
    ///
    /// ```swift
    /// ArticleJSON(pretty: false, includeBlocks: true)
    /// ```
    public init(pretty: Bool = true, includeBlocks: Bool = true) {
        self.pretty = pretty
        self.includeBlocks = includeBlocks
    }

    /// The JSON text for `article` (no trailing newline).
    public func render(_ article: Article) -> String {
        value(article).serialized(pretty: pretty)
    }

    /// The JSON object for `article`, fields in the documented order.
    ///
    /// ```swift
    /// if case .object(var fields) = ArticleJSON().value(article) { fields.append(("source", .string(path))) }
    /// ```
    package func value(_ article: Article) -> JSONValue {
        let meta = article.metadata
        let body = RenderSupport.bodyBlocks(article)
        var text = TextRenderer().render(Article(blocks: body))
        if text.hasSuffix("\n") { text.removeLast() }
        var fields: [(String, JSONValue)] = [
            ("title", .optional(meta.title ?? RenderSupport.title(article))),
            ("author", meta.authors.isEmpty ? .null : .string(meta.authors.joined(separator: ArticleJSON.authorSeparator))),
            ("authors", .array(meta.authors.map { .string($0) })),
            ("date", .optional(meta.published)),
            ("modified", .optional(meta.modified)),
            ("sitename", .optional(meta.siteName)),
            ("hostname", .optional(meta.hostname)),
            ("url", .optional(meta.url)),
            ("description", .optional(meta.description)),
            ("categories", .array(meta.categories.map { .string($0) })),
            ("tags", .array(meta.tags.map { .string($0) })),
            ("language", .optional(meta.language)),
            ("image", .optional(meta.image)),
            ("text", .string(text)),
        ]
        if includeBlocks {
            fields.append(("blocks", .array(body.map { ArticleJSON.block($0, base: meta.url) })))
        }
        return .object(fields)
    }

    /// One block as `{"kind","text","level"[,"cells"][,"links"]}`; link hrefs resolved against `base`.
    static func block(_ block: Block, base: String?) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("kind", .string(block.kind.rawValue)),
            ("text", .string(block.text)),
            ("level", .int(block.level)),
        ]
        if block.kind == .tableRow { fields.append(("cells", .array(RenderSupport.cells(block).map { .string($0) }))) }
        if !block.links.isEmpty {
            fields.append(("links", .array(block.links.map {
                .object([("text", .string($0.text)),
                         ("href", .string(URLResolver.resolve($0.href, against: base) ?? $0.href))])
            })))
        }
        return .object(fields)
    }
}
