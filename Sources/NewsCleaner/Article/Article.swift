/// The main article of a page: its title and its text as ordered blocks.
///
/// ```swift
/// let article = try Cleaner().clean(html: bytes, url: "https://example.com/a")
/// print(article.title ?? "", article.blocks.count)
/// ```
public struct Article: Sendable, Equatable {
    /// The article's title, if one was found.
    public var title: String?
    /// The article body in document order.
    public var blocks: [Block]
    /// Metadata found in the page (title source, dates, authors …); empty fields are absent.
    public var metadata: Metadata
    /// The article container's own HTML from the page, sanitised (no scripts, styles, event
    /// attributes or `javascript:` URLs; URLs resolved; images and figures kept). Nil unless
    /// `CleanerOptions.includeContentHTML` is set.
    public var contentHTML: String?

    /// An article from its parts (the cleaner builds them; tests and decoders may too).
    public init(title: String? = nil, blocks: [Block] = [], metadata: Metadata = Metadata(),
                contentHTML: String? = nil) {
        self.title = title
        self.blocks = blocks
        self.metadata = metadata
        self.contentHTML = contentHTML
    }

    /// The plain-text rendering: title first, then each block, separated by a blank line.
    public var text: String { TextRenderer().render(self) }
}

// The engine, metadata and renderer code name the model's parts without the `Article.` prefix;
// these aliases are invisible to clients, whose own `Block`, `Link` or `Metadata` never clash.
package typealias Block = Article.Block
package typealias Link = Article.Link
package typealias Metadata = Article.Metadata

extension Article {

    /// One unit of article text with its structural kind.
    ///
    /// ```swift
    /// Article.Block(kind: .heading, text: "NATOトップも派兵を否定", level: 2)
    /// ```
    public struct Block: Sendable, Equatable, Hashable {
        /// What the block is in the article's structure.
        public enum Kind: String, Sendable, Equatable, CaseIterable, Codable {
            /// A heading (`h1`–`h6`); `level` is the heading level.
            case heading
            /// A paragraph of running text.
            case paragraph
            /// One item of a list; `level` is the nesting depth (1 = top level).
            case listItem
            /// Text inside a block quote.
            case quote
            /// One row of a table, cells joined by a tab in `text` and kept apart in `cells`.
            case tableRow
            /// Preformatted text (`pre`), whitespace kept.
            case preformatted
            /// A figure caption (only with `CleanerOptions.includeCaptions`).
            case caption
        }

        /// What the block is: heading, paragraph, list item, quote, table row, preformatted, caption.
        public var kind: Kind
        /// The block's text, whitespace collapsed (except for `.preformatted`).
        public var text: String
        /// Heading level for headings, nesting depth for list items, otherwise 0.
        public var level: Int
        /// The cells of a `.tableRow`, otherwise empty.
        public var cells: [String]
        /// Links inside the block as (anchor text, href) pairs, in order.
        public var links: [Link]

        /// A block of `kind` with its text; `level`, `cells` and `links` default to none.
        public init(kind: Kind, text: String, level: Int = 0, cells: [String] = [], links: [Link] = []) {
            self.kind = kind
            self.text = text
            self.level = level
            self.cells = cells
            self.links = links
        }
    }

    /// A hyperlink inside a block. Codable as `{"text", "href"}`.
    public struct Link: Sendable, Equatable, Hashable, Codable {
        /// The anchor text as it appears in the block's text.
        public var text: String
        /// The link target as written in the page (`Article.json` and renderers resolve it).
        public var href: String
        /// A link with its anchor text and target.
        public init(text: String, href: String) {
            self.text = text
            self.href = href
        }
    }

    /// Page metadata; each field is `nil`/empty when the page does not state it (never guessed).
    ///
    /// Filled by `MetadataExtractor`; see there for the sources of each field and the date rule.
    ///
    /// ```swift
    /// let meta = try Cleaner().clean(html: bytes, url: "https://example.com/a").metadata
    /// print(meta.title ?? "", meta.authors, meta.published ?? "")
    /// ```
    public struct Metadata: Sendable, Equatable, Hashable {
        /// The article title without the site name.
        public var title: String?
        /// Author names, cleaned ("By " etc. removed) and deduped, in page order.
        public var authors: [String] = []
        /// Publication date, ISO 8601 (`2024-02-28T15:04:00+09:00`, or `2009-10-18` when only a date).
        public var published: String?
        /// Last-modification date, ISO 8601.
        public var modified: String?
        /// The site's name (`og:site_name`, JSON-LD publisher).
        public var siteName: String?
        /// Primary language subtag, lowercased (`en`, `ja`, `zh`).
        public var language: String?
        /// The canonical URL (`<link rel=canonical>`, `og:url`), else the URL given to the cleaner.
        public var url: String?
        /// The host of the given URL, else of the canonical URL (`www.example.com`).
        public var hostname: String?
        /// The page's summary (`meta description`, `og:description`).
        public var description: String?
        /// Lead image URL, absolute when the page URL is known.
        public var image: String?
        /// Keywords and tags (`article:tag`, `meta keywords`, JSON-LD `keywords`).
        public var tags: [String] = []
        /// Sections or categories (`article:section`, JSON-LD `articleSection`).
        public var categories: [String] = []
        /// Empty metadata: `Metadata()`.
        public init() {}
    }
}
