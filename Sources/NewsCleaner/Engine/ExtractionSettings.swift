/// Every weight and threshold of the text-density engine, in one place, tuned as a set on the
/// dev corpus. Lengths are in *weighted characters*: one per letter or digit, `cjkCharacterWeight`
/// per Chinese/Japanese/Korean character (one CJK character carries about what 2–3 Latin letters do).
///
/// ```swift
/// var settings = ExtractionSettings()
/// settings.blockMaxLinkDensity = 0.4
/// let cleaner = Cleaner(options: { var o = CleanerOptions(); o.settings = settings; return o }())
/// ```
public struct ExtractionSettings: Sendable, Equatable {
    // MARK: Text measurement
    /// Weight of one CJK character (Han, kana, hangul) against one Latin letter.
    public var cjkCharacterWeight: Float = 2.5

    // MARK: Paragraph scores (the ancestor-scoring view)
    /// A paragraph shorter than this (weighted characters) gives its ancestors no score.
    public var minParagraphChars: Float = 25
    /// Weighted characters per length point of a paragraph.
    public var paragraphCharsPerPoint: Float = 100
    /// Cap on a paragraph's length points.
    public var maxLengthPoints: Float = 3
    /// Points per comma (`,` `、` `，`) in a paragraph.
    public var commaPoints: Float = 1
    /// Points per sentence end (`.` `!` `?` `。` `！` `？`) in a paragraph.
    public var sentencePoints: Float = 0.5
    /// Score that every scored paragraph starts with.
    public var paragraphBasePoints: Float = 1
    /// How many ancestors receive a paragraph's score.
    public var ancestorLevels = 5
    /// The grandparent receives score / this.
    public var grandparentDivisor: Float = 2
    /// Ancestors at level L ≥ 2 receive score / (L × this).
    public var deepAncestorFactor: Float = 3

    // MARK: Initial candidate weights
    /// Initial score of a generic container (div, section, article …).
    public var containerTagWeight: Float = 5
    /// Initial score of pre, td, blockquote.
    public var cellTagWeight: Float = 3
    /// Initial score of lists, forms and their parts (negative).
    public var listTagWeight: Float = -3
    /// Initial score of headings (negative).
    public var headingTagWeight: Float = -5
    /// Bonus of `<article>`, `<main>`, role=main/article, itemprop=articleBody.
    public var semanticContainerWeight: Float = 10
    /// Bonus/penalty of a class/id that names content / boilerplate.
    public var classWeight: Float = 12.5

    // MARK: Container choice
    /// How many top candidates are compared for a shared ancestor.
    public var topCandidateCount = 5
    /// Candidates scoring at least this share of the best count as alternatives.
    public var alternativeScoreRatio: Float = 0.75
    /// With this many alternatives inside one ancestor, that ancestor becomes the container.
    public var minAlternativeCandidates = 3
    /// A sibling of the container is merged if its score reaches this share of the best …
    public var siblingScoreRatio: Float = 0.2
    /// … and at least this absolute score.
    public var siblingMinScore: Float = 10
    /// A paragraph sibling longer than this is merged if its link density is low.
    public var siblingParagraphMinChars: Float = 80
    /// Link density under which a long paragraph sibling is merged.
    public var siblingParagraphMaxLinkDensity: Float = 0.25
    /// A sibling holding at least this much prose (weighted characters of scored paragraphs) …
    public var siblingProseMinChars: Float = 500
    /// … making up at least this share of its text is merged.
    public var siblingProseShare: Float = 0.6
    /// The choice climbs to its parent when the parent holds at least this many times its prose …
    public var climbMinProseGain: Float = 1.625
    /// … and prose makes up at least this share of the parent's text (sections of one article).
    public var climbMinProseShare: Float = 0.7
    /// A sibling lying between two merged siblings is merged too (the article is contiguous:
    /// subheadings, short lines and split sections between its parts) when its link density is
    /// under this.
    public var gapMaxLinkDensity: Float = 0.25

    // MARK: Second view: the page's own structural claims, cross-checked
    /// The structural view's container (`<article>`, `<main>`, role=main, an articleBody
    /// class/itemprop) needs at least this much prose (weighted characters of scored paragraphs).
    public var structuralMinProse: Float = 150
    /// The views agree when the smaller container holds at least this share of the larger one's
    /// prose; agreeing views keep the density choice.
    public var viewAgreementMinShare: Float = 0.5
    /// When they disagree, the structural container wins if prose makes up at least this share
    /// of its text (it reads as an article, not as a page wrapper or a card list).
    public var structuralMinProseShare: Float = 0.5
    /// A structural container apart from (not around) the density choice must score at least
    /// this share of the density choice's final score to overrule it.
    public var structuralMinScoreShare: Float = 0.5
    /// With a JSON-LD `articleBody`, a view is confirmed when at least this share of its prose
    /// paragraphs' shingles occur in that body; the better-confirmed view wins.
    public var jsonLDMinAgreement: Float = 0.5

