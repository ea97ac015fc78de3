import Testing
@testable import NewsCleaner

/// A small page parsed, with its features, for the engine's unit tests.
struct EnginePage {
    let doc: Document
    let features: Features
    let settings: ExtractionSettings

    init(_ html: String, settings: ExtractionSettings = ExtractionSettings()) throws {
        doc = try Cleaner().parse(html: Array(html.utf8))
        features = Features(doc, settings: settings)
        self.settings = settings
    }

    /// The element whose `id` attribute is `name`.
    func node(_ name: String) throws -> Int {
        try #require(doc.nodeIDs.first { doc.tag($0) != .text && doc.attribute(.id, of: $0) == name },
                     "no element with id \(name)")
    }

    /// True when `inner` is `outer` or inside it.
    func isInside(_ inner: Int, _ outer: Int) -> Bool {
        inner >= outer && inner < doc.subtreeEnd(outer)
    }

    func scorer(useVocabulary: Bool = true) -> ContentScorer {
        ContentScorer(doc, features, settings, useVocabulary: useVocabulary)
    }

    /// Steps 6–7 as the cleaner runs them: container, then blocks with their fates.
    func blocks(_ options: CleanerOptions = CleanerOptions())
        -> (kept: [Block], decisions: [(block: Block, reason: DropReason?, owner: Int)]) {
        let scorer = scorer()
        let roots = scorer.choose()?.roots ?? [doc.root]
        var extractor = BlockExtractor(doc, features, removed: scorer.removed, options: options, title: nil)
        let kept = extractor.extract(roots: roots)
        return (kept, extractor.decisions)
    }
}

/// Prose with commas and sentence ends, long enough to score as a paragraph.
func prose(_ topic: String) -> String {
    "The council discussed \(topic) on Monday, and members spoke for an hour. Residents asked questions, "
        + "the mayor answered them, and a vote on \(topic) is planned for next month."
}
