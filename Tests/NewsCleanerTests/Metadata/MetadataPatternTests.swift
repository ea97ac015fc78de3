import Foundation
@testable import NewsCleaner
import Testing

/// Hand-written minimal pages, one per metadata pattern of issue 16 (title, dates, JSON-LD, bylines).
@Suite struct MetadataPatternTests {
    /// A page with `head` in `<head>` and `body` in `<body>`, plus enough article text for the engine.
    static func page(head: String, body: String) -> String {
        let paragraph = "<p>The council met on Monday evening and talked for a long time about the garage, the housing plan, "
            + "the cost of the work and what the neighbours said, and then it voted on the plan.</p>"
        return "<html lang=\"en\"><head>\(head)</head><body>\(body)<div class=\"text\">"
            + String(repeating: paragraph, count: 4) + "</div></body></html>"
    }

    static func clean(_ html: String, url: String? = "https://www.riverledger.example.com/news/a") throws -> Article {
        try Cleaner().clean(html: Array(html.utf8), url: url)
    }

    static func jsonTitle(_ article: Article) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(JSONRenderer(pretty: true).render(article).utf8)) as? [String: Any]
        return object?["title"] as? String
    }

    // MARK: - Title

    @Test func visibleHeadlineWinsOverAnSEOMetaTitleAndEveryFormatAgrees() throws {
        let html = Self.page(head: """
            <title>Garage Vote 2024: Council Backs Apartments Plan | River Ledger</title>
            <meta property="og:title" content="Garage vote: council backs apartments plan - River Ledger">
            """, body: "<article><h1>Council backs the garage apartments plan</h1></article>")
        let article = try Self.clean(html)
        #expect(article.title == "Council backs the garage apartments plan")
        #expect(article.metadata.title == article.title)
        #expect(try Self.jsonTitle(article) == article.title)
        #expect(TextRenderer().render(article).hasPrefix("Council backs the garage apartments plan\n"))
    }

    @Test func aLogoHeadingIsNotTheTitleAndTheSiteNameIsStripped() throws {
        let html = Self.page(head: """
            <title>Council backs the garage apartments plan | River Ledger</title>
            <meta property="og:site_name" content="River Ledger">
            """, body: "<header><h1>River Ledger</h1></header><article><h2>Weather</h2></article>")
        let article = try Self.clean(html)
        #expect(article.title == "Council backs the garage apartments plan")
        #expect(try Self.jsonTitle(article) == article.title)
    }

    @Test func siteNameFromTheHostAndMarkdownMarksAreRemoved() throws {
        let html = Self.page(head: "<meta property=\"og:title\" content=\"## Council backs the plan - RiverLedger\">",
                             body: "")
        #expect(try Self.clean(html).title == "Council backs the plan")
        let starred = Self.page(head: "<meta property=\"og:title\" content=\"*A Treatise on Coffee* (1792)\">", body: "")
        #expect(try Self.clean(starred).title == "A Treatise on Coffee (1792)")
    }

    @Test func siteNameEqualToTheHeadlineIsNotCutAway() throws {
        let html = Self.page(head: """
            <title>Council backs the plan | Daily Notes</title>
            <meta property="og:site_name" content="Council backs the plan">
            """, body: "<h1>Council backs the plan</h1>")
        #expect(try Self.clean(html).title == "Council backs the plan")
    }

    @Test func titlePickerAgreementIsWordOverlap() {
        let headings = [TitlePicker.Heading(id: 3, level: 1, text: "River Ledger"),
                        TitlePicker.Heading(id: 9, level: 1, text: "The 7 biggest diet trends in 2025")]
        let choice = TitlePicker.pick(headings: headings, metaTitles: ["Nutritionists explain the biggest diet trends of 2025"],
                                      pageTitle: nil, siteName: nil, hostname: "www.riverledger.com")
        #expect(choice == TitlePicker.Choice(text: "The 7 biggest diet trends in 2025", headingID: 9))
        let none = TitlePicker.pick(headings: [headings[0]], metaTitles: ["Council backs the plan | River Ledger"],
                                    pageTitle: nil, siteName: "River Ledger", hostname: nil)
        #expect(none.text == "Council backs the plan")
        #expect(none.headingID == nil)
    }

    // MARK: - Dates

    @Test(arguments: ["Aktualisiert am", "Zaktualizowano:", "Aktualizacja:", "Обновлено", "Обновлён", "Ενημερώθηκε",
                      "Τελευταία ενημέρωση:", "Actualizado el", "更新日："])
    func anUpdateLabelInOtherLanguagesMakesTheDateTheModification(_ label: String) throws {
        let html = Self.page(head: "", body: """
            <article><h1>Council backs the garage apartments plan</h1>
            <div class="meta"><span>\(label)</span> <time datetime="2024-03-09">9.03.2024</time></div></article>
            """)
        let meta = try Self.clean(html).metadata
        #expect(meta.modified == "2024-03-09")
        #expect(meta.published == "2024-03-09")   // the only date shown: published and updated alike
    }

    @Test func updatedIsModifiedNotPublished() throws {
        let html = Self.page(head: "", body: """
            <article><h1>Council backs the garage apartments plan</h1>
            <div class="meta"><span>Published</span> <span>March 4, 2024</span></div>
            <div class="meta"><span>Last updated on</span> <span>March 9, 2024</span></div></article>
            """)
        let meta = try Self.clean(html).metadata
        #expect(meta.published == "2024-03-04")
        #expect(meta.modified == "2024-03-09")
    }

    @Test func footerTodaysDateRelatedCardsAndCaptionsAreNotTheDate() throws {
        let html = Self.page(head: "", body: """
            <nav><span>Tuesday, December 2, 2025</span></nav>
            <article><h1>Council backs the garage apartments plan</h1>
            <figure><img src="a.jpg"><figcaption>March 1, 2019</figcaption></figure></article>
            <div class="related-stories"><a href="/b">Other story</a><span>May 5, 2024</span></div>
            <footer><p>Site last updated June 1, 2025</p></footer>
            """)
        #expect(try Self.clean(html).metadata.published == nil)
    }

    @Test func aDateLabelledPublishedInASidebarIsTheDateWhenNothingElseIsStated() throws {
        let panel = Self.page(head: "", body: """
            <article><h1>Council backs the garage apartments plan</h1></article>
            <div class="layout-sidebar"><h4>Published</h4><time datetime="2018-11-15T12:00:00Z">15 November 2018</time>
            <h4>Reviewed</h4><time datetime="2020-10-08T12:00:00Z">8 October 2020</time></div>
            """)
        #expect(try Self.clean(panel).metadata.published == "2018-11-15T12:00:00+00:00")
        // Unlabelled sidebar dates (a list of other stories) stay out, and so does a labelled
        // date when the header states one.
        let list = Self.page(head: "", body: """
            <article><h1>Council backs the garage apartments plan</h1></article>
            <div class="sidebar"><time datetime="2018-11-15">15 November 2018</time></div>
            """)
        #expect(try Self.clean(list).metadata.published == nil)
        let header = Self.page(head: "", body: """
            <article><h1>Council backs the garage apartments plan</h1><p>March 3, 2025</p></article>
            <div class="sidebar"><span>Published</span><time datetime="2018-11-15">15 November 2018</time></div>
            """)
        #expect(try Self.clean(header).metadata.published == "2025-03-03")
    }

    @Test func aLayoutWrapperNamedForItsSidebarOrCommentsStillHoldsTheHeadlineAndDate() throws {
        // Theme wrappers around the whole content column: `content-sidebar-wrap`, `no-sidebar`,
        // an article flagged `has-comments`. Each holds the `<main>`/`<article>`, so it is layout.
        for (open, close) in [("<div class=\"content-sidebar-wrap\"><main class=\"content\"><article>", "</article></main></div>"),
                              ("<main class=\"site-main no-sidebar\"><article>", "</article></main>"),
                              ("<article class=\"post has-comments\">", "</article>")] {
            let html = Self.page(head: """
                <title>Council garage plan | River Ledger</title>
                """, body: open + """
                <h1>Council garage plan: why the vote matters</h1><p class="meta">Published March 3, 2025</p>
                """ + close)
            let meta = try Self.clean(html).metadata
            #expect(meta.title == "Council garage plan: why the vote matters", "\(open)")
            #expect(meta.published == "2025-03-03", "\(open)")
        }
        // A real sidebar (no main content inside) still hides its headings and dates.
        let sidebar = Self.page(head: "<title>Council garage plan | River Ledger</title>", body: """
            <article><h1>Council garage plan</h1></article>
            <div class="sidebar"><h2>Council garage plan: more</h2><p>May 5, 2024</p></div>
            """)
        let meta = try Self.clean(sidebar).metadata
        #expect(meta.title == "Council garage plan")
        #expect(meta.published == nil)
    }

    @Test func polishRussianAndGreekHeaderDatesAreRead() throws {
        for (line, expected) in [("Opublikowano: 5 grudnia 2025, 14:30", "2025-12-05T14:30:00"),
                                 ("5 декабря 2025 г.", "2025-12-05"),
                                 ("Δημοσίευση: 5 Δεκεμβρίου 2025", "2025-12-05")] {
            let html = Self.page(head: "", body: "<article><h1>Council backs the garage apartments plan</h1><p>\(line)</p></article>")
            #expect(try Self.clean(html).metadata.published == expected, "\(line)")
        }
    }

    @Test func aPageThatShowsOnlyAnUpdateDateGetsItWhenNothingElseIsStated() throws {
        let html = Self.page(head: "", body: """
            <article><h1>Council backs the garage apartments plan</h1><p class="byline">Updated August 14, 2025</p></article>
            """)
        let meta = try Self.clean(html).metadata
        #expect(meta.published == "2025-08-14")
        #expect(meta.modified == "2025-08-14")
    }

    @Test func aShownUpdateDateBeatsAPublicationDateOnlyJSONLDStates() throws {
        let ld = """
            <script type="application/ld+json">{"@type":"Article","headline":"Council backs plan","datePublished":"2021-08-12T19:35:44Z"}</script>
            """
        let h1 = "<article><h1>Council backs the garage apartments plan</h1>"
        let body = h1 + "<div class=\"byline\">Last Updated: March 3, 2025</div></article>"
        let schemaOnly = try Self.clean(Self.page(head: ld, body: body)).metadata
        #expect(schemaOnly.published == "2025-03-03")
        #expect(schemaOnly.modified == "2025-03-03")
        // A meta tag stating the publication too: the page's publication date is stated twice.
        let meta = "<meta property=\"article:published_time\" content=\"2021-08-12T19:35:44Z\">"
        #expect(try Self.clean(Self.page(head: ld + meta, body: body)).metadata.published == "2021-08-12T19:35:44+00:00")
        // A WebPage-only schema date the page does not show is no source: an `itemprop` states
        // the publication, outside JSON-LD.
        let webPage = """
            <script type="application/ld+json">{"@type":"WebPage","datePublished":"2019-01-02T10:00:00Z"}</script>
            """
        let itemprop = h1 + "<div class=\"byline\"><span itemprop=\"datePublished\" content=\"2021-08-12T19:35:44Z\"></span>"
            + "Last Updated: March 3, 2025</div></article>"
        #expect(try Self.clean(Self.page(head: webPage, body: itemprop)).metadata.published == "2021-08-12T19:35:44+00:00")
        // Updated the day it was published: the schema's date is the publication, with its time.
        let sameDay = h1 + "<div class=\"byline\">Last Updated: August 12, 2021</div></article>"
        #expect(try Self.clean(Self.page(head: ld, body: sameDay)).metadata.published == "2021-08-12T19:35:44+00:00")
    }

    @Test func aBylinesUpdateDateCountsAsTheHeadersPastALongAuthorBio() throws {
        let bio = "<div class=\"author-bio\">" + String(repeating: "Ann writes about laptops, monitors and E Ink readers for the desk. ", count: 20) + "</div>"
        let html = Self.page(head: "", body: """
            <article><h1>Council backs the garage apartments plan</h1>\(bio)
            <div class="article-byline"><p class="article-byline__pub-dates">Updated March 13, 2024</p></div></article>
            """)
        #expect(try Self.clean(html).metadata.published == "2024-03-13")
        // The same "Updated" line outside any byline, that far from the headline, is no date.
        let plain = Self.page(head: "", body: """
            <article><h1>Council backs the garage apartments plan</h1>\(bio)<p>Updated March 13, 2024</p></article>
            """)
        #expect(try Self.clean(plain).metadata.published == nil)
    }

    @Test func anUpdateWordBetweenTwoDatesLeavesTheFirstThePublication() throws {
        // The byline's first date is the publication (its UTC day is the structured one's), so the
        // structured date is no "publication after the update" and stays the date.
        let html = Self.page(head: """
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council backs plan","datePublished":"2019-11-19T00:26:12Z"}</script>
            """, body: """
            <article><h1>Council backs the garage apartments plan</h1>
            <div class="byline">By <a href="/authors/ann">Ann Lee</a> | <span class="timestamp">November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM</span></div></article>
            """)
        #expect(try Self.clean(html).metadata.published == "2019-11-19T00:26:12+00:00")
        // A date followed by its label ("2024年3月4日 更新") is still an update.
        let later = Self.page(head: "", body: """
            <article><h1>Council backs the garage apartments plan</h1><p>2024年3月4日 更新</p></article>
            """)
        #expect(try Self.clean(later).metadata.modified == "2024-03-04")
    }

    @Test func headerDateBeatsStructuredDate() throws {
        let html = Self.page(head: "<meta property=\"article:published_time\" content=\"2023-01-05T10:00:00Z\">", body: """
            <article><h1>Council backs the garage apartments plan</h1><div class="date">January 31, 2024</div></article>
            """)
        #expect(try Self.clean(html).metadata.published == "2024-01-31")
    }

    @Test func jsonLDNodesMergeSoALaterNodeWithoutADateHidesNothing() {
        let ld = JSONLD(["""
            {"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Council backs plan","author":{"@type":"Person","name":"Ann Lee"}},
            {"@type":"WebPage","datePublished":"2024-03-04T18:12:00-05:00"}]}
            """, """
            {"@type":"Article","dateModified":"2024-03-05"}
            """, """
            {"@type":"Article","datePublished":"2024-03-04","headline":"Other"}
            """])
        #expect(ld.headline == "Council backs plan")
        #expect(ld.authors == ["Ann Lee"])
        #expect(ld.datePublished == "2024-03-04")
        #expect(ld.dateModified == "2024-03-05")
    }

    @Test func anArticleNestedAsTheWebPagesMainEntityIsRead() {
        let ld = JSONLD(["""
            {"@context":"https://schema.org","@type":"WebPage","url":"https://example.com/a",
             "mainEntity":{"@type":"Article","headline":"Council backs plan","author":{"@type":"Organization","name":"Ledger"},
             "datePublished":"2024-12-09T22:52:11-05:00","dateModified":"2024-12-20T13:54:16-05:00"}}
            """])
        #expect(ld.headline == "Council backs plan")
        #expect(ld.datePublished == "2024-12-09T22:52:11-05:00")
        #expect(!ld.datePublishedFromWebPage)
        #expect(ld.dateModified == "2024-12-20T13:54:16-05:00")
        #expect(ld.authors == ["Ledger"])
    }

    @Test func nonstandardMetaNamesThatSayPublishedAreRead() throws {
        let head = "<meta name=\"x-modified-date\" content=\"2025-01-30\"><meta name=\"site:last_published\" content=\"2025-02-01\">"
            + "<meta name=\"w-published-date\" content=\"2021-02-16T06:03:43Z\">"
        let html = Self.page(head: head, body: "<article><h1>Council backs the garage apartments plan</h1></article>")
        #expect(try Self.clean(html).metadata.published == "2021-02-16T06:03:43+00:00")
        let search = Self.page(head: "<meta name=\"search:date\" content=\"2023-06-08\">",
                               body: "<article><h1>Council backs the garage apartments plan</h1></article>")
        #expect(try Self.clean(search).metadata.published == "2023-06-08")
        #expect(MetadataExtractor.isPublishedKey("og:publish_date"))
        #expect(MetadataExtractor.isPublishedKey("date-pub"))
        #expect(!MetadataExtractor.isPublishedKey("modified-date"))
        #expect(!MetadataExtractor.isPublishedKey("cdc:last_published"))
        #expect(!MetadataExtractor.isPublishedKey("article:expiration_time"))
        #expect(!MetadataExtractor.isPublishedKey("twitter:creator"))
    }

    @Test func aDateInsideABylineIsTheDateWhenNothingElseIsStated() throws {
        let h1 = "<article><h1>Council backs the garage apartments plan</h1>"
        let classed = Self.page(head: "", body: h1 + "<div class=\"publish-date-author\">Dec. 19, 2025 · Ann Lee on behalf of the desk</div></article>")
        #expect(try Self.clean(classed).metadata.published == "2025-12-19")
        let line = try Self.clean(Self.page(head: "", body: h1 + "<p>by: <!-- -->Ann Lee<!-- -->, <!-- -->Dec 17, 2025</p></article>")).metadata
        #expect(line.published == "2025-12-17")
        #expect(line.authors == ["Ann Lee"])
        let posted = Self.page(head: "", body: h1 + "<div>Posted on the 15/12/2025 at 19:00 by <a href=\"/u/ann\">@ann</a></div></article>")
        #expect(try Self.clean(posted).metadata.published == "2025-12-15T19:00:00")
        // Not over a structured date, and "Bystanders" is no byline.
        let structured = Self.page(head: "<meta property=\"article:published_time\" content=\"2024-01-05\">",
                                   body: h1 + "<p class=\"byline\">By Ann Lee, Jan 9, 2024</p></article>")
        #expect(try Self.clean(structured).metadata.published == "2024-01-05")
        #expect(!PageScan.startsWithBy("Bystanders saw it on Jan 9, 2024"))
        #expect(PageScan.startsWithBy("By Ann Lee, Jan 9, 2024"))
        #expect(PageScan.endsWithBy("Posted on March 3, 2024 by"))
        #expect(!PageScan.endsWithBy("Posted on March 3, 2024 to Derby"))
    }

    @Test func datesOfSeveralDaysOutsideTheHeaderAreAListNotTheDate() throws {
        let list = Self.page(head: "", body: """
            <article><h1>Council backs the garage apartments plan</h1></article>
            <div class="text">\(String(repeating: "<p>Lots of words about the plan and what came of it for the town.</p>", count: 16))</div>
            <ul><li><a href="/e1">Town fair</a></li><li>December 18, 2025</li><li><a href="/e2">Board meeting</a></li><li>December 16, 2025</li></ul>
            """)
        #expect(try Self.clean(list).metadata.published == nil)
        let one = Self.page(head: "", body: """
            <article><h1>Council backs the garage apartments plan</h1></article>
            <div class="text">\(String(repeating: "<p>Lots of words about the plan and what came of it for the town.</p>", count: 16))</div>
            <p>April 8, 2024</p>
            """)
        #expect(try Self.clean(one).metadata.published == "2024-04-08")
    }

    @Test func aHeaderDateRepeatingTheUpdateIsNotThePublication() throws {
        let h1 = "<article><h1>Council backs the garage apartments plan</h1>"
        let repeated = Self.page(head: "", body: h1 + """
            <div><time datetime="2022-11-11T20:23:00-05:00">Nov. 11, 2022</time></div>
            <div>Updated November 11, 2022</div><span>·</span><div>Originally published November 9, 2022</div></article>
            """)
        let meta = try Self.clean(repeated).metadata
        #expect(meta.published == "2022-11-09")
        #expect(meta.modified == "2022-11-11")
        // Published and updated on the same day at different times: the publication keeps its time.
        let sameDay = Self.page(head: "", body: h1 + """
            <div><time datetime="2019-11-18T17:19:53Z">Nov 18, 2019 17:19</time> · <i>Updated: <time datetime="2019-11-18T17:26:05Z">Nov 18, 2019 17:26</time></i></div></article>
            """)
        #expect(try Self.clean(sameDay).metadata.published == "2019-11-18T17:19:53+00:00")
    }

    @Test func aLabelKeepsItsDateAcrossIndentationNodes() throws {
        // Template indentation (long whitespace-only text nodes) between a label and its date: the
        // "Updated at" label still makes the second date the update, so the posted date is the one
        // date the page shows as the publication, though it stands outside the header's window.
        let indent = "\n" + String(repeating: " ", count: 60)
        let lead = String(repeating: "<p>A lead paragraph about the plan and what the council said of it.</p>", count: 30)
        let html = Self.page(head: "", body: """
            <article><h1>Council backs the garage apartments plan</h1>\(lead)
            <div><span>Posted on</span>\(indent)<div>\(indent)<span>\(indent)Nov 21, 2018\(indent)</span></div></div>
            <div><span>Updated at</span>\(indent)<div>\(indent)<span>Dec 10, 2025</span></div></div></article>
            """)
        #expect(try Self.clean(html).metadata.published == "2018-11-21")
    }

    @Test func aStructuredPublicationAfterTheShownUpdateIsNotTheDate() throws {
        // The page shows "updated 12 November"; a structured publication on the 13th cannot be right.
        let h1 = "<article><h1>Council backs the garage apartments plan</h1>"
        let html = Self.page(head: "<meta property=\"article:published_time\" content=\"2025-11-13T09:21:40\">",
                             body: h1 + "<p>Page updated: 12 November 2025</p></article>")
        #expect(try Self.clean(html).metadata.published == "2025-11-12")
        // A structured publication before the shown update stays the date.
        let earlier = Self.page(head: "<meta property=\"article:published_time\" content=\"2024-02-27\">",
                                body: h1 + "<p>Page updated: 12 November 2025</p></article>")
        #expect(try Self.clean(earlier).metadata.published == "2024-02-27")
    }

    @Test func dayMonthDatesFollowTheUnambiguousRule() {
        #expect(DateParser.parse("13/11/2025 09:21:40")?.iso8601() == "2025-11-13T09:21:40")
        #expect(DateParser.parse("Thu, 09/25/2025 - 11:38")?.iso8601() == "2025-09-25T11:38:00")
        #expect(DateParser.parse("12.03.2025")?.iso8601() == "2025-03-12")
        #expect(DateParser.parse("03/04/2025") == nil)
        #expect(DateParser.parse("05/05/2025")?.iso8601() == "2025-05-05")
    }

    @Test func aSlashDateReadsDayFirstWhereThePagesLanguageDoes() throws {
        #expect(DateParser.parse("05/12/2025", slashDayFirst: true)?.iso8601() == "2025-12-05")
        #expect(DateParser.parse("05/12/2025", slashDayFirst: true)?.dayMonthAmbiguous == true)
        func page(_ lang: String) -> String {
            Self.page(head: "", body: "<article><h1>Council backs the garage apartments plan</h1><p>Δημοσίευση 05/12/2025 10:30</p></article>")
                .replacingOccurrences(of: "<html lang=\"en\">", with: lang.isEmpty ? "<html>" : "<html lang=\"\(lang)\">")
        }
        #expect(try Self.clean(page("el")).metadata.published == "2025-12-05T10:30:00")
        #expect(try Self.clean(page("pl-PL")).metadata.published == "2025-12-05T10:30:00")
        // US English writes the month first; a page that declares no language is not guessed at.
        #expect(try Self.clean(page("en")).metadata.published == nil)
        #expect(try Self.clean(page("")).metadata.published == nil)
    }

    @Test func aChineseDateLineWithItsSourceCreditIsTheDate() throws {
        let html = Self.page(head: "", body: "<article><h1>Council backs the garage apartments plan</h1><p>2025-12-05 10:30:15　来源：人民网</p></article>")
            .replacingOccurrences(of: "<html lang=\"en\">", with: "<html lang=\"zh-CN\">")
        #expect(try Self.clean(html).metadata.published == "2025-12-05T10:30:15+08:00")
    }

    @Test func ofDisagreeingStructuredDatesTheOneTheHeaderShowsWins() throws {
        let head = """
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council backs plan","datePublished":"2018-04-03T16:50:31Z"}</script>
            <meta property="article:published_time" content="2025-12-19T18:06:00Z">
            """
        let h1 = "<article><h1>Council backs the garage apartments plan</h1>"
        let shown = Self.page(head: head, body: h1 + "<address>Ann Lee <time>Updated: Dec 19, 2025 1:06 PM EST</time></address></article>")
        #expect(try Self.clean(shown).metadata.published == "2025-12-19T18:06:00+00:00")
        // When the header shows neither day, the first structured source (JSON-LD) stays the date.
        let neither = Self.page(head: head, body: h1 + "<address>Ann Lee <time>Updated: Jan 5, 2026</time></address></article>")
        #expect(try Self.clean(neither).metadata.published == "2018-04-03T16:50:31+00:00")
    }

    @Test func aStructuredDateSettlesWhichWayADottedDateWasWritten() throws {
        #expect(DateParser.parse("09.10.2024")?.dayMonthAmbiguous == true)
        #expect(DateParser.parse("13.10.2024")?.dayMonthAmbiguous == false)
        #expect(DateParser.parse("10.10.2024")?.dayMonthAmbiguous == false)
        let h1 = "<article><h1>Council backs the garage apartments plan</h1>"
        let html = Self.page(head: "<meta property=\"article:published_time\" content=\"2024-09-10T16:07:00Z\">",
                             body: h1 + "<p class=\"post-date\">09.10.2024</p></article>")
        #expect(try Self.clean(html).metadata.published == "2024-09-10T16:07:00+00:00")
        // Without a source naming the other reading, the dot still means day first.
        let alone = Self.page(head: "", body: h1 + "<p class=\"post-date\">09.10.2024</p></article>")
        #expect(try Self.clean(alone).metadata.published == "2024-10-09")
    }

    @Test func aPageThatStatesNoDateGetsNone() throws {
        let html = Self.page(head: "", body: "<article><h1>Council backs the garage apartments plan</h1></article>")
        #expect(try Self.clean(html).metadata.published == nil)
    }

    // MARK: - Authors

    @Test func bylineNoiseIsCut() {
        #expect(AuthorNames.clean("Laura Kennedy July 10") == ["Laura Kennedy"])
        #expect(AuthorNames.clean("Luke KimDecember 17, 2025") == ["Luke Kim"])
        #expect(AuthorNames.clean("BeauHD on Friday December 19") == ["BeauHD"])
        #expect(AuthorNames.clean("View more posts").isEmpty)
        #expect(AuthorNames.clean("page.head.extra.author").isEmpty)
        #expect(AuthorNames.clean("{{ author.name }}").isEmpty)
        #expect(AuthorNames.clean("Amy Roeder Senior Editor") == ["Amy Roeder"])
        #expect(AuthorNames.clean("Tom Gillespie News reporter @TomGillespie1") == ["Tom Gillespie"])
        #expect(AuthorNames.clean("Jane Doe Political Correspondent") == ["Jane Doe"])
        #expect(AuthorNames.clean("Anna Schmidt Redakteurin") == ["Anna Schmidt"])
        #expect(AuthorNames.clean("Павел Орлов корреспондент") == ["Павел Орлов"])
        #expect(AuthorNames.clean("Von Anna Schmidt, dpa") == ["Anna Schmidt"])
        #expect(AuthorNames.clean("Автор: Павел Орлов, РИА Новости") == ["Павел Орлов"])
        #expect(AuthorNames.clean("AP") == ["AP"])
        #expect(AuthorNames.clean("本报记者 张三") == ["张三"])
        #expect(AuthorNames.clean("新华社记者 王五 李四") == ["王五", "李四"])
        #expect(AuthorNames.clean("山田 太郎") == ["山田 太郎"])
        #expect(AuthorNames.clean("编辑：赵六").isEmpty)
        #expect(AuthorNames.clean("Κείμενο: Γιώργος Παπαδόπουλος") == ["Γιώργος Παπαδόπουλος"])
        #expect(AuthorNames.clean("Του Γιώργου Παπαδόπουλου") == ["Γιώργου Παπαδόπουλου"])
        #expect(AuthorNames.clean("Ann Staff Lee Writer") == ["Ann Staff Lee"])
        #expect(AuthorNames.clean("Guide by Will Judd Former Deputy Tech Editor") == ["Will Judd"])
        #expect(AuthorNames.clean("News analysis by Ann Lee") == ["Ann Lee"])
        #expect(AuthorNames.clean("Dec. 19, 2025 · Niko Matsakis on behalf of the Rust Project") == ["Niko Matsakis"])
        #expect(AuthorNames.clean("March 20, 2023 | Wellness").isEmpty)
        #expect(AuthorNames.clean("Steve Peoples, AP National Political Writer") == ["Steve Peoples"])
        #expect(AuthorNames.clean("Chris Cillizza, CNN Editor-at-large") == ["Chris Cillizza"])
        #expect(AuthorNames.clean("Ann Lee and Tim Roe") == ["Ann Lee", "Tim Roe"])
        #expect(AuthorNames.clean("Ezra Laniado - Author/Reviewer") == ["Ezra Laniado"])
        #expect(AuthorNames.clean("Read more about The Upwork Team") == ["The Upwork Team"])
        #expect(AuthorNames.clean("Updated March 13").isEmpty)
        #expect(AuthorNames.clean("admin").isEmpty)
        #expect(AuthorNames.clean("Contributor").isEmpty)
        #expect(AuthorNames.clean("Michelle Lee, Contributor") == ["Michelle Lee"])
        #expect(AuthorNames.clean("Theresa May") == ["Theresa May"])
        #expect(AuthorNames.clean("sara.r.peter") == ["sara.r.peter"])
        #expect(AuthorNames.clean("Kevin McCoy USA TODAY Published") == ["Kevin McCoy USA TODAY"])
        #expect(AuthorNames.clean("Jeff Foust Monday") == ["Jeff Foust"])
        #expect(AuthorNames.looksLikePerson("Sarah Okafor"))
        #expect(!AuthorNames.looksLikePerson("Syrian defense ministries"))
        #expect(AuthorNames.looksLikePeople(["Tracy Parker", "Dietitian"]))
        #expect(!AuthorNames.looksLikePeople(["The Russian", "Syrian defense ministries"]))
    }

    @Test func aNameAfterAByLabelIsTheAuthorInTheHeaderOnly() throws {
        let h1 = "<article><h1>Council backs the garage apartments plan</h1>"
        let label = Self.page(head: "", body: h1 + "<p><span>By </span><a href=\"/u/ann\">Ann Lee</a></p></article>")
        #expect(try Self.clean(label).metadata.authors == ["Ann Lee"])
        let written = Self.page(head: "", body: h1 + "<div><strong>Written by</strong><br><strong><a href=\"/u/t\">Tim Roth</a></strong>, 4+ years</div></article>")
        #expect(try Self.clean(written).metadata.authors == ["Tim Roth"])
        let line = Self.page(head: "", body: h1 + "<p>By <!-- -->Sarah Okafor</p></article>")
        #expect(try Self.clean(line).metadata.authors == ["Sarah Okafor"])
        // A sentence that starts with "By" is no byline; a card far below the headline is another story's.
        let sentence = Self.page(head: "", body: h1 + "<p>By printing one of our several examples</p></article>")
        #expect(try Self.clean(sentence).metadata.authors.isEmpty)
        let card = Self.page(head: "", body: h1 + String(repeating: "<p>Lots of words about the plan and what came of it for the town.</p>", count: 16)
                             + "</article><div><h3><a href=\"/b\">Other story</a></h3><span>By </span><a href=\"/u/uvie\">Uvie Bikomo</a></div>")
        #expect(try Self.clean(card).metadata.authors.isEmpty)
    }

    @Test func theArticlesOneLabelledBylineCountsBelowTheText() throws {
        let h1 = "<article><h1>Council backs the garage apartments plan</h1>"
            + String(repeating: "<p>Lots of words about the plan and what came of it for the town.</p>", count: 16)
        let below = Self.page(head: "", body: h1 + "<p>Written by <a href=\"/u/ann\">Ann Lee</a></p></article>")
        #expect(try Self.clean(below).metadata.authors == ["Ann Lee"])
        // Two different names below the text: neither is surely the writer.
        let two = Self.page(head: "", body: h1 + "<p>Written by <a href=\"/u/ann\">Ann Lee</a></p>"
                            + "<p>Photos by <a href=\"/u/tim\">Tim Roth</a></p><p>By <a href=\"/u/tim\">Tim Roth</a></p></article>")
        #expect(try Self.clean(two).metadata.authors.isEmpty)
        // A sentence's "By clicking …" names no one.
        let sentence = Self.page(head: "", body: h1 + "<p>By <b>clicking</b></p></article>")
        #expect(try Self.clean(sentence).metadata.authors.isEmpty)
    }

    @Test func scholarlyCitationAuthorTagsNameEveryAuthor() throws {
        let head = "<meta name=\"citation_author\" content=\"Ann Lee\"><meta name=\"citation_author\" content=\"Tim Roth\">"
            + "<meta name=\"DC.Creator\" content=\"Ann Lee\">"
        let html = Self.page(head: head, body: "<article><h1>Council backs the garage apartments plan</h1></article>")
        #expect(try Self.clean(html).metadata.authors == ["Ann Lee", "Tim Roth"])
    }

    @Test func anOrganisationTypedAsTheAuthorCountsOnlyWhereTheHeaderShowsIt() throws {
        func page(_ byline: String) -> String {
            Self.page(head: """
                <script type="application/ld+json">{"@type":"Article","author":{"@type":"Organization","name":"Claight Corporation"}}</script>
                """, body: "<article><h1>Council backs the garage apartments plan</h1>\(byline)</article>")
        }
        // Named only by the schema: the page names no writer.
        #expect(try Self.clean(page("")).metadata.authors.isEmpty)
        // The header shows it as the byline: the organisation wrote the page.
        #expect(try Self.clean(page("<p>Claight Corporation · March 3, 2025</p>")).metadata.authors == ["Claight Corporation"])
        // A person typed as a Person needs no such confirmation.
        let person = Self.page(head: """
            <script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"Ann Lee"}}</script>
            """, body: "<article><h1>Council backs the garage apartments plan</h1></article>")
        #expect(try Self.clean(person).metadata.authors == ["Ann Lee"])
        // A news article credited to its newsroom: the story's byline, shown or not.
        let newsroom = Self.page(head: """
            <script type="application/ld+json">{"@type":"ReportageNewsArticle","author":{"@type":"NewsMediaOrganization","name":"Ledger News"}}</script>
            """, body: "<article><h1>Council backs the garage apartments plan</h1></article>")
        #expect(try Self.clean(newsroom).metadata.authors == ["Ledger News"])
    }

    @Test func aLinkToAnAuthorsPageInTheHeaderIsTheByline() throws {
        let h1 = "<article><h1>Council backs the garage apartments plan</h1>"
        let link = "<a href=\"https://www.riverledger.example.com/blog/authors/ann-lee\">Ann Lee</a>"
        #expect(try Self.clean(Self.page(head: "", body: h1 + "<div>\(link)</div></article>")).metadata.authors == ["Ann Lee"])
        // The same link in a related-posts block, or one naming no person, is no byline.
        let related = h1 + "</article><aside class=\"related-posts\">\(link)</aside>"
        #expect(try Self.clean(Self.page(head: "", body: related)).metadata.authors.isEmpty)
        let autor = "<a href=\"/Autoren/anna-schmidt\">Anna Schmidt</a>"
        #expect(try Self.clean(Self.page(head: "", body: h1 + "<div>\(autor)</div></article>")).metadata.authors == ["Anna Schmidt"])
        #expect(PageScan.authorPaths.allSatisfy { $0.count > 1 && $0[1] == PageScan.authorPathLetter })
        let team = "<a href=\"/author/team\">all posts</a>"
        #expect(try Self.clean(Self.page(head: "", body: h1 + "<div>\(team)</div></article>")).metadata.authors.isEmpty)
    }

    @Test func theOutletsNameAfterTheWritersIsCutFromTheByline() throws {
        let html = Self.page(head: """
            <meta property="og:site_name" content="USA TODAY">
            <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":", USA TODAY"}}</script>
            """, body: "<article><h1>Council backs the garage apartments plan</h1><div class=\"byline\">Brian Truitt USA TODAY</div></article>")
        #expect(try Self.clean(html).metadata.authors == ["Brian Truitt"])
        let organisations: Set<String> = ["podium", "casebasix", "usa today"]
        #expect(MetadataExtractor.withoutOrganisation("Brian Truitt USA TODAY", organisations) == "Brian Truitt")
        #expect(MetadataExtractor.withoutOrganisation("Podium Staff", organisations) == "Podium Staff")
        #expect(MetadataExtractor.withoutOrganisation("Mayank Gupta CEO of CaseBasix", organisations) == "Mayank Gupta CEO of CaseBasix")
        #expect(MetadataExtractor.withoutOrganisation("USA TODAY", organisations) == "USA TODAY")
    }

    @Test(arguments: [
        ("<span class=\"byline\">Von Anna Schmidt</span>", "Anna Schmidt"),
        ("<p>Von <a href=\"/autor/as\">Anna Schmidt</a></p>", "Anna Schmidt"),
        ("<span class=\"author\">Autor: Jan Kowalski</span>", "Jan Kowalski"),
        ("<p>Autor: <a href=\"/a/jk\">Jan Kowalski</a></p>", "Jan Kowalski"),
        ("<p>Автор: Павел Орлов</p>", "Павел Орлов"),
        ("<div class=\"author\">Автор: <a href=\"/a/po\">Павел Орлов</a></div>", "Павел Орлов"),
        ("<span class=\"byline\">Par Marie Dubois</span>", "Marie Dubois"),
        ("<span class=\"byline\">Por Ana García</span>", "Ana García"),
        ("<span class=\"byline\">Door Pieter de Vries</span>", "Pieter de Vries"),
    ])
    func bylineLabelsInOtherLanguages(_ byline: String, _ expected: String) throws {
        let html = Self.page(head: "", body: "<article><h1>Council backs the garage apartments plan</h1>\(byline)</article>")
        #expect(try Self.clean(html).metadata.authors == [expected])
    }

    @Test func aFullNameBeatsAUsernameAndAPersonBeatsTheOrganisation() throws {
        let username = Self.page(head: "<meta name=\"author\" content=\"jrobison\">",
                                 body: "<article><h1>Council backs the garage apartments plan</h1><a rel=\"author\" href=\"/u/j\">John Robison</a></article>")
        #expect(try Self.clean(username).metadata.authors == ["John Robison"])
        let organisation = Self.page(head: "<meta property=\"og:site_name\" content=\"WRAL\"><meta name=\"author\" content=\"WRAL\">",
                                     body: "<article><h1>Council backs the garage apartments plan</h1><span class=\"byline\">By Sarah Okafor</span></article>")
        #expect(try Self.clean(organisation).metadata.authors == ["Sarah Okafor"])
        let alone = Self.page(head: "<meta name=\"author\" content=\"jrobison\">", body: "")
        #expect(try Self.clean(alone).metadata.authors == ["jrobison"])
    }
}
