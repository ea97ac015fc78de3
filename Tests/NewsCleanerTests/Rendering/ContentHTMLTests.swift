import Foundation
import NewsCleaner
import Testing

/// `Article.contentHTML`: the container's own subtree, sanitised.
@Suite struct ContentHTMLTests {
    static let page = """
        <html><head><title>Council votes</title><script>alert("head")</script><style>p { color: red }</style></head>
        <body>
        <nav class="menu"><a href="/home">Home page</a> <a href="/news">All the news</a></nav>
        <article class="story" onclick="steal()">
        <h1>Council votes to turn the garage into homes</h1>
        <p style="color:red" id="lead">The council voted on Monday, after a long debate, to turn the half-empty garage
        into 120 homes. <a href="/more" onmouseover="track()">Read the plan</a>, or <a href="javascript:alert(1)">this</a>.</p>
        <figure class="photo"><img src="img/garage.jpg" alt="The garage" onerror="hack()">
        <figcaption>The Elm Street garage, seen from the north.</figcaption></figure>
        <p>Work starts next spring, the mayor said, and the first tenants could move in, if all goes well, in 2026.</p>
        <p><img data-src="/lazy.png" srcset="a.png 1x, javascript:x 2x, /b.png 3x" alt="lazy"></p>
        <form action="/vote"><input name="q"><button>Vote</button></form>
        <iframe src="https://tracker.example/frame"></iframe>
        <custom-box><p>Residents welcomed the plan, saying the town needs homes more than parking spaces.</p></custom-box>
        </article>
        <footer>Copyright 2024 The Ledger, all rights reserved</footer>
        </body></html>
        """

    func content(_ options: CleanerOptions = { var o = CleanerOptions(); o.includeContentHTML = true; return o }()) throws -> String? {
        try Cleaner(options: options).clean(html: Array(Self.page.utf8), url: "https://ledger.example.com/news/1").contentHTML
    }

    @Test func offByDefault() throws {
        #expect(try content(CleanerOptions()) == nil)
    }

    @Test func keepsTheArticleWithItsImagesAndFigures() throws {
        let html = try #require(try content())
        #expect(html.contains("<h1>Council votes to turn the garage into homes</h1>"))
        #expect(html.contains("<figure><img src=\"https://ledger.example.com/news/img/garage.jpg\" alt=\"The garage\">"))
        #expect(html.contains("<figcaption>The Elm Street garage, seen from the north.</figcaption></figure>"))
        #expect(html.contains("<a href=\"https://ledger.example.com/more\">Read the plan</a>"))
        // Lazy images get their real source; srcset candidates are resolved, unsafe ones dropped.
        #expect(html.contains("<img src=\"https://ledger.example.com/lazy.png\" srcset=\"https://ledger.example.com/news/a.png 1x, https://ledger.example.com/b.png 3x\" alt=\"lazy\">"))
        // Unknown elements are transparent: their content stays.
        #expect(html.contains("<p>Residents welcomed the plan"))
        #expect(!html.contains("custom-box"))
    }

    @Test func leavesOutWhatCouldRunOrIsNotTheArticle() throws {
        let html = try #require(try content())
        for banned in ["<script", "alert", "<style", "color", "onclick", "onmouseover", "onerror", "javascript",
                       "<form", "<input", "<button", "<iframe", "tracker", "class=", "id=", "style=",
                       "Home page", "Copyright"] {
            #expect(!html.contains(banned), "\(banned) in \(html)")
        }
        // Well formed: every opened element is closed, in order.
        var stack: [Substring] = []
        let voids: Set<Substring> = ["img", "br", "hr", "source", "col", "wbr"]
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            let close = try #require(rest[open...].firstIndex(of: ">"))
            let tag = rest[rest.index(after: open)..<close]
            let name = tag.prefix { $0 != " " && $0 != ">" }
            if name.hasPrefix("/") {
                #expect(stack.popLast() == name.dropFirst(), "\(name)")
            } else if !voids.contains(name) {
                stack.append(name)
            }
            rest = rest[rest.index(after: close)...]
        }
        #expect(stack.isEmpty)
    }

    @Test func htmlRendererOriginalWritesTheContent() throws {
        var options = CleanerOptions()
        options.includeContentHTML = true
        let article = try Cleaner(options: options).clean(html: Array(Self.page.utf8), url: "https://ledger.example.com/news/1")
        let document = HTMLRenderer(document: true, original: true).render(article)
        #expect(document.hasPrefix("<!DOCTYPE html>"))
        #expect(document.contains(try #require(article.contentHTML)))
        // Without contentHTML the renderer falls back to the blocks.
        var plain = article
        plain.contentHTML = nil
        #expect(HTMLRenderer(document: true, original: true).render(plain) == HTMLRenderer(document: true).render(plain))
    }
}
