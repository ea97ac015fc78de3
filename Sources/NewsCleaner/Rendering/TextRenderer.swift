/// Renders an `Article` as plain text: the title first, then every block, blank-line separated.
///
/// ```swift
/// let text = TextRenderer().render(article)
/// let body = TextRenderer(includeTitle: false).render(article)   // the body only
/// ```
public struct TextRenderer: Sendable {
    /// Start with the title line (default true).
    public var includeTitle: Bool

    /// A renderer that starts with the title line unless `includeTitle` is false.
    public init(includeTitle: Bool = true) {
        self.includeTitle = includeTitle
    }

    /// The text: title, then each block, blocks separated by a blank line.
    public func render(_ article: Article) -> String {
        var parts: [String] = []
        parts.reserveCapacity(article.blocks.count + 1)
        if includeTitle, let title = article.title, !title.isEmpty,
           !(article.blocks.first.map { $0.kind == .heading && $0.text == title } ?? false) {
            parts.append(title)
        }
        for block in article.blocks where !block.text.isEmpty {
            switch block.kind {
            case .listItem: parts.append("- " + block.text)
            case .tableRow: parts.append(block.cells.isEmpty ? block.text : block.cells.joined(separator: "\t"))
            default: parts.append(block.text)
            }
        }
        return parts.joined(separator: "\n\n") + (parts.isEmpty ? "" : "\n")
    }
}
