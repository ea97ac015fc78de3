/// Renders an `Article` as the CLI's JSON: the `ArticleJSON` object (every documented field, in
/// its documented order), then the CLI's own extras appended at the end.
///
/// Extras: `"source"` (the input path, `-` for standard input) when given. `url` is
/// `ArticleJSON`'s (canonical URL, else the URL given to `clean`); when the article carries no
/// URL at all, the `url` argument fills it. Compact output is one line (a JSON Lines record);
/// pretty output is indented (`-f json`).
///
/// ```swift
/// let line = JSONRenderer().render(article, url: "https://example.com/a", source: "in/a.html")
/// let doc = JSONRenderer(pretty: true).render(article, url: nil)
/// ```
public struct JSONRenderer: Sendable {
    /// Indented output instead of one line.
    public var pretty: Bool
    /// Include the `blocks` array.
    public var includeBlocks: Bool

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
    public func render(_ article: Article, url: String?, source: String? = nil) -> String {
        value(article, url: url, source: source).serialized(pretty: pretty)
    }

    /// The JSON object `render` writes, to extend before serialising (the WARC path adds its
    /// `warc_*` fields).
    ///
    /// ```swift
    /// let object = JSONRenderer().value(article, url: uri, source: nil)
    /// ```
    package func value(_ article: Article, url: String?, source: String? = nil) -> JSONValue {
        guard case .object(var fields) = ArticleJSON(pretty: pretty, includeBlocks: includeBlocks).value(article) else {
            preconditionFailure("ArticleJSON.value always gives an object")
        }
        if let url, let index = fields.firstIndex(where: { $0.0 == "url" }), fields[index].1 == .null {
            fields[index].1 = .string(url)
        }
        if let source { fields.append(("source", .string(source))) }
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
