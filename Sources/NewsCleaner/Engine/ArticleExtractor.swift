/// Steps 5–7 of the pipeline: features, container choice, block extraction.
///
/// ```swift
/// let article = ArticleExtractor(options: CleanerOptions()).extract(document, url: nil)
/// ```
struct ArticleExtractor {
    let options: CleanerOptions
    /// User rules resolved for this page (see `init(options:url:)` in Rules/), nil without rules.
    var page: PageRules? = nil

    func extract(_ document: Document, url: String?) -> Article {
        let features = Features(document, settings: options.settings, matcher: page?.matcher ?? Vocabulary.matcher)
        let title = TitleFinder.find(document, features: features)
        let marks = page?.marks(for: document)
        var result = run(document, features, title: title, useVocabulary: true, marks: marks)
        let total = result.blocks.reduce(Float(0)) { $0 + Float($1.text.utf8.count) }
        if total < options.settings.minArticleChars {
            let relaxed = run(document, features, title: title, useVocabulary: false, marks: marks)
            let relaxedTotal = relaxed.blocks.reduce(Float(0)) { $0 + Float($1.text.utf8.count) }
            if relaxedTotal > total { result = relaxed }
        }
        var metadata = Metadata()
        metadata.title = title
        metadata.url = url
        return Article(title: title, blocks: result.blocks, metadata: metadata)
    }

    private func run(_ document: Document, _ features: Features, title: String?, useVocabulary: Bool, marks: RuleMarks?) -> (blocks: [Block], roots: [Int]) {
        let scorer = ContentScorer(document, features, options.settings, useVocabulary: useVocabulary, rules: marks)
        let roots = scorer.choose()?.roots ?? [bodyOrRoot(document)]
        var extractor = BlockExtractor(document, features, removed: scorer.removed, options: options, title: title)
        extractor.rules = marks
        return (extractor.extract(roots: roots), roots)
    }

    func bodyOrRoot(_ doc: Document) -> Int {
        for id in doc.nodeIDs where doc.tag(id) == .body { return id }
        return doc.root
    }
}

import Foundation

/// Finds the article title: the main `<h1>`, else `<title>` without the site name.
enum TitleFinder {
    /// Separators between a page title and the site name.
    static let siteSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", "｜", " ｜ ", "：", " / "]

    static func find(_ doc: Document, features: Features) -> String? {
        var pageTitle: String?
        var h1s: [String] = []
        var id = 1
        while id < doc.count {
            let tag = doc.tag(id)
            if features.invisible[id] {
                id = doc.subtreeEnd(id)
                continue
            }
            if tag == .title, pageTitle == nil {
                pageTitle = doc.text(of: id)
            } else if tag == .h1 {
                let t = doc.text(of: id)
                if !t.isEmpty { h1s.append(t) }
            }
            id += 1
        }
        let cleaned = pageTitle.map(stripSiteName)
        if let h1 = h1s.first(where: { h in cleaned.map { $0.contains(h) || h.contains($0) } ?? false }) {
            return h1
        }
        if let cleaned, !cleaned.isEmpty { return cleaned }
        return h1s.first
    }

    static func stripSiteName(_ title: String) -> String {
        for separator in siteSeparators where title.contains(separator) {
            let parts = title.components(separatedBy: separator)
            if let longest = parts.max(by: { $0.count < $1.count }) {
                return longest.trimmingCharacters(in: .whitespaces)
            }
        }
        return title
    }
}

/// One block the engine considered, with its fate: the data behind `--explain`.
public struct BlockDecision: Sendable, Equatable {
    public var text: String
    public var kind: Block.Kind
    /// Nil when the block was kept, else why it was dropped.
    public var dropReason: String?
}

extension ArticleExtractor {
    /// Every block the walker considered inside the chosen container, kept or dropped.
    func decisions(_ document: Document) -> (roots: [Int], decisions: [BlockDecision]) {
        let features = Features(document, settings: options.settings, matcher: page?.matcher ?? Vocabulary.matcher)
        let title = TitleFinder.find(document, features: features)
        let marks = page?.marks(for: document)
        let scorer = ContentScorer(document, features, options.settings, useVocabulary: true, rules: marks)
        let roots = scorer.choose()?.roots ?? [bodyOrRoot(document)]
        var extractor = BlockExtractor(document, features, removed: scorer.removed, options: options, title: title)
        extractor.rules = marks
        _ = extractor.extract(roots: roots)
        return (roots, extractor.decisions.map { BlockDecision(text: $0.block.text, kind: $0.block.kind, dropReason: $0.reason.map { "\($0)" }) })
    }
}
