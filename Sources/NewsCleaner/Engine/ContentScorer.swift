/// Why a subtree was removed before the article container was chosen.
enum RemovalReason: Equatable, Sendable {
    /// Not rendered: a skipped tag (form control, media …), `hidden`, `aria-hidden`, `display:none`.
    case invisible
    /// A landmark tag that never holds the article body (`nav`, `aside`, `footer`).
    case landmark(Tag)
    /// The class/id/role names boilerplate.
    case vocabulary(Concept)
    /// A user `drop` rule matched (the selector as written).
    case rule(String)
}

/// Step 6: removes boilerplate subtrees and chooses the article container.
///
/// Two views are combined. The *removal* view drops subtrees whose tag or class/id vocabulary
/// names boilerplate, unless they hold a large share of the page's text (the density check).
/// The *ancestor-scoring* view (as in Readability) scores each paragraph by commas, sentence
/// ends and length, hands the score to its ancestors with decay, scales each candidate by
/// (1 − link density), and takes the best; candidates that agree (≥ 3 near-best ones inside one
/// ancestor) move the choice up; qualifying siblings are merged.
///
/// ```swift
/// let choice = ContentScorer(document, features, settings, useVocabulary: true).choose()
/// ```
struct ContentScorer {
    let doc: Document
    let features: Features
    let settings: ExtractionSettings
    let useVocabulary: Bool
    /// User rule decisions (drop, content roots, keep shields), nil without rules.
    let rules: RuleMarks?

    /// Removal decisions by node id (nil: kept).
    private(set) var removed: [RemovalReason?]
    /// Candidate scores by node id.
    private(set) var scores: [Float]
    private(set) var isCandidate: [Bool]
    /// Weighted characters of scored paragraphs in each subtree (all levels, no decay): the
    /// density view's measure of how much prose a subtree holds.
    private(set) var prose: [Float]

    init(_ doc: Document, _ features: Features, _ settings: ExtractionSettings, useVocabulary: Bool, rules: RuleMarks? = nil) {
        self.rules = rules
        self.doc = doc
        self.features = features
        self.settings = settings
        self.useVocabulary = useVocabulary
        removed = [RemovalReason?](repeating: nil, count: doc.count)
        scores = [Float](repeating: 0, count: doc.count)
        isCandidate = [Bool](repeating: false, count: doc.count)
        prose = [Float](repeating: 0, count: doc.count)
        markRemovals()
        scoreParagraphs()
    }

    /// The chosen container roots (the best candidate and merged siblings), in document order.
    struct Choice {
        var roots: [Int]
        var top: Int
    }

    // MARK: Removal view

    private func removalReason(_ id: Int, pageChars: Float) -> RemovalReason? {
        if let rules, rules.decidesRemoval(id) { return rules.removalReason(id) }
        if features.invisible[id] { return .invisible }
        let tag = doc.tag(id)
        let protected = features.chars[id] >= settings.protectedTextShare * pageChars
        if tag == .nav || tag == .aside || tag == .footer {
            return protected ? nil : .landmark(tag)
        }
        guard useVocabulary else { return nil }
        let hints = features.hints[id]
        let negative = hints.intersection(.boilerplate)
        // Links are words of the text around them: a tag link in a sentence (`class="textTag"`) stays.
        if negative.isEmpty || hints.contains(.articleBody) || hints.contains(.embed) || tag == .body || tag == .html || tag == .article
            || tag == .main || tag == .a {
            return nil
        }
        if protected && !negative.contains(.comments) { return nil }
        return .vocabulary(negative)
    }

    private mutating func markRemovals() {
        let pageChars = features.chars[0]
        var id = 1
        while id < doc.count {
            if doc.tag(id) != .text, let reason = removalReason(id, pageChars: pageChars) {
                removed[id] = reason
                id = doc.subtreeEnd(id)
            } else {
                id += 1
            }
        }
    }

    // MARK: Ancestor-scoring view

    private func initialScore(_ id: Int) -> Float {
        let tag = doc.tag(id)
        var score: Float
        switch tag {
        case .div, .section, .article, .main, .unknown, .body, .td, .form, .center, .font:
            score = settings.containerTagWeight
        case .pre, .blockquote:
            score = settings.cellTagWeight
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .menu:
            score = settings.listTagWeight
        case .h1, .h2, .h3, .h4, .h5, .h6, .th:
            score = settings.headingTagWeight
        default:
            score = 0
        }
        if tag == .td { score = settings.cellTagWeight }
        let hints = features.hints[id]
        if tag == .article || tag == .main || hints.contains(.articleBody) {
            score += settings.semanticContainerWeight
        }
        if hints.contains(.articleBody) || hints.contains(.content) { score += settings.classWeight }
        if !hints.intersection(.boilerplate).isEmpty { score -= settings.classWeight }
        return score
    }

    /// Is this element a unit of prose whose score feeds its ancestors?
    private func isScoredParagraph(_ id: Int) -> Bool {
        switch doc.tag(id) {
        case .p, .pre, .td, .dd:
            return true
        case .div, .section, .article, .unknown, .span, .font, .center, .blockquote:
            return !features.hasBlockChild[id]
        default:
            return false
        }
    }

