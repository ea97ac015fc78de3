import Foundation

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
        // One title for every format: the metadata's title picker, with the engine's visibility.
        let scan = PageScan(document, invisible: features.invisible)
        let ld = JSONLD(document.jsonLD)
        let choice = MetadataExtractor.pickTitle(scan, ld, url: url)
        let title = choice.text
        let marks = page?.marks(for: document)
        var result = run(document, features, title: title, useVocabulary: true, marks: marks)
        let total = result.blocks.reduce(Float(0)) { $0 + Float($1.text.utf8.count) }
        if total < options.settings.minArticleChars {
            let relaxed = run(document, features, title: title, useVocabulary: false, marks: marks)
            let relaxedTotal = relaxed.blocks.reduce(Float(0)) { $0 + Float($1.text.utf8.count) }
            if relaxedTotal > total { result = relaxed }
        }
        let articleText = result.blocks.lazy.map(\.text).joined(separator: " ")
        let metadata = MetadataExtractor().extract(document, scan, ld, title: choice, url: url,
                                                   text: articleText.isEmpty ? nil : articleText)
        return Article(title: metadata.title, blocks: result.blocks, metadata: metadata)
    }

    /// Steps 6–7 once: the scorer and block walker are returned too, for `trace`.
    private func run(_ document: Document, _ features: Features, title: String?, useVocabulary: Bool,
                     marks: RuleMarks?) -> (blocks: [Block], roots: [Int], scorer: ContentScorer, extractor: BlockExtractor) {
        let scorer = ContentScorer(document, features, options.settings, useVocabulary: useVocabulary, rules: marks)
        let roots = scorer.choose()?.roots ?? [bodyOrRoot(document)]
        var extractor = BlockExtractor(document, features, removed: scorer.removed, options: options, title: title)
        extractor.rules = marks
        let blocks = extractor.extract(roots: roots)
        return (blocks, roots, scorer, extractor)
    }

    func bodyOrRoot(_ doc: Document) -> Int {
        for id in doc.nodeIDs where doc.tag(id) == .body { return id }
        return doc.root
    }
}

/// Site-name separators and the `<title>` cut shared with `TitleCleaner` (the title itself is
/// picked by `TitlePicker`, the one title picker of every format).
///
/// ```swift
/// TitleFinder.stripSiteName("Big news | Daily Planet") == "Big news"
/// ```
enum TitleFinder {
    /// Separators between a page title and the site name.
    static let siteSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", "｜", " ｜ ", "：", " / "]

    static func stripSiteName(_ title: String) -> String {
        for separator in siteSeparators where title.contains(separator) {
            let parts = title.components(separatedBy: separator)
            if let longest = parts.max(by: { $0.count < $1.count }) {
                return longest.trimmingCharacters(in: .whitespaces)
            }
        }
        return title.trimmingCharacters(in: .whitespaces)
    }
}

/// One block the engine considered, with its fate: the data behind `--explain`.
public struct BlockDecision: Sendable, Equatable {
    public var text: String
    public var kind: Block.Kind
    /// Nil when the block was kept, else why it was dropped.
    public var dropReason: String?
}

/// What the engine decided on one page: removals, scores, the container and every block.
struct ExtractionTrace {
    var removed: [RemovalReason?]
    var scores: [Float]
    var roots: [Int]
    var decisions: [(block: Block, reason: DropReason?, owner: Int)]
}

extension ArticleExtractor {
    /// Runs the engine like `extract` (vocabulary on) and keeps every decision.
    func trace(_ document: Document) -> ExtractionTrace {
        let features = Features(document, settings: options.settings, matcher: page?.matcher ?? Vocabulary.matcher)
        let title = MetadataExtractor.pickTitle(PageScan(document, invisible: features.invisible),
                                                JSONLD(document.jsonLD), url: nil).text
        let result = run(document, features, title: title, useVocabulary: true, marks: page?.marks(for: document))
        let scores = document.nodeIDs.map { result.scorer.finalScore($0) }
        return ExtractionTrace(removed: result.scorer.removed, scores: scores, roots: result.roots,
                               decisions: result.extractor.decisions)
    }

    /// Every block the walker considered inside the chosen container, kept or dropped.
    func decisions(_ document: Document) -> (roots: [Int], decisions: [BlockDecision]) {
        let t = trace(document)
        return (t.roots, t.decisions.map { BlockDecision(text: $0.block.text, kind: $0.block.kind, dropReason: $0.reason.map { "\($0)" }) })
    }
}
