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

    public init(title: String? = nil, blocks: [Block] = [], metadata: Metadata = Metadata()) {
        self.title = title
        self.blocks = blocks
        self.metadata = metadata
    }

    /// The plain-text rendering: title first, then each block, separated by a blank line.
    public var text: String { TextRenderer().render(self) }
}

/// One unit of article text with its structural kind.
///
/// ```swift
/// Block(kind: .heading, text: "NATOトップも派兵を否定", level: 2)
/// ```
public struct Block: Sendable, Equatable {
    /// What the block is in the article's structure.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
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

    public var kind: Kind
    /// The block's text, whitespace collapsed (except for `.preformatted`).
    public var text: String
    /// Heading level for headings, nesting depth for list items, otherwise 0.
    public var level: Int
    /// The cells of a `.tableRow`, otherwise empty.
    public var cells: [String]
    /// Links inside the block as (anchor text, href) pairs, in order.
    public var links: [Link]

    public init(kind: Kind, text: String, level: Int = 0, cells: [String] = [], links: [Link] = []) {
        self.kind = kind
        self.text = text
        self.level = level
        self.cells = cells
        self.links = links
    }
}

/// A hyperlink inside a block.
public struct Link: Sendable, Equatable {
    public var text: String
    public var href: String
    public init(text: String, href: String) {
        self.text = text
        self.href = href
    }
}

/// Page metadata; each field is `nil`/empty when the page does not state it.
public struct Metadata: Sendable, Equatable {
    public var title: String?
    public var authors: [String] = []
    public var published: String?
    public var modified: String?
    public var siteName: String?
    public var language: String?
    public var url: String?
    public var description: String?
    public var image: String?
    public var tags: [String] = []
    public var categories: [String] = []
    public init() {}
}
