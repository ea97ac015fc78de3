/// The class/id/role vocabulary of the engine: one named token list per concept, with the
/// English words and their German, French, Spanish, Italian, Portuguese, Dutch, Polish and
/// (transliterated) Russian and Greek counterparts that CMS themes use.
///
/// Token syntax: letters and digits match anywhere inside a class or id (`"sidebar"` matches
/// `"left-sidebar"` and `"sidebarWidget"`); a leading or trailing `_` demands a word boundary
/// there (`"_ad_"` matches `"ad"`, `"top-ad"`, `"adSlot"` but not `"header"` or `"load"`).
/// Words break at any non-alphanumeric byte and at a lower-to-upper case change.
///
/// ```swift
/// Vocabulary.matcher.concepts(in: "c-ranking__list") == [.ranking]
/// ```
package struct Concept: OptionSet, Sendable, Hashable, CaseIterable {
    package let rawValue: UInt32
    package init(rawValue: UInt32) { self.rawValue = rawValue }
    /// The single concept `name` (its bit is the case's position in `Name`).
    package init(_ name: Name) { rawValue = 1 << UInt32(name.rawValue) }

    /// Every concept, one case each: the source of the bits below and of `allCases`, so a
    /// concept cannot exist without being enumerated (and tested: `VocabularyTests`).
    package enum Name: Int, CaseIterable, Sendable {
        case navigation, ads, promo, subscribe, ranking, related, social, comments, footer, sidebar
        case hidden, pager, tags, byline, caption, header, content, articleBody, meta, widget
        case schemaArticleBody, embed, author, authorBox, commentSection, otherPages
    }

    /// Every single concept, in `Name` order.
    package static let allCases: [Concept] = Name.allCases.map(Concept.init)

    package static let navigation = Concept(.navigation)
    package static let ads = Concept(.ads)
    package static let promo = Concept(.promo)
    package static let subscribe = Concept(.subscribe)
    package static let ranking = Concept(.ranking)
    package static let related = Concept(.related)
    package static let social = Concept(.social)
    package static let comments = Concept(.comments)
    package static let footer = Concept(.footer)
    package static let sidebar = Concept(.sidebar)
    package static let hidden = Concept(.hidden)
    package static let pager = Concept(.pager)
    package static let tags = Concept(.tags)
    package static let byline = Concept(.byline)
    /// The part of `byline` that names a person (metadata reads the author there).
    package static let author = Concept(.author)
    /// Author boxes, avatars and words that only look like bylines: never the byline itself.
    package static let authorBox = Concept(.authorBox)
    /// The part of `comments` that surely marks a comment section (metadata skips its bylines and dates).
    package static let commentSection = Concept(.commentSection)
    /// The core of `related`, `sidebar`, `footer` and `ranking`: a block about other pages or the
    /// site (metadata takes no date from it).
    package static let otherPages = Concept(.otherPages)
    package static let caption = Concept(.caption)
    package static let header = Concept(.header)
    package static let content = Concept(.content)
    package static let articleBody = Concept(.articleBody)
    package static let meta = Concept(.meta)
    package static let widget = Concept(.widget)
    /// An embedded post quoted by the article (tweet, Instagram post …): never boilerplate.
    package static let embed = Concept(.embed)
    /// Marked up as the article body by schema.org microdata (`itemprop="articleBody"`).
    package static let schemaArticleBody = Concept(.schemaArticleBody)

    /// Concepts that mark a subtree as boilerplate.
    package static let boilerplate: Concept = [
        .navigation, .ads, .promo, .subscribe, .ranking, .related, .social, .comments, .footer,
        .sidebar, .hidden, .pager, .tags, .widget,
    ]
    /// Boilerplate concepts the engine acts on: they remove a subtree before scoring and lower
    /// a candidate's score. Not `widget`: it names a kind of CMS box, not its role, and page
    /// builders (`fl-module`, `elementor-widget`) put the article itself in such boxes.
    /// `author`: a byline or an author box (name, photo, a bio written in full sentences that
    /// otherwise stays at the article's edge or wins on a short article) is never the article's
    /// text; a wrapper named so that holds the article is kept by the density and claim checks.
    package static let removable: Concept = boilerplate.subtracting(.widget).union(.author)
    /// Concepts that name a line about the article, not of it: bylines, dates, captions.
    package static let aboutArticle: Concept = [.byline, .author, .meta, .caption]
    /// Concepts that mark a subtree as (part of) the article.
    package static let positive: Concept = [.content, .articleBody, .schemaArticleBody]
}

