import Foundation

/// Steps 5–7 of the pipeline: features, container choice, block extraction. The title comes from
/// the pipeline (`Cleaner.pageRun`), which picks it between the features and the passes.
///
/// ```swift
/// let engine = ArticleExtractor(options: CleanerOptions(), url: nil)
/// let run = engine.run(document, features: engine.features(document), title: nil)
/// print(run.blocks.count)
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

    /// Step 5: the page's features (their work spent from the budget), shared by the title pick.
    func features(_ document: Document) -> Features {
        // Features: two passes over the nodes and one over the text.
        meter.spend(2 * document.count + document.textBytes.count)
        return Features(document, settings: options.settings, matcher: page?.matcher ?? Vocabulary.matcher)
    }

    /// Steps 6–7 once, the retries included (vocabulary relaxed; then `hidden` elements read as
    /// visible): the run whose blocks become the article and whose decisions `trace` (--explain, `decisions`) reports. `title` is the page's one title
    /// (a heading repeating it is dropped).
    func run(_ document: Document, features: Features, title: String?) -> Run {
        let marks = page?.marks(for: document)
        let pass = { (useVocabulary: Bool) in
            self.pass(document, features, title: title, useVocabulary: useVocabulary, marks: marks)
        }
        var result = pass(true)
        let total = result.blocks.reduce(Float(0)) { $0 + Float($1.text.utf8.count) }
        if total < options.settings.minArticleChars, !meter.isExhausted {
            let relaxed = pass(false)
            let relaxedTotal = relaxed.blocks.reduce(Float(0)) { $0 + Float($1.text.utf8.count) }
            if relaxedTotal > total { result = relaxed }
            // Still nothing: a page that streams its article in (server-rendered chunks that a
            // script moves into place) keeps it in `hidden` elements. Read those as visible.
            if features.hasHiddenAttribute, max(total, relaxedTotal) < options.settings.minArticleChars, !meter.isExhausted {
                meter.spend(2 * document.count + document.textBytes.count)
                let shown = Features(document, settings: options.settings, matcher: page?.matcher ?? Vocabulary.matcher,
                                     honorHiddenAttribute: false)
                let revealed = self.pass(document, shown, title: title, useVocabulary: true, marks: marks)
                let revealedTotal = revealed.blocks.reduce(Float(0)) { $0 + Float($1.text.utf8.count) }
                if revealedTotal > max(total, relaxedTotal) { result = revealed }
            }
        }
        return result
    }

    /// Steps 6–7 once, with or without the class/id vocabulary.
    private func pass(_ document: Document, _ features: Features, title: String?,
                      useVocabulary: Bool, marks: RuleMarks?) -> Run {
        // The scorer: one pass over the nodes, then each paragraph's few scored ancestors.
        meter.spend((1 + options.settings.ancestorLevels) * document.count)
        let scorer = ContentScorer(document, features, options.settings, useVocabulary: useVocabulary, rules: marks, title: title)
        let pick = scorer.choose()
        let roots = pick?.roots ?? [bodyOrRoot(document)]
        var extractor = BlockExtractor(document, features, removed: scorer.removed, options: options, title: title)
        extractor.rules = marks
        extractor.meter = meter
        let blocks = extractor.extract(roots: roots)
        return Run(title: title, blocks: blocks, roots: roots, scorer: scorer, extractor: extractor,
                   verdict: pick?.verdict, relaxed: !useVocabulary)
    }

    func bodyOrRoot(_ doc: Document) -> Int {
        for id in doc.nodeIDs where doc.tag(id) == .body { return id }
        return doc.root
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
    /// Every decision of `result`, the run that produced the article (the relaxed retry included).
    static func trace(_ result: Run, _ document: Document) -> ExtractionTrace {
        let scores = document.nodeIDs.map { result.scorer.finalScore($0) }
        return ExtractionTrace(removed: result.scorer.removed, scores: scores, roots: result.roots,
                               decisions: result.extractor.decisions, verdict: result.verdict)
    }

    /// Every block the walker considered inside the chosen container, kept or dropped.
    static func decisions(_ result: Run, _ document: Document) -> (roots: [Int], decisions: [BlockDecision]) {
        let t = trace(result, document)
        return (t.roots, t.decisions.map { BlockDecision(text: $0.block.text, kind: $0.block.kind, dropReason: $0.reason.map { "\($0)" }) })
    }
}
