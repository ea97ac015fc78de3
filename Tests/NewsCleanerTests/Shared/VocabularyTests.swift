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
                  negatives: ["besides", "inside", "tw-text-fg-secondary", "btn-secondary", "text-secondary"]),
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
    VocabularyRow(concept: .author, name: "author",
                  positives: ["byline", "entry-author", "post_writer", "reporter-name", "authorName", "journalist"],
                  negatives: ["dateline", "timestamp", "photo-credit", "coauthor", "typewriter"]),
    VocabularyRow(concept: .authorBox, name: "authorBox",
                  positives: ["author-bio", "about-author", "author-box", "user-avatar", "authority-score", "dynamic-author-description"],
                  negatives: ["byline", "post-author", "author-name"]),
    VocabularyRow(concept: .commentSection, name: "commentSection",
                  positives: ["comments", "comment-list", "disqus_thread", "respond", "reply-form", "kommentare"],
                  negatives: ["fusion-tb-header", "et_pb_row_0_tb_body", "pingback-list", "reactions", "correspondent"]),
    VocabularyRow(concept: .otherPages, name: "otherPages",
                  positives: ["related-posts", "recommended", "more-stories", "sidebar", "site-footer", "popular-posts", "trending"],
                  negatives: ["main-wrap has-rail-right", "nav-secondary", "side-by-side", "latest-news", "copyright", "ranking"]),
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

    // German, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian and Greek (transliterated) class names.
    VocabularyRow(concept: .navigation, name: "navigation (other languages)",
                  positives: ["fil-ariane", "migas-de-pan", "kruimelpad", "okruszki", "hauptnav"],
                  negatives: ["amigas", "filet"]),
    VocabularyRow(concept: .ads, name: "ads (other languages)",
                  positives: ["anzeige-top", "werbung", "pub", "bloc-publicite", "publicidad", "box-pubblicita",
                              "publicidade", "advertentie", "reklama-box", "diafimisi"],
                  negatives: ["bewerbung", "seitenanzeige", "publication", "public", "pubdate"]),
    VocabularyRow(concept: .subscribe, name: "subscribe (other languages)",
                  positives: ["newsletter-abonnieren", "abo-box", "abonnement", "suscripcion", "iscriviti",
                              "assinatura", "nieuwsbrief", "podpiska", "prenumerata", "mitglied-werden"],
                  negatives: ["about", "abort", "tabo"]),
    VocabularyRow(concept: .ranking, name: "ranking (other languages)",
                  positives: ["meistgelesen", "les-plus-lus", "lo-mas-leido", "piu-letti", "mais-lidas",
                              "meest-gelezen", "najczesciej-czytane", "populyarnoe", "dimofili"],
                  negatives: ["plus-size", "mascara", "lidar"]),
    VocabularyRow(concept: .related, name: "related (other languages)",
                  positives: ["verwandte-artikel", "lesen-sie-auch", "a-lire-aussi", "noticias-relacionadas",
                              "articoli-correlati", "leia-tambem", "lees-ook", "powiazane", "pohozhie-stati",
                              "chitaite-takzhe", "sxetika-arthra"],
                  negatives: ["alire", "relacion", "poteme"]),
    VocabularyRow(concept: .social, name: "social (other languages)",
                  positives: ["teilen", "partage-reseaux", "compartir", "condividi", "partilhar", "udostepnij",
                              "podelitsya", "koinopoiisi"],
                  negatives: ["verteilen", "departage"]),
    VocabularyRow(concept: .comments, name: "comments (other languages)",
                  positives: ["kommentare", "comentarios", "komentarze", "reacties", "sxolia"],
                  negatives: ["reactor", "komet"]),
    VocabularyRow(concept: .footer, name: "footer (other languages)",
                  positives: ["impressum", "fusszeile", "pied-de-page", "pie-de-pagina", "rodape", "stopka", "podval"],
                  negatives: ["fuss", "pied"]),
    VocabularyRow(concept: .pager, name: "pager (other languages)",
                  positives: ["paginacion", "paginazione", "paginacao", "blaettern", "artikel-navigation"],
                  negatives: ["pagina", "artikel"]),
    VocabularyRow(concept: .tags, name: "tags (other languages)",
                  positives: ["schlagworte", "stichwort-liste", "mots-cles", "etiquetas", "tagi", "tegi", "metki"],
                  negatives: ["tagine", "metkilo", "tegidue"]),
    VocabularyRow(concept: .byline, name: "byline (other languages)",
                  positives: ["autor", "autorBox", "autorin", "auteur", "verfasser", "avtor", "syntaktis", "datum", "fecha"],
                  negatives: ["autorotate", "autoresize", "automatic", "data"]),
    VocabularyRow(concept: .caption, name: "caption (other languages)",
                  positives: ["bildunterschrift", "legende", "leyenda", "podpis"],
                  negatives: ["podpiska", "legends"]),
    VocabularyRow(concept: .content, name: "content (other languages)",
                  positives: ["artikel", "artikelText", "inhalt", "contenu", "contenido", "contenuto", "tresc", "statya"],
                  negatives: ["artikelliste", "inhaltsverzeichnis"]),
    VocabularyRow(concept: .articleBody, name: "articleBody (other languages)",
                  positives: ["artikel-text", "artikeltext", "texto-noticia", "corpo-articolo", "tresc-artykulu"],
                  negatives: ["artikel", "texto"]),
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

    @Test func utilityClassTokensAreSkippedInClassValuesOnly() {
        let m = Vocabulary.matcher
        // Arbitrary values and variant prefixes name styles: their CSS variables are not roles.
        #expect(m.concepts(in: "flex h-[--main-nav-height] border-b", isClass: true) == [])
        #expect(m.concepts(in: "fixed [--sidebar-width:18rem] xl:static", isClass: true) == [])
        #expect(m.concepts(in: "hover:vds-text_components.footer.link", isClass: true) == [])
        // The plain tokens beside them still count, whatever their order.
        #expect(m.concepts(in: "h-[--x] site-footer", isClass: true) == m.concepts(in: "site-footer"))
        #expect(m.concepts(in: "site-footer\th-[--x]", isClass: true) == m.concepts(in: "site-footer"))
        #expect(m.concepts(in: "site-footer").contains(.footer))
        #expect(m.concepts(in: "sidebar lg:w-[18rem]", isClass: true).contains(.sidebar))
        // Not a class value (an id, a role word list): every token counts.
        #expect(m.concepts(in: "form:sidebar").contains(.sidebar))
        #expect(m.concepts(in: "h-[--main-nav-height]").contains(.navigation))
    }
}