/// The named token lists, one per concept, and the matcher compiled from them once.
package enum Vocabulary {
    /// Menus, breadcrumbs, skip links, site navigation.
    package static let navigation = ["_nav_", "navbar", "navigation", "_menu", "breadcrumb", "topicpath",
                                    "skiplink", "skip-link", "_masthead", "_gnav", "_lnav", "globalnav",
                                    "_toc_", "jump-to", "_fil-ariane", "_migas", "_kruimel", "_okruszki",
                                    "_hauptnav", "_nawigacja"]
    /// Advertising slots.
    package static let ads = ["_ad_", "_ads_", "_adv_", "advert", "_adslot", "adunit", "ad-unit", "_adbox",
                             "ad-container", "_dfp", "_gpt-", "banner", "sponsor", "_pr_", "_prbox", "outbrain",
                             "taboola", "_teads", "doubleclick", "_affiliate", "commercial", "_koukoku",
                             "_promoted", "_anzeige", "_werbung", "_pub_", "publicite", "publicidad",
                             "pubblicita", "publicidade", "advertentie", "_reklam", "_diafimis"]
    /// House promotions: magazine, app and event plugs.
    package static let promo = ["promo", "_campaign", "_cta_", "call-to-action", "upsell", "_magazine", "_mook",
                               "_bookshelf", "_teaser", "_app-download", "_bnr"]
    /// Subscription, newsletter, paywall and sign-up boxes.
    package static let subscribe = ["subscri", "newsletter", "_mailmag", "mail-magazine", "_signup", "sign-up",
                                   "_regist", "paywall", "_login", "_signin", "_membership", "_meruma",
                                   "abonnieren", "_abo_", "_abo-", "abonnement", "abonnez", "suscri",
                                   "_iscriviti", "_assinatura", "_assine", "nieuwsbrief", "_podpisk",
                                   "_prenumerat", "_anmelden", "_mitglied"]
    /// Ranking and "most popular" widgets.
    package static let ranking = rankingCore + ["ranking", "_rank", "most-read", "mostread", "most-viewed",
                                 "mostviewed", "_hot-", "_top10", "_top-10", "_ninki",
                                 "meistgelesen", "meist-gelesen", "plus-lus", "pluslus", "mas-leido",
                                 "masleido", "piu-letti", "piuletti", "mais-lidas", "maislidas",
                                 "meest-gelezen", "najczesciej", "najpopularniejsze", "populyarn", "_populai",
                                 "popolar", "_dimofil"]
    /// The ranking words of `otherPages`.
    package static let rankingCore = ["popular", "_trending"]
    /// "Related" and "read next" lists, recommendation widgets.
    package static let related = relatedCore + ["read-next", "readnext", "_also-", "_suggest", "_you-may", "_youmay", "_kanren",
                                 "_osusume", "_next-article", "_latest", "_recent", "_headlines", "_ticker",
                                 "_breaking", "_feed_", "_news-list", "_newslist", "verwandt", "_aehnlich",
                                 "lesen-sie-auch", "_weitere-artikel", "_a-lire", "lire-aussi", "relacionad",
                                 "articoli-correlati", "leggi-anche", "leia-tambem", "lees-ook", "gerelateerd",
                                 "powiazane", "czytaj-takze", "zobacz-tez", "pohozhie", "chitaite-takzhe",
                                 "_po-teme", "_sxetik", "_schetik"]
    /// Share bars and social embeds.
    package static let social = ["share", "social", "_sns", "_sharing", "_follow", "_line-it", "_hatena",
                                "_like-", "_bookmark", "_teilen", "_partage", "compartir", "condividi",
                                "partilh", "compartilh", "_udostepnij", "podelit", "_koinopoi"]
    /// The related words of `otherPages`.
    package static let relatedCore = ["related", "recommend", "_more-stories", "morestories"]
    /// Comment sections: `commentSection` plus reaction and pingback lists (`_tb_`: trackbacks,
    /// also a theme builder's class, so too loose for metadata).
    package static let comments = commentSection + ["_reactions", "pingback", "_tb_"]
    /// Words that surely mark a comment section.
    package static let commentSection = ["comment", "_disqus", "_discuss", "_respond", "_reply", "trackback",
                                        "kommentar", "comentar", "komentar", "_reactie", "_reageer", "_sxolia",
                                        "_kommentarii"]
    /// Page footers and colophons.
    package static let footer = footerCore + ["_foot_", "copyright", "colophon", "_legal", "_disclaimer",
                                "impressum", "_fusszeile", "pied-de-page", "piedepagina", "pie-de-pagina",
                                "_rodape", "_stopka", "_podval"]
    /// The footer words of `otherPages`.
    package static let footerCore = ["footer"]
    /// Sidebars and asides. Not "secondary": colour and button utilities (`text-secondary`,
    /// `btn-secondary`) put it on article text; a `<aside id="secondary">` is a landmark anyway.
    package static let sidebar = sidebarCore + ["_aside", "_rail", "_side_", "sidecol",
                                 "_sub-column", "_subcolumn", "_right-col", "_rightcol", "seitenleiste",
                                 "barra-lateral", "_colonne-droite", "_zijbalk", "_pasek-boczny"]
    /// The sidebar words of `otherPages`.
    package static let sidebarCore = ["sidebar", "side-bar"]
    /// Blocks about other pages or the site: the core words of related, sidebar, footer and ranking.
    package static let otherPages = relatedCore + sidebarCore + footerCore + rankingCore
    /// Hidden, modal and overlay content.
    package static let hidden = ["_modal", "_popup", "_overlay", "cookie", "_consent", "_gdpr", "_dialog",
                                "_lightbox", "_sr-only", "visually-hidden", "screen-reader", "_offscreen",
                                "_print-only", "_zustimmung", "_consentement", "_einwilligung"]
    /// Pagination and previous/next article links.
    package static let pager = ["pager", "pagination", "_paging", "_prev-next", "_prevnext", "_nextprev",
                               "_page-nav", "_blaettern", "paginacion", "paginazione", "paginacao",
                               "_stronicowanie", "_vorheriger-naechster", "_artikel-navigation"]
    /// Tag and category lists.
    package static let tags = ["_tag_", "_tags_", "_tag-", "_tags-", "tagcloud", "tag-cloud", "_taglist",
                              "_keywords", "_categories", "_topics_", "schlagwort", "stichwort", "_themen_",
                              "mots-cles", "motscles", "_etiquetas", "_etiquettes", "_tagi_", "_tegi_", "_metki_",
                              "_etiketes"]
    /// Bylines, author boxes and datelines: `author` plus datelines, timestamps and credits.
    package static let byline = author + ["_dateline", "_timestamp", "_pubdate", "_posted-on", "_credit",
                                         "_datum", "_fecha", "_publie", "_veroeffentlicht"]
    /// Byline words that name a person's element.
    package static let author = ["byline", "_author", "_writer", "_contributor", "_reporter", "_journalist",
                                "_autor_", "_autoren", "_autorin", "_auteur", "_verfasser", "_redakteur",
                                "_redacteur", "_redaccion", "_avtor", "_syntakt"]
    /// Author boxes, avatars and look-alikes (`authority`): an element with one of them is no byline.
    package static let authorBox = ["authority", "authorize", "author-bio", "author-box", "about-author", "avatar",
                                    "author-desc"]
    /// Image and figure captions.
    package static let caption = ["caption", "_credit", "_photo-text", "_img-text", "_figure",
                                 "bildunterschrift", "_legende", "_legenda", "_leyenda", "_podpis_"]
    /// Site headers and mastheads.
    package static let header = ["_header", "_site-head", "_global-head", "_top-bar", "_topbar"]
    /// Containers that often hold the article.
    package static let content = ["article", "_main", "content", "_entry", "_post_", "_post-", "story", "_body",
                                 "_text", "_blog", "_column_", "_honbun", "_kiji", "_artikel_", "_inhalt_",
                                 "_contenu", "_contenido", "_contenuto", "_conteudo", "_tresc", "_statya"]
    /// Explicit article-body markers.
    package static let articleBody = ["articlebody", "article-body", "article_body", "story-body", "storybody",
                                     "entry-content", "post-content", "post-body", "article-content",
                                     "article-text", "main-text", "body-text", "_richtext", "rich-text",
                                     "artikel-text", "artikeltext", "artikel-body", "article-texte",
                                     "texto-noticia", "cuerpo-noticia", "corpo-articolo", "testo-articolo",
                                     "corpo-noticia", "tresc-artykulu"]
    /// Meta lines about the article (date, reading time, labels).
    package static let meta = ["_meta_", "_meta-", "_info_", "_date", "_time_", "read-time", "_label"]
    /// Embedded posts that articles quote (a tweet is a quotation, not a share button).
    package static let embed = ["embed", "twitter-tweet", "instagram-media", "tiktok-embed", "fb-post"]
    /// Generic widgets and boxes of a CMS.
    package static let widget = ["widget", "_module-", "_plugin"]

    /// Every list with its concept, in one table.
    package static let lists: [(concept: Concept, tokens: [String])] = [
        (.navigation, navigation), (.ads, ads), (.promo, promo), (.subscribe, subscribe),
        (.ranking, ranking), (.related, related), (.social, social), (.comments, comments),
        (.footer, footer), (.sidebar, sidebar), (.hidden, hidden), (.pager, pager), (.tags, tags),
        (.byline, byline), (.caption, caption), (.header, header), (.content, content),
        (.articleBody, articleBody), (.meta, meta), (.widget, widget), (.embed, embed),
        (.author, author), (.authorBox, authorBox), (.commentSection, commentSection), (.otherPages, otherPages),
    ]

    /// The matcher over all lists, compiled once.
    package static let matcher = ConceptMatcher(lists: lists)
}
