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

    /// The page's work budget; steps stop early once it is spent (`CleanerOptions.onTooComplex`).
    var meter = WorkMeter.unlimited()

    func extract(_ document: Document, url: String?) -> Article {
        // Features: two passes over the nodes and one over the text.
        meter.spend(2 * document.count + document.textBytes.count)
        let features = Features(document, settings: options.settings, matcher: page?.matcher ?? Vocabulary.matcher)
        let texts = SubtreeText(document)
        let title = TitleFinder.find(document, features: features, texts: texts, meter: meter)
        let marks = page?.marks(for: document)
        var result = run(document, features, title: title, useVocabulary: true, marks: marks)
        let total = result.blocks.reduce(Float(0)) { $0 + Float($1.text.utf8.count) }
        if total < options.settings.minArticleChars, !meter.isExhausted {
            let relaxed = run(document, features, title: title, useVocabulary: false, marks: marks)
            let relaxedTotal = relaxed.blocks.reduce(Float(0)) { $0 + Float($1.text.utf8.count) }
            if relaxedTotal > total { result = relaxed }
        }
        let articleText = result.blocks.lazy.map(\.text).joined(separator: " ")
        let metadata = MetadataExtractor().extract(from: document, url: url, title: title,
                                                   text: articleText.isEmpty ? nil : articleText,
                                                   texts: texts, meter: meter)
        return Article(title: title, blocks: result.blocks, metadata: metadata)
    }

    /// Steps 6–7 once: the scorer and block walker are returned too, for `trace`.
    private func run(_ document: Document, _ features: Features, title: String?, useVocabulary: Bool,
                     marks: RuleMarks?) -> (blocks: [Block], roots: [Int], scorer: ContentScorer, extractor: BlockExtractor) {
        // The scorer: one pass over the nodes, then each paragraph's few scored ancestors.
        meter.spend((1 + options.settings.ancestorLevels) * document.count)
        let scorer = ContentScorer(document, features, options.settings, useVocabulary: useVocabulary, rules: marks)
        let roots = scorer.choose()?.roots ?? [bodyOrRoot(document)]
        var extractor = BlockExtractor(document, features, removed: scorer.removed, options: options, title: title)
        extractor.rules = marks
        extractor.meter = meter
        let blocks = extractor.extract(roots: roots)
        return (blocks, roots, scorer, extractor)
    }

    func bodyOrRoot(_ doc: Document) -> Int {
        for id in doc.nodeIDs where doc.tag(id) == .body { return id }
        return doc.root
    }
}

/// Finds the article title: the page heading that agrees with `og:title` / `<title>`, else the
/// page's only `<h1>`, else `og:title` or `<title>` without the site name, else the first `<h1>`.
///
/// ```swift
/// TitleFinder.stripSiteName("Big news | Daily Planet") == "Big news"
/// ```
enum TitleFinder {
    /// Separators between a page title and the site name.
    static let siteSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", "｜", " ｜ ", "：", " / "]
    /// Heading levels searched for the title, in order of preference.
    static let titleHeadings: [Tag] = [.h1, .h2, .h3]

    /// Longest reference title (`og:title`, `<title>`) in UTF-8 bytes that headings are compared
    /// with; a longer one is not a title and would make each comparison cost its length.
    static let maxReferenceBytes = 2048
    /// How many UTF-8 bytes a heading equal to (or inside) a reference of n bytes may have per
    /// reference byte: canonically equivalent strings differ in length (NFD spells one
    /// precomposed character with up to three scalars).
    static let equivalentBytesFactor = 4

    static func find(_ doc: Document, features: Features, texts: SubtreeText? = nil,
                     meter: WorkMeter = .unlimited()) -> String? {
        var pageTitle: String?
        var metaTitle: String?
        // Headings by id: their texts come from one shared table, so nested headings
        // (`<h2>…<div><h2>…`) do not copy their subtree's text once per level.
        var headings: [(tag: Tag, id: Int)] = []
        let texts = texts ?? SubtreeText(doc)
        meter.spend(doc.count + doc.textBytes.count)
        var id = 1
        while id < doc.count {
            let tag = doc.tag(id)
            switch tag {
            case .title where pageTitle == nil:
                pageTitle = texts.text(of: id)
            case .meta where metaTitle == nil:
                let key = doc.attribute(.property, of: id) ?? doc.attribute(.name, of: id)
                if key == "og:title" || key == "twitter:title", let content = doc.attribute(.content, of: id) {
                    let t = content.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !t.isEmpty { metaTitle = t }
                }
            case .h1, .h2, .h3:
                if !features.invisible[id], texts.byteCount(of: id) > 0 { headings.append((tag, id)) }
            default:
                break
            }
            id += 1
        }
        let stripped = pageTitle.map(stripSiteName).flatMap { $0.isEmpty ? nil : $0 }
        let strippedMeta = metaTitle.map(stripSiteName).flatMap { $0.isEmpty ? nil : $0 }
        let references = [metaTitle, strippedMeta, stripped, pageTitle].compactMap { $0 }
            .filter { $0.utf8.count <= maxReferenceBytes }
        // A heading equal to a reference or inside it is no longer than it (give or take
        // canonical equivalence): longer ones are not compared, or even copied.
        let longest = references.map(\.utf8.count).max() ?? 0
        let limit = longest * equivalentBytesFactor
        for level in titleHeadings {
            for h in headings where h.tag == level {
                guard meter.spend(1), let text = texts.text(of: h.id, limit: limit) else { continue }
                meter.spend(text.utf8.count * references.count)
                if references.contains(where: { $0 == text || (text.count * 2 >= $0.count && $0.contains(text)) }) {
                    return text
                }
            }
        }
        // A page with a single h1 names its article with it.
        let h1s = headings.lazy.filter { $0.tag == .h1 }
        if h1s.count == 1, let only = h1s.first { return texts.text(of: only.id) }
        return strippedMeta ?? stripped ?? h1s.first.map { texts.text(of: $0.id) }
    }

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
        let title = TitleFinder.find(document, features: features, meter: meter)
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
