/// Shared decisions of the renderers: which blocks follow the title, how heading levels shift,
/// and where links sit inside a block's text.
///
/// ```swift
/// let blocks = RenderSupport.bodyBlocks(article)   // without a first heading that repeats the title
/// let shift = RenderSupport.headingShift(blocks, hasTitle: article.title != nil)
/// ```
enum RenderSupport {
    /// Deepest heading level in Markdown and HTML.
    static let maxHeadingLevel = 6
    /// The level block headings start at when the title is the only level-1 heading.
    static let firstSubheadingLevel = 2

    /// The title, when it is non-empty.
    static func title(_ article: Article) -> String? {
        guard let title = article.title, !title.isEmpty else { return nil }
        return title
    }

    /// The blocks to render after the title, like `TextRenderer`: a first heading equal to the
    /// title is not repeated, empty blocks are skipped.
    static func bodyBlocks(_ article: Article) -> [Block] {
        var blocks = article.blocks.filter { !$0.text.isEmpty || !$0.cells.isEmpty }
        if let title = title(article), let first = blocks.first, first.kind == .heading, first.text == title {
            blocks.removeFirst()
        }
        return blocks
    }

    /// The amount added to each block heading's level so the shallowest becomes level 2
    /// (with a title) or level 1 (without).
    static func headingShift(_ blocks: [Block], hasTitle: Bool) -> Int {
        let levels = blocks.filter { $0.kind == .heading }.map { max(1, $0.level) }
        guard let shallowest = levels.min() else { return 0 }
        return (hasTitle ? firstSubheadingLevel : 1) - shallowest
    }

    /// A heading's output level after the shift, kept within 1…6.
    static func headingLevel(_ block: Block, shift: Int) -> Int {
        min(maxHeadingLevel, max(1, max(1, block.level) + shift))
    }

    /// One piece of a block's text: plain text or a link's anchor text with its URL.
    enum Segment: Equatable {
        case text(String)
        case link(text: String, url: String)
    }

    /// Splits `text` into plain and linked pieces: each link's anchor text is found in order
    /// (after the previous one); links whose text is not found or whose URL does not resolve are left out.
    static func segments(_ text: String, links: [Link], base: String?) -> [Segment] {
        var out: [Segment] = []
        var rest = Substring(text)
        for link in links where !link.text.isEmpty {
            guard let url = URLResolver.resolve(link.href, against: base),
                  let range = rest.range(of: link.text) else { continue }
            if range.lowerBound > rest.startIndex { out.append(.text(String(rest[..<range.lowerBound]))) }
            out.append(.link(text: link.text, url: url))
            rest = rest[range.upperBound...]
        }
        if !rest.isEmpty { out.append(.text(String(rest))) }
        return out
    }

    /// A table row's cells (its `cells`, else its text split at tabs).
    static func cells(_ block: Block) -> [String] {
        block.cells.isEmpty ? block.text.components(separatedBy: "\t") : block.cells
    }

    /// Consecutive blocks grouped by run: table rows together, list items together, quotes together.
    static func runs(_ blocks: [Block]) -> [[Block]] {
        var out: [[Block]] = []
        for block in blocks {
            if let last = out.last?.last, last.kind == block.kind,
               block.kind == .tableRow || block.kind == .listItem || block.kind == .quote {
                out[out.count - 1].append(block)
            } else {
                out.append([block])
            }
        }
        return out
    }
}