    // MARK: Lead recovery
    /// Element siblings searched before the first container root for a lead (standfirst) …
    public var leadMaxSiblings = 2
    /// … on this many levels (the root's siblings, then its parent's).
    public var leadMaxLevels = 2
    /// A lead candidate's prose must make up at least this share of its text.
    public var leadMinProseShare: Float = 0.5
    /// A subtitle (the line right after the headline, before the body: no sentence end, no
    /// links) is kept up to this many weighted characters.
    public var subtitleMaxChars: Float = 150

    // MARK: Boilerplate removal
    /// A boilerplate-named subtree holding at least this share of the page's text is kept
    /// (a wrapper such as `page-with-sidebar` must not take the article with it).
    public var protectedTextShare: Float = 0.4
    /// An `<article>`, `<main>` or article-body-named element with at least this much text
    /// (weighted characters, link density under `siblingParagraphMaxLinkDensity`) is the page's
    /// claim of where its article is. A boilerplate-named element around a claim is a layout
    /// wrapper and is kept; a `<nav>`/`<aside>`/`<footer>`/`<form>` apart from every claim is removed
    /// even when it holds `protectedTextShare` of the page's text.
    public var articleClaimMinChars: Float = 300
    /// A block whose link text exceeds this share of its text is dropped.
    public var blockMaxLinkDensity: Float = 0.625
    /// A list item whose link text exceeds this share of its text is dropped.
    public var listItemMaxLinkDensity: Float = 0.5
    /// Blocks this short (weighted characters) that equal a boilerplate phrase are dropped.
    public var boilerplatePhraseMaxChars: Float = 60
    /// A "By …" line shorter than this is a byline, not prose.
    public var bylineMaxChars: Float = 100
    /// An inline element (span, em …) with at least this many links …
    public var inlineLinkClusterMinLinks: Int32 = 3
    /// … and at least this link density is a link cluster (hover card, inline list), not prose.
    public var inlineLinkClusterMinDensity: Float = 0.8
    /// Credit lines, photo credits and calls to action are only recognised in blocks up to this long.
    public var creditLineMaxChars: Float = 300
    /// A short block with at least this many call-to-action markers ("sign up", "newsletter" …) is a promo.
    public var callToActionMinMarkers = 2
    /// Text beside an image (in an element without paragraphs) up to this long is its caption.
    public var imageCaptionMaxChars: Float = 250
    /// An extraction with less text than this is retried with the vocabulary filters relaxed.
    public var minArticleChars: Float = 200

    /// The default weights and thresholds (the values above).
    public init() {}
}

extension ExtractionSettings {
    /// How far `--favor precision|recall` moves the thresholds, as factors on the balanced values.
    public struct FavorShift: Sendable, Equatable {
        /// Factor on the link-density limits of blocks and list items.
        public var linkDensity: Float
        /// Factor on the share of prose a sibling needs to be merged.
        public var siblingProseShare: Float
        /// Factor on the score share a sibling needs to be merged.
        public var siblingScoreRatio: Float
        /// Factor on the length up to which credit lines, captions and calls to action are dropped.
        public var boilerplateLength: Float

        /// Leaner output: stricter link density and sibling merging, longer boilerplate lines dropped.
        public static let precision = FavorShift(linkDensity: 0.7, siblingProseShare: 1.3, siblingScoreRatio: 1.5, boilerplateLength: 1.5)
        /// Fuller output: looser link density and sibling merging, only short boilerplate lines dropped.
        public static let recall = FavorShift(linkDensity: 1.4, siblingProseShare: 0.7, siblingScoreRatio: 0.5, boilerplateLength: 0.6)
    }

    /// These settings leaned towards precision or recall (balanced: unchanged).
    ///
    /// ```swift
    /// let strict = ExtractionSettings().favoring(.precision)
    /// ```
    public func favoring(_ favor: CleanerOptions.Favor) -> ExtractionSettings {
        let shift: FavorShift
        switch favor {
        case .balanced: return self
        case .precision: shift = .precision
        case .recall: shift = .recall
        }
        var s = self
        s.blockMaxLinkDensity = min(1, blockMaxLinkDensity * shift.linkDensity)
        s.listItemMaxLinkDensity = min(1, listItemMaxLinkDensity * shift.linkDensity)
        s.siblingProseShare = min(1, siblingProseShare * shift.siblingProseShare)
        s.siblingScoreRatio = siblingScoreRatio * shift.siblingScoreRatio
        s.creditLineMaxChars = creditLineMaxChars * shift.boilerplateLength
        s.bylineMaxChars = bylineMaxChars * shift.boilerplateLength
        s.imageCaptionMaxChars = imageCaptionMaxChars * shift.boilerplateLength
        return s
    }
}
