/// Why a subtree was removed before the article container was chosen.
enum RemovalReason: Equatable, Sendable {
    /// Not rendered: a skipped tag (form control, media …), `hidden`, `aria-hidden`, `display:none`.
    case invisible
    /// A landmark tag that never holds the article body (`nav`, `aside`, `footer`, `form`).
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

    /// The heading that repeats the page's title (the headline), nil when none does.
    private(set) var headline: Int? = nil

    /// `title`: the page's one title; the heading repeating it marks the headline group, whose
    /// deck (subtitle, standfirst) is part of the article.
    init(_ doc: Document, _ features: Features, _ settings: ExtractionSettings, useVocabulary: Bool, rules: RuleMarks? = nil,
         title: String? = nil) {
        self.rules = rules
        self.doc = doc
        self.features = features
        self.settings = settings
        self.useVocabulary = useVocabulary
        removed = [RemovalReason?](repeating: nil, count: doc.count)
        scores = [Float](repeating: 0, count: doc.count)
        isCandidate = [Bool](repeating: false, count: doc.count)
        prose = [Float](repeating: 0, count: doc.count)
        findClaims()
        markRemovals()
        scoreParagraphs()
        if let title, !title.isEmpty { headline = findHeadline(title) }
    }

    /// The first node at `id` or after it in document order that lies in no removed subtree
    /// (`doc.count` when none): the walks over what removal left step with it.
    func nextKept(_ id: Int) -> Int {
        var id = id
        while id < doc.count, removed[id] != nil { id = doc.subtreeEnd(id) }
        return id
    }

    /// The first visible heading whose text is the title (each heading's text read once; headings
    /// do not nest, so this is linear in the page).
    private func findHeadline(_ title: String) -> Int? {
        var id = nextKept(1)
        while id < doc.count {
            if doc.tag(id).headingLevel > 0 {
                if doc.text(of: id) == title { return id }
                id = nextKept(doc.subtreeEnd(id))
            } else {
                id = nextKept(id + 1)
            }
        }
        return nil
    }

    /// The chosen container roots (the best candidate and merged siblings), in document order.
    struct Choice {
        var roots: [Int]
        var top: Int
        /// Which view chose `top` and why (nil when user rules forced the container).
        var verdict: ViewVerdict? = nil
    }

    // MARK: Removal view

    /// The page's claims of where its article is (see `articleClaimMinChars`), in document
    /// order, and the smallest subtree end among the first k + 1 of them.
    private var claims: [Int] = []
    private var claimsMinEnd: [Int] = []

    private mutating func findClaims() {
        for id in 1..<doc.count {
            let tag = doc.tag(id)
            guard tag == .article || tag == .main || features.hints[id].contains(.articleBody) else { continue }
            guard !features.invisible[id], features.chars[id] >= settings.articleClaimMinChars,
                  features.linkDensity(id) < settings.siblingParagraphMaxLinkDensity else { continue }
            claims.append(id)
            claimsMinEnd.append(min(claimsMinEnd.last ?? Int.max, doc.subtreeEnd(id)))
        }
    }

