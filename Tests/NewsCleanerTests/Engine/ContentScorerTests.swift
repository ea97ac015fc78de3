import Testing
@testable import NewsCleaner

/// Step 6 on small pages: what is removed and which container wins.
@Suite struct ContentScorerTests {
    static let page = """
        <html><body>
        <nav id="nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/about">About us</a></nav>
        <div id="links"><a href="/a">First headline of another story</a>, <a href="/b">Second headline of another story</a>,
        <a href="/c">Third headline of another story</a>, <a href="/d">Fourth headline of another story</a>.</div>
        <div id="story"><p id="p1">\(prose("the budget"))</p><p id="p2">\(prose("the new library"))</p>
        <p id="p3">\(prose("the parks"))</p></div>
        <div id="comments" class="comments"><p>\(prose("the comments"))</p></div>
        </body></html>
        """

    @Test func theArticleBeatsNavigationAndLinkLists() throws {
        let page = try EnginePage(Self.page)
        let choice = try #require(page.scorer().choose())
        let story = try page.node("story")
        #expect(choice.roots.contains { page.isInside($0, story) || page.isInside(story, $0) })
        for name in ["nav", "links"] {
            let other = try page.node(name)
            #expect(!choice.roots.contains { page.isInside($0, other) }, "\(name) chosen")
        }
        // Link density scales the score: the link list ends up far below the story.
        let scorer = page.scorer()
        #expect(scorer.finalScore(try page.node("links")) < scorer.finalScore(story))
    }

    @Test func landmarksAndBoilerplateVocabularyAreRemoved() throws {
        let page = try EnginePage(Self.page)
        let scorer = page.scorer()
        #expect(scorer.removed[try page.node("nav")] == .landmark(.nav))
        #expect(scorer.removed[try page.node("comments")] == .vocabulary(.comments))
        #expect(scorer.removed[try page.node("story")] == nil)
        // Without vocabulary (the relaxed retry), class names remove nothing.
        #expect(page.scorer(useVocabulary: false).removed[try page.node("comments")] == nil)
    }

    @Test func aLandmarkHoldingMostOfThePageTextIsKept() throws {
        let page = try EnginePage("""
            <body><aside id="aside"><p>\(prose("the budget"))</p><p>\(prose("the school"))</p></aside>
            <p>Short note.</p></body>
            """)
        #expect(page.scorer().removed[try page.node("aside")] == nil)
    }

    /// The headline sits in its own group above the body, with a subtitle line (no sentence end)
    /// under it and a byline between the group and the body: the subtitle is the article's.
    static func headlinePage(underHeadline: String) -> String {
        """
        <html><head><title>Harbour bridge to close for six weeks</title></head><body>
        <div class="bar"><a href="/">Bayside Courier</a> <a href="/local">Local</a> <a href="/sport">Sport</a></div>
        <div class="page"><div class="top"><h1>Harbour bridge to close for six weeks</h1>
        \(underHeadline)</div>
        <div class="who">By Lena Moss, transport reporter</div>
        <div class="copy"><p>\(prose("the bridge"))</p><p>\(prose("the ferry"))</p><p>\(prose("the buses"))</p></div>
        </div></body></html>
        """
    }

    @Test func theHeadlinesSubtitleLineIsKeptPastTheByline() throws {
        let html = Self.headlinePage(underHeadline: "<p>Repairs start on the eastern span in June</p>")
        let text = try Cleaner().clean(html: Array(html.utf8)).text
        #expect(text.contains("Repairs start on the eastern span in June"))
        #expect(text.contains("the buses"))
        #expect(!text.contains("Lena Moss"))
    }

    @Test func aDateLineUnderTheHeadlineIsNoSubtitle() throws {
        let html = Self.headlinePage(underHeadline: #"<p class="post-date">Published Tuesday 3 June at a quarter to five</p>"#)
        let text = try Cleaner().clean(html: Array(html.utf8)).text
        #expect(!text.contains("Published Tuesday"))
        #expect(text.contains("the buses"))
    }

    @Test func aCaptionAboveTheBylineIsNoLead() throws {
        let html = Self.headlinePage(underHeadline: "<p>The bridge seen from the north pier at dawn, with the ferry in front. (Photo: Lena Moss)</p>")
        let text = try Cleaner().clean(html: Array(html.utf8)).text
        #expect(!text.contains("north pier at dawn"))
        #expect(text.contains("the buses"))
    }

    /// An author box (a bio in full sentences) and a byline are removed before scoring: the bio
    /// neither stays at the article's edge nor wins on a short article.
    @Test func authorBoxesAndBylinesAreRemoved() throws {
        let html = """
            <html><body><div id="story"><p>\(prose("the budget"))</p><p>\(prose("the school"))</p></div>
            <div id="by" class="byline">By Lena Moss, transport reporter</div>
            <div id="bio" class="post-author-bio"><p>Lena Moss is a transport reporter, cyclist and former engineer,
            who has covered the harbour, the ferries and the council for ten years. She lives in Bayside, with two cats,
            and writes a weekly column. Before that, she worked on bridges, tunnels and roads.</p></div>
            </body></html>
            """
        let page = try EnginePage(html)
        let scorer = page.scorer()
        #expect(scorer.removed[try page.node("bio")] == .vocabulary(.author))
        #expect(scorer.removed[try page.node("by")] == .vocabulary(.author))
        #expect(scorer.removed[try page.node("story")] == nil)
        let text = try Cleaner().clean(html: Array(html.utf8)).text
        #expect(text.contains("the school"))
        #expect(!text.contains("two cats"))
    }

    @Test func anAuthorNamedWrapperHoldingTheArticleIsKept() throws {
        let page = try EnginePage("""
            <html><body><div id="wrap" class="layout-author-page"><p>\(prose("the budget"))</p><p>\(prose("the school"))</p></div>
            <div class="links"><a href="/a">Home</a> <a href="/b">About</a></div></body></html>
            """)
        #expect(page.scorer().removed[try page.node("wrap")] == nil)
    }

    /// Class names inside code are syntax highlighting: a `hljs-comment` span in a `<pre>` is code,
    /// not a comment section; the same class outside code still removes.
    @Test func highlightingClassesInsideCodeRemoveNothing() throws {
        let html = """
            <html><body><div id="story"><p>\(prose("the budget"))</p>
            <pre><code><span id="c1" class="hljs-comment">// add the totals first</span>
            let sum = a + b <span id="c2" class="token comment">/* then print */</span></code></pre>
            <p>Inline <code>x <span id="c3" class="hljs-tag">tag</span></code> code.</p><p>\(prose("the school"))</p></div>
            <div id="comments" class="comment-list"><p>\(prose("the comments"))</p></div></body></html>
            """
        let page = try EnginePage(html)
        let scorer = page.scorer()
        for name in ["c1", "c2", "c3"] { #expect(scorer.removed[try page.node(name)] == nil, "\(name) removed") }
        #expect(scorer.removed[try page.node("comments")] == .vocabulary(.comments))
        let text = try Cleaner().clean(html: Array(html.utf8)).text
        #expect(text.contains("// add the totals first"))
        #expect(text.contains("/* then print */"))
    }
}
