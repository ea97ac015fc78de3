/// Which view of the page chose the article container, and why (shown by `--explain`).
///
/// ```swift
/// let verdict = ViewVerdict(winner: .structural, reason: "…")
/// ```
struct ViewVerdict: Equatable, Sendable {
    /// The views that can choose the container.
    enum View: String, Sendable {
        /// The text-density / ancestor-scoring choice.
        case density
        /// The container the page names itself (`<article>`, `<main>`, role=main, articleBody).
        case structural
    }
    var winner: View
    /// One line for people: the measures the rule compared.
    var reason: String
}

/// The second, independent view of the page and the rule that checks the density choice
/// against it.
///
/// The *structural view* takes the page at its word: of the elements it names as the article
/// (`<article>`, `<main>`, `role=main|article`, an articleBody class or itemprop) the one holding
/// the most prose. The two containers are compared by how much of their prose they share
/// (containers are nested or disjoint, so the shared prose is the inner one's):
/// - they agree when the inner one holds at least `viewAgreementMinShare` of the outer one's
///   prose, and the density choice stands;
/// - when they disagree, a JSON-LD `articleBody` (if the page has one) is the arbiter: the view
///   whose paragraphs agree better with it (shingle overlap, precision and recall) wins;
/// - without one, the structural container wins when it reads as an article (prose is at least
///   `structuralMinProseShare` of its text, low link density) and, when it lies apart from the
///   density choice, the density view rates it at least `structuralMinScoreShare` of its own
///   choice; else the density choice stands.
extension ContentScorer {
    /// The structural view's container, or nil when the page names none with enough prose.
    func structuralContainer() -> Int? {
        var found: Int? = nil
        var bestProse: Float = 0
        var id = nextKept(1)
        while id < doc.count {
            let tag = doc.tag(id)
            if tag != .text, prose[id] >= settings.structuralMinProse, prose[id] >= bestProse,
               tag == .article || tag == .main || features.hints[id].contains(.articleBody) || isMainRole(id) {
                // `>=`: of nested claims with the same prose, the inner (later) one.
                found = id
                bestProse = prose[id]
            }
            id = nextKept(id + 1)
        }
        return found
    }

    private func isMainRole(_ id: Int) -> Bool {
        guard let role = doc.attribute(.role, of: id) else { return false }
        return role == "main" || role == "article"
    }

    /// Does the structural container read as an article (mostly prose, few links)?
    private func readsAsArticle(_ id: Int) -> Bool {
        features.chars[id] > 0 && prose[id] >= settings.structuralMinProseShare * features.chars[id]
            && features.linkDensity(id) < settings.siblingParagraphMaxLinkDensity
    }

    /// Checks the density choice against the structural view; returns the container to use.
    /// `densityScore` is the final score of the density view's best candidate (the container may
    /// have climbed above it).
    func crossCheck(_ density: Int, densityScore: Float) -> (container: Int, verdict: ViewVerdict) {
        guard let structural = structuralContainer() else {
            return (density, ViewVerdict(winner: .density, reason: "the page names no article container with prose"))
        }
        if structural == density {
            return (density, ViewVerdict(winner: .density, reason: "both views chose the same container"))
        }
        let sInD = structural > density && structural < doc.subtreeEnd(density)
        let dInS = density > structural && density < doc.subtreeEnd(structural)
        let share: Float
        if sInD {
            share = prose[density] > 0 ? prose[structural] / prose[density] : 0
        } else if dInS {
            share = prose[structural] > 0 ? prose[density] / prose[structural] : 0
        } else {
            share = 0
        }
        let shareText = "shared prose \(percent(share))"
        if share >= settings.viewAgreementMinShare {
            return (density, ViewVerdict(winner: .density, reason: "views agree (\(shareText))"))
        }
        if let evidence = JSONLDEvidence(self) {
            let d = evidence.agreement(of: density)
            let s = evidence.agreement(of: structural)
            let why = "views disagree (\(shareText)); JSON-LD articleBody agrees \(percent(s)) with the structural, \(percent(d)) with the density container"
            if s > d && s >= settings.jsonLDMinAgreement { return (structural, ViewVerdict(winner: .structural, reason: why)) }
            if d >= settings.jsonLDMinAgreement { return (density, ViewVerdict(winner: .density, reason: why)) }
        }
        // The density choice holding the structural one is a wider cut of the same article; a
        // structural container apart from the density choice must also score near it.
        let rated = dInS || finalScore(structural) >= settings.structuralMinScoreShare * densityScore
        if !sInD && rated && readsAsArticle(structural) {
            return (structural, ViewVerdict(winner: .structural, reason: "views disagree (\(shareText)); the page's container reads as an article (prose \(percent(prose[structural] / features.chars[structural])) of its text)"))
        }
        return (density, ViewVerdict(winner: .density, reason: "views disagree (\(shareText)); the page's container is not mostly prose"))
    }