    /// How many claims start before `id`.
    private func claimsBefore(_ id: Int) -> Int {
        var lo = 0, hi = claims.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if claims[mid] < id { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Does the subtree of `id` hold a claim (the element itself excluded)?
    private func holdsClaim(_ id: Int) -> Bool {
        var k = claimsBefore(id)
        if k < claims.count && claims[k] == id { k += 1 }
        return k < claims.count && claims[k] < doc.subtreeEnd(id)
    }

    /// Is there a claim apart from `id`: neither inside its subtree nor around it?
    private func claimApart(from id: Int) -> Bool {
        let k = claimsBefore(id)
        if k > 0 && claimsMinEnd[k - 1] <= id { return true }
        return (claims.last ?? -1) >= doc.subtreeEnd(id)
    }

    private func removalReason(_ id: Int, pageChars: Float) -> RemovalReason? {
        if let rules, rules.decidesRemoval(id) { return rules.removalReason(id) }
        if features.invisible[id] { return .invisible }
        let tag = doc.tag(id)
        let protected = features.chars[id] >= settings.protectedTextShare * pageChars
        if tag == .nav || tag == .aside || tag == .footer || tag == .form {
            // A landmark holding much of the page's text may be the article's wrapper, unless
            // the page claims its article elsewhere (legal text in the footer of a short article).
            return protected && (holdsClaim(id) || !claimApart(from: id)) ? nil : .landmark(tag)
        }
        guard useVocabulary else { return nil }
        let hints = features.hints[id]
        let negative = hints.intersection(.removable)
        // Links are words of the text around them: a tag link in a sentence (`class="textTag"`) stays.
        if negative.isEmpty || hints.contains(.articleBody) || hints.contains(.embed) || tag == .body || tag == .html || tag == .article
            || tag == .main || tag == .a {
            return nil
        }
        if protected && !negative.contains(.comments) { return nil }
        // A boilerplate-named element around the page's claimed article is a layout wrapper
        // (`has-rail-right`, `layout-sidebar-left`), not the rail or the sidebar itself.
        if !negative.contains(.comments) && holdsClaim(id) { return nil }
        return .vocabulary(negative)
    }

    private mutating func markRemovals() {
        let pageChars = features.chars[0]
        // Inside `<pre>` and `<code>` class names are syntax highlighting (`hljs-comment`,
        // `token tag`), not the page's structure: only invisibility and user rules remove there.
        var codeEnd = 0
        var id = 1
        while id < doc.count {
            let tag = doc.tag(id)
            if id < codeEnd, tag != .text, !features.invisible[id], rules?.decidesRemoval(id) != true {
                id += 1
                continue
            }
            if tag == .pre || tag == .code { codeEnd = max(codeEnd, doc.subtreeEnd(id)) }
            if tag != .text, let reason = removalReason(id, pageChars: pageChars) {
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
        if !hints.intersection(.removable).isEmpty { score -= settings.classWeight }
        return score
    }

    /// Is this element a unit of prose whose score feeds its ancestors?
    func isScoredParagraph(_ id: Int) -> Bool {
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
        var id = nextKept(1)
        while id < doc.count {
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
            id = nextKept(id + 1)
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
        // Climb while the parent holds nothing else of substance, or mostly more of the
        // article's prose (a body split into sections, each scored on its own).
        best = climbToProse(climb(best))
        // The second view: the page's own claim of where the article is, cross-checked.
        let (checked, verdict) = crossCheck(best, densityScore: bestScore)
        if checked != best {
            // The page's own container overruled the density choice: it is the article, and
            // its siblings (where the density choice may sit) are not merged.
            best = climb(checked)
            return Choice(roots: leads(before: [best]) + [best], top: best, verdict: verdict)
        }

        // Merge qualifying siblings.
        let chosenScore = isCandidate[best] ? finalScore(best) : bestScore
        let threshold = max(settings.siblingMinScore, chosenScore * settings.siblingScoreRatio)
        guard let parent = doc.parent(best) else { return Choice(roots: [best], top: best, verdict: verdict) }
        var roots: [Int] = []
        // Siblings after the last merged one that may turn out to lie between two merged parts.
        var pending: [Int] = []
        var broken = false
        var sibling = doc.firstChild(parent)
        while let s = sibling {
            defer { sibling = doc.nextSibling(s) }
            if s != best {
                guard doc.tag(s) != .text, removed[s] == nil, features.chars[s] > 0 else { continue }
            }
            if s == best || mergesAsSibling(s, threshold: threshold) {
                // Everything between two merged parts belongs to the article (subheadings,
                // short lines, sections split by embeds), unless a link-heavy block lies between.
                if !broken { roots.append(contentsOf: pending) }
                pending.removeAll()
                broken = false
                roots.append(s)
            } else if !roots.isEmpty {
                if features.linkDensity(s) < settings.gapMaxLinkDensity { pending.append(s) } else { broken = true }
            }
        }
        return Choice(roots: leads(before: roots) + roots, top: best, verdict: verdict)
    }

    /// Climbs while the parent holds nothing else of substance.
    private func climb(_ start: Int) -> Int {
        var best = start
        while let p = doc.parent(best), doc.tag(p) != .body, doc.tag(p) != .root, doc.tag(p) != .html,
              features.chars[p] <= features.chars[best] * 1.0001 {
            best = p
        }
        return best
    }

    /// Climbs to the highest ancestor holding at least `climbMinProseGain` times the prose of
    /// the choice, through ancestors that are mostly prose with few links (the sections of one
    /// article, not a page wrapper with lists and rails).
    private func climbToProse(_ start: Int) -> Int {
        var best = start
        var ancestor = doc.parent(start)
        while let p = ancestor, doc.tag(p) != .body, doc.tag(p) != .root, doc.tag(p) != .html,
              prose[p] >= settings.climbMinProseShare * features.chars[p],
              features.linkDensity(p) < settings.siblingParagraphMaxLinkDensity {
            // Wrappers without new prose are passed through; one with more prose is taken.
            if prose[p] >= settings.climbMinProseGain * prose[best] { best = p }
            ancestor = doc.parent(p)
        }
        return best
    }

    /// Is sibling `s` of the container part of the article?
    private func mergesAsSibling(_ s: Int, threshold: Float) -> Bool {
        if isCandidate[s] && finalScore(s) >= threshold { return true }
        if prose[s] >= settings.siblingProseMinChars, prose[s] >= settings.siblingProseShare * features.chars[s],
           features.linkDensity(s) < settings.siblingParagraphMaxLinkDensity {
            // A sibling made mostly of prose continues the article (bodies split by figures or ads).
            return true
        }
        if doc.tag(s) == .p || isScoredParagraph(s) {
            let ld = features.linkDensity(s)
            if features.chars[s] > settings.siblingParagraphMinChars && ld < settings.siblingParagraphMaxLinkDensity { return true }
            if ld == 0 && features.sentences[s] > 0 { return true }
        }
        return false
    }

    /// The lead (standfirst) in its own element just before the container: prose siblings before
    /// the first root, searched on `leadMaxLevels` levels, `leadMaxSiblings` elements each.
    private func leads(before roots: [Int]) -> [Int] {
        guard var node = roots.first else { return [] }
        var found: [Int] = []
        var pastMeta = false
        for _ in 0..<settings.leadMaxLevels {
            guard let parent = doc.parent(node), doc.tag(parent) != .root, doc.tag(parent) != .html else { break }
            var before: [Int] = []
            var child = doc.firstChild(parent)
            while let c = child, c != node {
                if doc.tag(c) != .text, removed[c] == nil, features.chars[c] > 0 { before.append(c) }
                child = doc.nextSibling(c)
            }
            var blocked = false
            for c in before.reversed().prefix(settings.leadMaxSiblings) {
                if !pastMeta && isLead(c) {
                    found.insert(c, at: 0)
                } else if let sub = subtitle(in: c) {
                    // The headline's group: the top of the article. Only its subtitle line is
                    // the article's (the headline repeats the title; captions and date lists
                    // beside it are not).
                    found.insert(sub, at: 0)
                    blocked = true
                    break
                } else if prose[c] > 0 || features.linkDensity(c) >= settings.siblingParagraphMaxLinkDensity {
                    // A date or byline line between the headline and the body is searched past,
                    // for the headline's subtitle only (a caption or promo line above it is no
                    // lead). Other prose or a link list between: what lies beyond is not the lead.
                    if isMetaLine(c) {
                        pastMeta = true
                    } else {
                        blocked = true
                        break
                    }
                }
            }
            if blocked || doc.tag(parent) == .body { break }
            node = parent
        }
        return found
    }

    /// The subtitle line of the headline group `id` (an element holding the title heading): the
    /// heading's next element, one short scored line without a sentence end or links (an
    /// original-language title, a kicker line). Nil when `id` holds no headline or no such line.
    private func subtitle(in id: Int) -> Int? {
        guard let h = headline, h > id, h < doc.subtreeEnd(id) else { return nil }
        var next = doc.nextSibling(h)
        while let n = next, doc.tag(n) == .text { next = doc.nextSibling(n) }
        guard let s = next, removed[s] == nil, prose[s] > 0, features.sentences[s] == 0, features.links[s] == 0,
              features.chars[s] <= settings.subtitleMaxChars else { return nil }
        // A date or byline line right under the headline is no subtitle (one short subtree, read once).
        for node in s..<doc.subtreeEnd(s) where !features.hints[node].intersection(.aboutArticle).isEmpty { return nil }
        return s
    }

    /// A meta line (date, byline, reading time): short, without a sentence end.
    private func isMetaLine(_ id: Int) -> Bool {
        features.sentences[id] == 0 && features.chars[id] <= settings.bylineMaxChars
    }

    /// A lead: prose with a sentence end, few links, prose making up most of its text.
    private func isLead(_ id: Int) -> Bool {
        prose[id] > 0 && features.sentences[id] > 0
            && features.linkDensity(id) < settings.siblingParagraphMaxLinkDensity
            && prose[id] >= settings.leadMinProseShare * features.chars[id]
    }
}
