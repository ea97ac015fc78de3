import Foundation

/// `Article` is `Codable` in the shape of the JSON output (`-f json`, `-f jsonl`,
/// `JSONRenderer`), so what the CLI writes reads back into an `Article`:
///
/// ```swift
/// let line = JSONRenderer().render(article, url: nil)
/// let again = try JSONDecoder().decode(Article.self, from: Data(line.utf8))
/// ```
///
/// Decoding takes `title`, the metadata fields, `blocks` and `content_html` (present only
/// when the article has `contentHTML`); it ignores the derived `author`
/// string and `text`, and any extra field (`source`, `warc_date`, …). Encoding writes the
/// documented fields (`text` included) with `JSONEncoder`'s ordering.
extension Article: Codable {
    enum CodingKeys: String, CodingKey {
        case title, author, text, blocks, contentHTML = "content_html"
    }

    /// Reads an article from the JSON output's object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let metadata = try Metadata(from: decoder)
        self.init(title: try container.decodeIfPresent(String.self, forKey: .title),
                  blocks: try container.decodeIfPresent([Block].self, forKey: .blocks) ?? [],
                  metadata: metadata,
                  contentHTML: try container.decodeIfPresent(String.self, forKey: .contentHTML))
    }

    /// Writes the article as the JSON output's fields (`title` is the metadata title, else the
    /// article's; `text` is the body without the title line).
    public func encode(to encoder: any Encoder) throws {
        var meta = metadata
        if meta.title == nil { meta.title = RenderSupport.title(self) }
        try meta.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(meta.authors.isEmpty ? nil : meta.authors.joined(separator: JSONRenderer.authorSeparator),
                             forKey: .author)
        let body = RenderSupport.bodyBlocks(self)
        var text = TextRenderer().render(Article(blocks: body))
        if text.hasSuffix("\n") { text.removeLast() }
        try container.encode(text, forKey: .text)
        try container.encode(body, forKey: .blocks)
        try container.encodeIfPresent(contentHTML, forKey: .contentHTML)
    }
}

/// `Article.Metadata` is `Codable` with the JSON output's field names (`date` for `published`,
/// `sitename` for `siteName`); absent fields decode as `nil` or `[]`.
extension Article.Metadata: Codable {
    enum CodingKeys: String, CodingKey {
        case title, authors, published = "date", modified, siteName = "sitename", hostname, url,
             description, categories, tags, language, image
    }

    /// Reads metadata from an object with the JSON output's field names.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        title = try c.decodeIfPresent(String.self, forKey: .title)
        authors = try c.decodeIfPresent([String].self, forKey: .authors) ?? []
        published = try c.decodeIfPresent(String.self, forKey: .published)
        modified = try c.decodeIfPresent(String.self, forKey: .modified)
        siteName = try c.decodeIfPresent(String.self, forKey: .siteName)
        hostname = try c.decodeIfPresent(String.self, forKey: .hostname)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        categories = try c.decodeIfPresent([String].self, forKey: .categories) ?? []
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        language = try c.decodeIfPresent(String.self, forKey: .language)
        image = try c.decodeIfPresent(String.self, forKey: .image)
    }

    /// Writes every field, `null` or `[]` when the page does not state it.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(authors, forKey: .authors)
        try c.encode(published, forKey: .published)
        try c.encode(modified, forKey: .modified)
        try c.encode(siteName, forKey: .siteName)
        try c.encode(hostname, forKey: .hostname)
        try c.encode(url, forKey: .url)
        try c.encode(description, forKey: .description)
        try c.encode(categories, forKey: .categories)
        try c.encode(tags, forKey: .tags)
        try c.encode(language, forKey: .language)
        try c.encode(image, forKey: .image)
    }
}

/// `Article.Block` is `Codable` as the JSON output's `{"kind", "text", "level"}` plus `"cells"`
/// for table rows and `"links"` when it has links.
extension Article.Block: Codable {
    enum CodingKeys: String, CodingKey {
        case kind, text, level, cells, links
    }

    /// Reads a block; `level`, `cells` and `links` default to 0 and empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try c.decode(Kind.self, forKey: .kind),
                  text: try c.decode(String.self, forKey: .text),
                  level: try c.decodeIfPresent(Int.self, forKey: .level) ?? 0,
                  cells: try c.decodeIfPresent([String].self, forKey: .cells) ?? [],
                  links: try c.decodeIfPresent([Article.Link].self, forKey: .links) ?? [])
    }

    /// Writes the block as the JSON output does (cells only for table rows, links only when any).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        try c.encode(level, forKey: .level)
        if kind == .tableRow { try c.encode(RenderSupport.cells(self), forKey: .cells) }
        if !links.isEmpty { try c.encode(links, forKey: .links) }
    }
}