    private func percent(_ x: Float) -> String { "\(Int((x * 100).rounded()))%" }
}

/// The page's JSON-LD `articleBody` as evidence: never output, only compared with the
/// paragraphs of the candidate containers by word 4-gram (shingle) overlap.
struct JSONLDEvidence {
    /// Words per shingle.
    static let shingleLength = 4
    /// Han, kana, hangul: each character is a word (the ranges `TextMeasure` weighs as CJK).
    static let cjkScalars: [ClosedRange<UInt32>] = [0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                                                    0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF66...0xFF9F]
    /// Scored paragraphs in document order: id, weighted characters, share of shingles found in the body.
    private var paragraphs: [(id: Int, chars: Float, confirmed: Float)] = []
    /// Confirmed characters of the whole page: what a view that finds the whole body would hold.
    private var pageConfirmed: Float = 0
    private let doc: Document

    /// Nil when the page has no JSON-LD articleBody.
    init?(_ scorer: ContentScorer) {
        doc = scorer.doc
        guard let body = JSONLDEvidence.articleBody(scorer.doc.jsonLD) else { return nil }
        let truth = Set(JSONLDEvidence.shingles(body))
        guard !truth.isEmpty else { return nil }
        var id = scorer.nextKept(1)
        while id < doc.count {
            if doc.tag(id) != .text, scorer.isScoredParagraph(id), scorer.features.chars[id] >= scorer.settings.minParagraphChars {
                let own = JSONLDEvidence.shingles(doc.text(of: id))
                let found = own.isEmpty ? 0 : Float(own.filter(truth.contains).count) / Float(own.count)
                paragraphs.append((id, scorer.features.chars[id], found))
                pageConfirmed += found * scorer.features.chars[id]
                id = scorer.nextKept(doc.subtreeEnd(id))
            } else {
                id = scorer.nextKept(id + 1)
            }
        }
    }

    /// Harmonic mean of the share of the container's paragraphs found in the body and the share
    /// of the page's body-confirmed text inside the container.
    func agreement(of container: Int) -> Float {
        let end = doc.subtreeEnd(container)
        var chars: Float = 0
        var confirmed: Float = 0
        for p in paragraphs where p.id >= container && p.id < end {
            chars += p.chars
            confirmed += p.chars * p.confirmed
        }
        guard chars > 0, pageConfirmed > 0 else { return 0 }
        let precision = confirmed / chars
        let recall = confirmed / pageConfirmed
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    /// The first `articleBody` string of the page's JSON-LD blocks (only blocks that name it are parsed).
    static func articleBody(_ sources: [String]) -> String? {
        for source in sources where source.contains("\"articleBody\"") {
            guard let value = JSONLD.parse(source) else { continue }
            var objects: [[String: Any]] = []
            JSONLD.collect(value, into: &objects)
            for object in objects {
                if let body = JSONLD.string(object["articleBody"]), !body.isEmpty { return body }
            }
        }
        return nil
    }

    /// Hashes of the word 4-grams of `text` (lower-cased letters and digits; CJK characters are words).
    static func shingles(_ text: String) -> [Int] {
        var words: [Int] = []
        var current = Hasher()
        var inWord = false
        for scalar in text.unicodeScalars {
            let cjk = scalar.value >= cjkScalars[0].lowerBound && cjkScalars.contains { $0.contains(scalar.value) }
            if cjk || !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                if inWord { words.append(current.finalize()); current = Hasher(); inWord = false }
                if cjk { var h = Hasher(); h.combine(scalar.value); words.append(h.finalize()) }
                continue
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars { current.combine(lower.value) }
            inWord = true
        }
        if inWord { words.append(current.finalize()) }
        guard words.count >= shingleLength else {
            // A text shorter than one shingle is one shingle of all its words.
            guard !words.isEmpty else { return [] }
            var h = Hasher()
            for w in words { h.combine(w) }
            return [h.finalize()]
        }
        var out: [Int] = []
        out.reserveCapacity(words.count - shingleLength + 1)
        for i in 0...(words.count - shingleLength) {
            var h = Hasher()
            for w in words[i..<(i + shingleLength)] { h.combine(w) }
            out.append(h.finalize())
        }
        return out
    }
}
