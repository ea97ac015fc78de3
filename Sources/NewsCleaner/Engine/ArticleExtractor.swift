import Foundation

/// Steps 5–7 of the pipeline: features, container choice, block extraction.
///
/// ```swift
/// let run = ArticleExtractor(options: CleanerOptions(), url: nil).run(document, url: nil)
/// print(run.title ?? "", run.blocks.count)
/// ```
struct ArticleExtractor {
    let options: CleanerOptions
    /// User rules resolved for this page (see `init(options:url:)` in Rules/), nil without rules.
    var page: PageRules? = nil

    /// The page's work budget; steps stop early once it is spent (`CleanerOptions.onTooComplex`).
    var meter = WorkMeter.unlimited()

    /// What steps 5–7 decided on one page: the output and every decision behind it.
    struct Run {
        var title: String?
        var blocks: [Block]
        /// The chosen container roots, in document order.
        var roots: [Int]
        var scorer: ContentScorer
        var extractor: BlockExtractor
        /// The metadata step's view of the page and its JSON-LD, shared with the title pick.
        var scan: PageScan
        var ld: JSONLD
        /// The one title every format shows, with where it came from.
        var titleChoice: TitlePicker.Choice
        /// Which view of the page chose the container and why (nil without a cross-check).
        var verdict: ViewVerdict?
        /// True when the relaxed retry (vocabulary off) gave the output.
        var relaxed: Bool
        /// The kept blocks' text joined by spaces (nil when empty), for the metadata step.
        var bodyText: String? {
            let text = blocks.lazy.map(\.text).joined(separator: " ")
            return text.isEmpty ? nil : text
        }
    }

    /// Steps 5–7 once, the relaxed retry included: the run whose blocks become the article and
    /// whose decisions `trace` (--explain, `decisions`) reports.
    func run(_ document: Document, url: String?) -> Run {
        // Features: two passes over the nodes and one over the text.
        meter.spend(2 * document.count + document.textBytes.count)
        let features = Features(document, settings: options.settings, matcher: page?.matcher ?? Vocabulary.matcher)
        // One title for every format: the metadata's title picker, with the engine's visibility.
        let texts = SubtreeText(document)
        let scan = PageScan(document, invisible: features.invisible, texts: texts, meter: meter)
        let ld = JSONLD(document.jsonLD)
        let choice = MetadataExtractor.pickTitle(scan, ld, url: url)
        let marks = page?.marks(for: document)
        let pass = { (useVocabulary: Bool) in
            self.pass(document, features, scan, ld, choice, useVocabulary: useVocabulary, marks: marks)
        }
        var result = pass(true)
        let total = result.blocks.reduce(Float(0)) { $0 + Float($1.text.utf8.count) }
        if total < options.settings.minArticleChars, !meter.isExhausted {
            let relaxed = pass(false)
            let relaxedTotal = relaxed.blocks.reduce(Float(0)) { $0 + Float($1.text.utf8.count) }
            if relaxedTotal > total { result = relaxed }
        }
        return result
    }

    /// Steps 6–7 once, with or without the class/id vocabulary.
    private func pass(_ document: Document, _ features: Features, _ scan: PageScan, _ ld: JSONLD,
                      _ choice: TitlePicker.Choice, useVocabulary: Bool, marks: RuleMarks?) -> Run {
        let title = choice.text
        // The scorer: one pass over the nodes, then each paragraph's few scored ancestors.
        meter.spend((1 + options.settings.ancestorLevels) * document.count)
        let scorer = ContentScorer(document, features, options.settings, useVocabulary: useVocabulary, rules: marks)
        let pick = scorer.choose()
        let roots = pick?.roots ?? [bodyOrRoot(document)]
        var extractor = BlockExtractor(document, features, removed: scorer.removed, options: options, title: title)
        extractor.rules = marks
        extractor.meter = meter
        let blocks = extractor.extract(roots: roots)
        return Run(title: title, blocks: blocks, roots: roots, scorer: scorer, extractor: extractor,
                   scan: scan, ld: ld, titleChoice: choice, verdict: pick?.verdict, relaxed: !useVocabulary)
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
    /// The block's text.
    public var text: String
    /// The block's kind (heading, paragraph, …).
    public var kind: Article.Block.Kind
    /// Nil when the block was kept, else why it was dropped.
    public var dropReason: String?
}

/// What the engine decided on one page: removals, scores, the container and every block.
struct ExtractionTrace {
    var removed: [RemovalReason?]
    var scores: [Float]
    var roots: [Int]
    var decisions: [(block: Block, reason: DropReason?, owner: Int)]
    /// Which view chose the container and why (nil: user rules chose it).
    var verdict: ViewVerdict?
}

extension ArticleExtractor {
    /// Every decision of the run that produced the article (the relaxed retry included).
    func trace(_ document: Document) -> ExtractionTrace {
        let result = run(document, url: nil)
        let scores = document.nodeIDs.map { result.scorer.finalScore($0) }
        return ExtractionTrace(removed: result.scorer.removed, scores: scores, roots: result.roots,
                               decisions: result.extractor.decisions, verdict: result.verdict)
    }

    /// Every block the walker considered inside the chosen container, kept or dropped.
    func decisions(_ document: Document) -> (roots: [Int], decisions: [BlockDecision]) {
        let t = trace(document)
        return (t.roots, t.decisions.map { BlockDecision(text: $0.block.text, kind: $0.block.kind, dropReason: $0.reason.map { "\($0)" }) })
    }
}