    private mutating func scoreParagraphs() {
        var id = 1
        while id < doc.count {
            if removed[id] != nil {
                id = doc.subtreeEnd(id)
                continue
            }
            if doc.tag(id) != .text, isScoredParagraph(id), features.chars[id] >= settings.minParagraphChars {
                let points = settings.paragraphBasePoints
                    + Float(features.commas[id]) * settings.commaPoints
                    + Float(features.sentences[id]) * settings.sentencePoints
                    + min(features.chars[id] / settings.paragraphCharsPerPoint, settings.maxLengthPoints)
                if features.linkDensity(id) < settings.siblingParagraphMaxLinkDensity {
                    // Summed into the ancestors below, in one backward pass: climbing to the
                    // root from every paragraph is quadratic on deeply nested pages.
                    prose[id] += features.chars[id]
                }
                var ancestor = doc.parent(id)
                var level = 0
                while let a = ancestor, level < settings.ancestorLevels, doc.tag(a) != .root {
                    if !isCandidate[a] {
                        isCandidate[a] = true
                        scores[a] = initialScore(a)
                    }
                    let divisor: Float = level == 0 ? 1 : (level == 1 ? settings.grandparentDivisor : Float(level) * settings.deepAncestorFactor)
                    scores[a] += points / divisor
                    ancestor = doc.parent(a)
                    level += 1
                }
            }
            id += 1
        }
        // Children before parents: each node's prose is complete when added to its parent.
        // With the default weights the characters are multiples of 1/2 and the sums exact in
        // any order, equal to the old climb's.
        var node = doc.count - 1
        while node > 0 {
            if prose[node] != 0, let parent = doc.parent(node) { prose[parent] += prose[node] }
            node -= 1
        }
    }

    /// Final score of a candidate: its paragraph score scaled by (1 − link density).
    func finalScore(_ id: Int) -> Float {
        scores[id] * (1 - features.linkDensity(id))
    }

    func choose() -> Choice? {
        if let forced = rules?.contentRoots, let first = forced.first { return Choice(roots: forced, top: first) }
        // Top candidates by final score.
        var top: [(id: Int, score: Float)] = []
        for id in 1..<doc.count where isCandidate[id] {
            let s = finalScore(id)
            if top.count < settings.topCandidateCount || s > top[top.count - 1].score {
                top.append((id, s))
                top.sort { $0.score > $1.score }
                if top.count > settings.topCandidateCount { top.removeLast() }
            }
        }
        guard var best = top.first?.id else { return nil }
        let bestScore = top[0].score

        // Several near-best candidates inside one ancestor: that ancestor is the article.
        let alternatives = top.dropFirst().filter { $0.score >= settings.alternativeScoreRatio * bestScore }.map(\.id)
        if alternatives.count >= settings.minAlternativeCandidates - 1 {
            var ancestor = doc.parent(best)
            while let a = ancestor, doc.tag(a) != .body, doc.tag(a) != .root {
                let inside = alternatives.filter { $0 >= a && $0 < doc.subtreeEnd(a) }.count
                if inside >= settings.minAlternativeCandidates - 1 {
                    best = a
                    break
                }
                ancestor = doc.parent(a)
            }
        }
        // Microdata that names the article body (itemprop=articleBody) around the choice is the
        // article: take all of it.
        var marked = doc.parent(best)
        while let a = marked, doc.tag(a) != .body, doc.tag(a) != .root {
            if features.hints[a].contains(.schemaArticleBody) && removed[a] == nil {
                best = a
                break
            }
            marked = doc.parent(a)
        }
        // Climb while the parent holds nothing else of substance.
        while let p = doc.parent(best), doc.tag(p) != .body, doc.tag(p) != .root, doc.tag(p) != .html,
              features.chars[p] <= features.chars[best] * 1.0001 {
            best = p
        }

        // Merge qualifying siblings.
        let chosenScore = isCandidate[best] ? finalScore(best) : bestScore
        let threshold = max(settings.siblingMinScore, chosenScore * settings.siblingScoreRatio)
        guard let parent = doc.parent(best) else { return Choice(roots: [best], top: best) }
        var roots: [Int] = []
        var sibling = doc.firstChild(parent)
        while let s = sibling {
            defer { sibling = doc.nextSibling(s) }
            if s == best {
                roots.append(s)
                continue
            }
            guard doc.tag(s) != .text, removed[s] == nil, features.chars[s] > 0 else { continue }
            if isCandidate[s] && finalScore(s) >= threshold {
                roots.append(s)
            } else if prose[s] >= settings.siblingProseMinChars, prose[s] >= settings.siblingProseShare * features.chars[s],
                      features.linkDensity(s) < settings.siblingParagraphMaxLinkDensity {
                // A sibling made mostly of prose continues the article (bodies split by figures or ads).
                roots.append(s)
            } else if doc.tag(s) == .p || isScoredParagraph(s) {
                let ld = features.linkDensity(s)
                if features.chars[s] > settings.siblingParagraphMinChars && ld < settings.siblingParagraphMaxLinkDensity {
                    roots.append(s)
                } else if ld == 0 && features.sentences[s] > 0 {
                    roots.append(s)
                }
            }
        }
        return Choice(roots: roots, top: best)
    }
}
