import Foundation
@testable import NewsCleaner
import Testing

/// `Article` is `Codable` in the shape of the JSON output, so the output reads back.
@Suite struct ArticleCodableTests {
    /// Hand-written pages plus a spread of AEB pages (tables, lists, links, CJK).
    static var pages: [(name: String, bytes: [UInt8])] {
        var out: [(String, [UInt8])] = []
        for name in FormatGolden.caseNames {
            let url = FormatGolden.folder(name).appendingPathComponent(Golden.sourceName)
            if let data = try? Data(contentsOf: url) { out.append((name, [UInt8](data))) }
        }
        for id in TestPages.aebIDs.enumerated().filter({ $0.offset % 30 == 0 }).map(\.element) {
            if let bytes = try? TestPages.aebPage(id) { out.append(("aeb/" + id, bytes)) }
        }
        return out
    }

    @Test func jsonOutputReadsBackIntoTheSameArticle() throws {
        let pages = Self.pages
        #expect(pages.count >= 10)
        for (name, bytes) in pages {
            let article = try Cleaner().clean(html: bytes, url: "https://example.com/news/\(name)")
            for pretty in [false, true] {
                let json = JSONRenderer(pretty: pretty).render(article, url: nil, source: "in/\(name).html")
                let decoded = try JSONDecoder().decode(Article.self, from: Data(json.utf8))
                // Every stated field comes back …
                var metadata = article.metadata
                if metadata.title == nil { metadata.title = article.title }
                #expect(decoded.metadata == metadata, "\(name)")
                #expect(decoded.title == (article.metadata.title ?? article.title), "\(name)")
                let body = RenderSupport.bodyBlocks(article)
                #expect(decoded.blocks.map(\.text) == body.map(\.text), "\(name)")
                #expect(decoded.blocks.map(\.kind) == body.map(\.kind), "\(name)")
                #expect(decoded.blocks.map(\.level) == body.map(\.level), "\(name)")
                // … and the decoded article writes the same JSON again.
                #expect(JSONRenderer(pretty: pretty).render(decoded, url: nil, source: "in/\(name).html") == json, "\(name)")
            }
        }
    }

    @Test func encoderAndDecoderRoundTrip() throws {
        let html = Array("""
            <html lang="en"><head><title>Budget passes | Ledger</title>
            <meta property="og:site_name" content="Ledger"><meta name="author" content="Ann Lee">
            <meta property="article:published_time" content="2024-03-04T18:12:00Z"></head>
            <body><article><h1>Budget passes</h1>
            <p>The council passed the budget on Monday, after a long debate, by six votes to one.</p>
            <p>Spending on parks rises, see <a href="/parks">the parks plan</a>, and roads get more money.</p>
            <table><tr><td>Parks</td><td>12</td></tr><tr><td>Roads</td><td>30</td></tr></table>
            <ul><li>First item of the list, with enough words.</li><li>Second item of the list.</li></ul>
            </article></body></html>
            """.utf8)
        let article = try Cleaner().clean(html: html, url: "https://ledger.example.com/a")
        #expect(article.blocks.contains { $0.kind == .tableRow })
        #expect(article.blocks.contains { !$0.links.isEmpty })
        let decoded = try JSONDecoder().decode(Article.self, from: JSONEncoder().encode(article))
        #expect(decoded.metadata.authors == ["Ann Lee"])
        #expect(decoded.metadata.published == article.metadata.published)
        #expect(decoded.blocks.first { $0.kind == .tableRow }?.cells == ["Parks", "12"])
        #expect(decoded.blocks.flatMap(\.links) == article.blocks.flatMap(\.links))
        // A decoded article is a fixed point of encode → decode.
        #expect(try JSONDecoder().decode(Article.self, from: JSONEncoder().encode(decoded)) == decoded)
    }

    @Test func contentHTMLTravelsWhenPresentOnly() throws {
        var article = Article(title: "T", blocks: [Article.Block(kind: .paragraph, text: "Body text.")])
        let plain = String(decoding: try JSONEncoder().encode(article), as: UTF8.self)
        #expect(!plain.contains("content_html"))
        article.contentHTML = "<p>Body text.</p>"
        let decoded = try JSONDecoder().decode(Article.self, from: JSONEncoder().encode(article))
        #expect(decoded.contentHTML == "<p>Body text.</p>")
    }

    @Test func missingFieldsDecodeAsEmpty() throws {
        let decoded = try JSONDecoder().decode(Article.self, from: Data(#"{"blocks":[{"kind":"quote","text":"Q"}]}"#.utf8))
        #expect(decoded.title == nil && decoded.metadata == Article.Metadata())
        #expect(decoded.blocks == [Article.Block(kind: .quote, text: "Q")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Article.self, from: Data(#"{"blocks":[{"kind":"banner","text":"Q"}]}"#.utf8))
        }
    }
}
