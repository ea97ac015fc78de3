import Testing
@testable import NewsCleaner

/// One row per concept list: class/id values that must match it, and values that must not.
struct VocabularyRow: Sendable, CustomStringConvertible {
    let concept: Concept
    let name: String
    let positives: [String]
    let negatives: [String]
    var description: String { name }
}

let vocabularyTable: [VocabularyRow] = [
    VocabularyRow(concept: .navigation, name: "navigation",
                  positives: ["main-nav", "navbar", "breadcrumb", "globalNav", "site_menu", "topicpath"],
                  negatives: ["canvas", "unavailable", "navy-blue"]),
    VocabularyRow(concept: .ads, name: "ads",
                  positives: ["ad", "top-ad", "adSlot", "ad_unit", "advertisement", "sponsor-box", "banner", "pr"],
                  negatives: ["header", "head", "load", "shadow", "read-more", "pride", "add-on", "print"]),
    VocabularyRow(concept: .promo, name: "promo",
                  positives: ["promo", "c-promo-box", "cta", "magazine-box", "upsell"],
                  negatives: ["prom", "actor"]),
    VocabularyRow(concept: .subscribe, name: "subscribe",
                  positives: ["subscribe", "newsletter-signup", "paywall", "login-box", "mailmag"],
                  negatives: ["description", "blogin"]),
    VocabularyRow(concept: .ranking, name: "ranking",
                  positives: ["ranking", "c-ranking__list", "popular-posts", "most-read", "rank-list", "trending"],
                  negatives: ["frank", "crankshaft"]),
    VocabularyRow(concept: .related, name: "related",
                  positives: ["related-articles", "recommend", "read-next", "latest-news", "news-ticker", "kanren"],
                  negatives: ["correlate", "relate"]),
    VocabularyRow(concept: .social, name: "social",
                  positives: ["share-bar", "social", "sns-buttons", "sharing", "follow-us"],
                  negatives: ["twitter-tweet", "sense"]),
    VocabularyRow(concept: .comments, name: "comments",
                  positives: ["comments", "comment-list", "disqus_thread", "trackback"],
                  negatives: ["commerce", "common"]),
    VocabularyRow(concept: .footer, name: "footer",
                  positives: ["footer", "site-footer", "copyright"],
                  negatives: ["footnote"]),
    VocabularyRow(concept: .sidebar, name: "sidebar",
                  positives: ["sidebar", "side-bar", "right-rail", "aside"],
                  negatives: ["besides", "inside"]),
    VocabularyRow(concept: .hidden, name: "hidden",
                  positives: ["modal", "cookie-banner", "popup", "overlay", "sr-only"],
                  negatives: ["hidden-xs", "mode"]),
    VocabularyRow(concept: .pager, name: "pager",
                  positives: ["pager", "pagination", "prev-next"],
                  negatives: ["page", "pages"]),
    VocabularyRow(concept: .tags, name: "tags",
                  positives: ["tags", "tag-list", "entry_tag", "tagcloud", "keywords"],
                  negatives: ["stage", "vintage"]),
    VocabularyRow(concept: .content, name: "content",
                  positives: ["article", "main-content", "entry", "post-body", "story", "honbun"],
                  negatives: ["poster", "sentry"]),
    VocabularyRow(concept: .articleBody, name: "articleBody",
                  positives: ["articleBody", "article-body", "entry-content", "main-text", "story-body"],
                  negatives: ["article", "body"]),
    VocabularyRow(concept: .byline, name: "byline",
                  positives: ["byline", "article-author", "post_writer", "dateline", "reporter-name"],
                  negatives: ["coauthor", "typewriter"]),
    VocabularyRow(concept: .caption, name: "caption",
                  positives: ["caption", "photo-credit", "wp-caption-text", "figure"],
                  negatives: ["discredit", "configure"]),
    VocabularyRow(concept: .header, name: "header",
                  positives: ["site-header", "header", "global-head", "topbar"],
                  negatives: ["subheader", "headline"]),
    VocabularyRow(concept: .meta, name: "meta",
                  positives: ["post-meta", "entry-info", "publish-date", "read-time", "label"],
                  negatives: ["metadata", "update", "information"]),
    VocabularyRow(concept: .embed, name: "embed",
                  positives: ["embed", "twitter-tweet", "instagram-media", "video-embed"],
                  negatives: ["ember", "tweet-button"]),
    VocabularyRow(concept: .widget, name: "widget",
                  positives: ["widget", "sidebar-widget", "cms-module-list", "wp-plugin"],
                  negatives: ["gadget", "modular"]),
]

@Suite struct VocabularyTests {
    @Test("each concept list matches its positives and not its negatives", arguments: vocabularyTable)
    func table(_ row: VocabularyRow) {
        for value in row.positives {
            #expect(Vocabulary.matcher.concepts(in: value).contains(row.concept), "\(row.name) should match \(value)")
        }
        for value in row.negatives {
            #expect(!Vocabulary.matcher.concepts(in: value).contains(row.concept), "\(row.name) should not match \(value)")
        }
    }

    /// Concepts that are not class/id token lists: `itemprop="articleBody"` is read by `Features`.
    static let conceptsWithoutTokens: Concept = [.schemaArticleBody]

    @Test func everyConceptHasATableRow() {
        let covered = vocabularyTable.reduce(Concept()) { $0.union($1.concept) }
        #expect(Concept.allCases.count == Concept.Name.allCases.count)
        for (concept, name) in zip(Concept.allCases, Concept.Name.allCases)
        where !Self.conceptsWithoutTokens.contains(concept) {
            #expect(covered.contains(concept), "concept \(name) has no row in vocabularyTable")
            #expect(Vocabulary.lists.contains { $0.concept == concept }, "concept \(name) has no token list")
        }
    }

    @Test func everyConceptInUseIsEnumerated() {
        let all = Concept(Concept.allCases)
        for (concept, _) in Vocabulary.lists { #expect(all.isSuperset(of: concept)) }
        #expect(all.isSuperset(of: Concept.boilerplate.union(.positive)))
        // One bit each, no two cases sharing one.
        #expect(Set(Concept.allCases.map(\.rawValue)).count == Concept.allCases.count)
        #expect(Concept.allCases.allSatisfy { $0.rawValue.nonzeroBitCount == 1 })
    }

    @Test func wordBoundariesAndCamelCase() {
        let m = ConceptMatcher(lists: [(.ads, ["_ad_"]), (.related, ["related"])])
        #expect(m.concepts(in: "ad") == .ads)
        #expect(m.concepts(in: "topAd") == .ads)
        #expect(m.concepts(in: "header") == [])
        #expect(m.concepts(in: "x relatedPosts") == .related)
        #expect(m.concepts(in: "") == [])
        #expect(m.concepts(in: "--ad--") == .ads)
    }
}
