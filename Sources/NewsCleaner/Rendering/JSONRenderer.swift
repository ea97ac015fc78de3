/// Renders an `Article` as JSON: the CLI's `-f json` (pretty) and `-f jsonl` (one line) output.
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
/// | `source` | string | the input path (`-` for stdin), last; only when `source` is given |
///
/// `url` is the canonical URL, else the URL given to `clean`; when the article carries no URL at
/// all, the `url` argument fills it. `Article` is `Codable` in this shape, so the output reads
/// back with `JSONDecoder`.
///
/// ```swift
/// let line = JSONRenderer().render(article, url: "https://example.com/a", source: "in/a.html")
/// let doc = JSONRenderer(pretty: true).render(article)
/// ```
public struct JSONRenderer: Sendable {
    /// Indented output instead of one line.
    public var pretty: Bool
    /// Include the `blocks` array.
    public var includeBlocks: Bool

    /// Separator between authors in the `author` string, as trafilatura writes it.
    package static let authorSeparator = "; "

    /// A renderer of the CLI's JSON, one line unless `pretty` is true.
    ///
    /// ```swift
    /// JSONRenderer(pretty: false, includeBlocks: true)
    /// ```
    public init(pretty: Bool = false, includeBlocks: Bool = true) {
        self.pretty = pretty
        self.includeBlocks = includeBlocks
    }

    /// The JSON text (no trailing newline).
    ///
    /// - Parameters:
    ///   - url: the page URL; fills `"url"` when the article's metadata has none.
    ///   - source: where the page came from (input path, `-` for stdin), appended as `"source"` when not nil.
    public func render(_ article: Article, url: String? = nil, source: String? = nil) -> String {
        value(article, url: url, source: source).serialized(pretty: pretty)
    }

    /// The JSON object `render` writes, to extend before serialising (the WARC path adds its
    /// `warc_*` fields).
    ///
    /// ```swift
    /// let object = JSONRenderer().value(article, url: uri, source: nil)
    /// ```
    package func value(_ article: Article, url: String? = nil, source: String? = nil) -> JSONValue {
        let meta = article.metadata
        let body = RenderSupport.bodyBlocks(article)
        var text = TextRenderer().render(Article(blocks: body))
        if text.hasSuffix("\n") { text.removeLast() }
        var fields: [(String, JSONValue)] = [
            ("title", .optional(meta.title ?? RenderSupport.title(article))),
            ("author", meta.authors.isEmpty ? .null : .string(meta.authors.joined(separator: JSONRenderer.authorSeparator))),
            ("authors", .array(meta.authors.map { .string($0) })),
            ("date", .optional(meta.published)),
            ("modified", .optional(meta.modified)),
            ("sitename", .optional(meta.siteName)),
            ("hostname", .optional(meta.hostname)),
            ("url", .optional(meta.url ?? url)),
            ("description", .optional(meta.description)),
            ("categories", .array(meta.categories.map { .string($0) })),
            ("tags", .array(meta.tags.map { .string($0) })),
            ("language", .optional(meta.language)),
            ("image", .optional(meta.image)),
            ("text", .string(text)),
        ]
        if includeBlocks {
            fields.append(("blocks", .array(body.map { JSONRenderer.block($0, base: meta.url) })))
        }
        if let source { fields.append(("source", .string(source))) }
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

    /// `string` as a JSON string literal, quotes included.
    ///
    /// ```swift
    /// JSONRenderer.quote("a\"b") // "\"a\\\"b\""
    /// ```
    package static func quote(_ string: String) -> String {
        var out = ""
        JSONValue.writeString(string, into: &out)
        return out
    }
}
