import Foundation
@testable import NewsCleaner
import Testing

/// A small article with every block kind, a link and characters that need escaping.
func sampleArticle() -> Article {
    var meta = Metadata()
    meta.title = "Title"
    meta.url = "https://example.com/news/a.html"
    meta.authors = ["Ann Lee", "Tim Roe"]
    meta.language = "en"
    return Article(title: "Title", blocks: [
        Block(kind: .heading, text: "Title", level: 1),
        Block(kind: .paragraph, text: "Use *stars* & <tags> _here_ [x] | pipe # not heading",
              links: [Link(text: "stars", href: "/s?a=1&b=2"), Link(text: "gone", href: "/missing")]),
        Block(kind: .heading, text: "# Sub", level: 3),
        Block(kind: .paragraph, text: "1. not a list"),
        Block(kind: .listItem, text: "one", level: 1),
        Block(kind: .listItem, text: "two", level: 2),
        Block(kind: .listItem, text: "three", level: 1),
        Block(kind: .quote, text: "quoted > text"),
        Block(kind: .tableRow, text: "a\tb", cells: ["a", "b|c"]),
        Block(kind: .tableRow, text: "1", cells: ["1"]),
        Block(kind: .preformatted, text: "let x = `1`\n  y"),
        Block(kind: .caption, text: "A caption", links: [Link(text: "caption", href: "javascript:alert(1)")]),
    ], metadata: meta)
}

/// Tag names and a balance check of HTML written by `HTMLRenderer`.
enum TagBalance {
    static let voidTags: Set<String> = ["img", "meta", "br", "!doctype"]

    /// Nil when every start tag is closed in order, else a description of the first fault.
    static func check(_ html: String) -> String? {
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return "unterminated tag" }
            let inside = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let name = inside.split(separator: " ").first.map { $0.lowercased() } ?? ""
            if name.hasPrefix("/") {
                guard stack.popLast() == String(name.dropFirst()) else { return "mismatched </\(name.dropFirst())>" }
            } else if !voidTags.contains(name) {
                stack.append(name)
            }
        }
        return stack.isEmpty ? nil : "unclosed \(stack)"
    }

    /// Every tag name used.
    static func names(_ html: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let inside = rest[rest.index(after: open)..<close]
            if let name = inside.split(separator: " ").first { names.insert(name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/"))) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// Words of a text, for comparing renderings.
func words(_ s: String) -> [String] { s.split(whereSeparator: \.isWhitespace).map(String.init) }

@Suite struct MarkdownRendererTests {
    @Test func structureAndEscaping() {
        let md = MarkdownRenderer().render(sampleArticle())
        #expect(md.hasPrefix("# Title\n\nUse \\*stars\\* \\& \\<tags\\> \\_here\\_ \\[x\\] \\| pipe # not heading\n\n## \\# Sub\n\n1\\. not a list\n\n- one\n  - two\n- three\n\n> quoted \\> text\n\n| a | b\\|c |\n| --- | --- |\n| 1 |  |\n\n```\nlet x = `1`\n  y\n```\n\nA caption\n"))
        #expect(md.components(separatedBy: "\n").filter { $0.hasPrefix("# ") }.count == 1)
    }

    @Test func linksOnlyWhenAsked() {
        let article = sampleArticle()
        #expect(!MarkdownRenderer().render(article).contains("](http"))
        let md = MarkdownRenderer(links: true).render(article)
        #expect(md.contains("Use \\*[stars](https://example.com/s?a=1&b=2)\\*"))
        #expect(!md.contains("javascript"))
        #expect(!md.contains("missing"))
    }

    @Test func fenceOutgrowsBackticksInside() {
        let article = Article(blocks: [Block(kind: .preformatted, text: "a ``` b")])
        #expect(MarkdownRenderer().render(article) == "````\na ``` b\n````\n")
    }

    @Test func headingsShiftBelowTheTitle() {
        let article = Article(title: "T", blocks: [Block(kind: .heading, text: "A", level: 1),
                                                   Block(kind: .heading, text: "B", level: 2)])
        #expect(MarkdownRenderer().render(article) == "# T\n\n## A\n\n### B\n")
    }

    @Test func metadataHeaderIsFrontMatter() {
        let md = MarkdownRenderer(metadataHeader: true).render(sampleArticle())
        #expect(md.hasPrefix("---\ntitle: \"Title\"\nauthor: \"Ann Lee; Tim Roe\"\nurl: \"https://example.com/news/a.html\"\nlanguage: \"en\"\n---\n\n# Title"))
    }

    @Test func plainTextUndoesTheMarkup() {
        let article = sampleArticle()
        for links in [false, true] {
            let md = MarkdownRenderer(links: links).render(article)
            #expect(words(MarkdownRenderer.plainText(fromMarkdown: md)) == words(TextRenderer().render(article)).filter { $0 != "-" })
        }
    }

    @Test("Markdown of TestPages/<case> round-trips to the text output's words", arguments: MetaCases.names)
    func roundTrip(_ name: String) throws {
        let article = try MetaCases.article(name)
        let back = MarkdownRenderer.plainText(fromMarkdown: MarkdownRenderer().render(article))
        #expect(words(back) == words(article.text).filter { $0 != "-" })
    }
}

@Suite struct HTMLRendererTests {
    static let allowedTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote",
                                           "pre", "table", "tr", "td", "th", "figure", "figcaption", "a", "img"]

    @Test func fragmentIsBalancedSemanticAndEscaped() {
        let html = HTMLRenderer(links: true, leadImage: false).render(sampleArticle())
        #expect(TagBalance.check(html) == nil)
        #expect(TagBalance.names(html).isSubset(of: Self.allowedTags))
        #expect(html.contains("<h1>Title</h1>\n<p>Use *<a href=\"https://example.com/s?a=1&amp;b=2\">stars</a>* &amp; &lt;tags&gt;"))
        #expect(html.contains("<h2># Sub</h2>"))
        #expect(html.contains("<ul><li>one<ul><li>two</li></ul></li><li>three</li></ul>"))
        #expect(html.contains("<table><tr><th>a</th><th>b|c</th></tr><tr><td>1</td></tr></table>"))
        #expect(html.contains("<figure><figcaption>A caption</figcaption></figure>"))
        #expect(!html.contains("javascript"))
    }

    @Test func noLinksByDefault() {
        #expect(!HTMLRenderer().render(sampleArticle()).contains("<a "))
    }

    @Test func documentWrapsTheFragment() {
        var article = sampleArticle()
        article.metadata.image = "img/lead.jpg"
        let html = HTMLRenderer(document: true, leadImage: true).render(article)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Title</title>\n</head>\n<body>\n<h1>Title</h1>\n<figure><img src=\"https://example.com/news/img/lead.jpg\" alt=\"Title\"></figure>"))
        #expect(TagBalance.check(html) == nil)
    }

    @Test func deepListJumpsAreClamped() {
        let article = Article(blocks: [Block(kind: .listItem, text: "a", level: 3), Block(kind: .listItem, text: "b", level: 1)])
        let html = HTMLRenderer().render(article)
        #expect(html == "<ul><li>a</li><li>b</li></ul>\n")
    }

    @Test("HTML of TestPages/<case> is balanced and parses back to the same words", arguments: MetaCases.names)
    func parsesBack(_ name: String) throws {
        let article = try MetaCases.article(name)
        let html = HTMLRenderer(document: true, links: true).render(article)
        #expect(TagBalance.check(html) == nil)
        let document = try Cleaner().parse(html: Array(html.utf8))
        var bodyWords: [String] = []
        for id in document.nodeIDs where document.tag(id) == .body { bodyWords = words(document.text(of: id)) }
        #expect(bodyWords.joined() == words(article.text).filter { $0 != "-" }.joined())
    }
}

@Suite struct JSONFieldsTests {
    @Test func documentedFieldsInOrderAndValidJSON() throws {
        let json = JSONRenderer(pretty: true).render(sampleArticle())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["author"] as? String == "Ann Lee; Tim Roe")
        #expect(object["date"] is NSNull)
        #expect((object["blocks"] as? [Any])?.count == sampleArticle().blocks.count - 1)
        let keys = ["title", "author", "authors", "date", "modified", "sitename", "hostname", "url", "description",
                    "categories", "tags", "language", "image", "text", "blocks"]
        #expect(Set(object.keys) == Set(keys))
        var last = json.startIndex
        for key in keys {
            let range = try #require(json.range(of: "\"\(key)\":"))
            #expect(range.lowerBound >= last, "\(key) out of order")
            last = range.lowerBound
        }
        #expect(!(object["text"] as? String ?? "").hasPrefix("Title"))
    }

    @Test func jsonLinesAreOneLine() throws {
        var article = sampleArticle()
        article.blocks.append(Block(kind: .paragraph, text: "line\u{2028}sep \"q\" \\ \u{1}"))
        let line = JSONRenderer(pretty: false).render(article)
        #expect(!line.contains("\n"))
        #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
    }

    @Test func blocksCarryKindLevelCellsAndResolvedLinks() throws {
        let json = JSONRenderer(pretty: false).render(sampleArticle())
        #expect(json.contains(#"{"kind":"listItem","text":"two","level":2}"#))
        #expect(json.contains(#""cells":["a","b|c"]"#))
        #expect(json.contains(#"{"text":"stars","href":"https://example.com/s?a=1&b=2"}"#))
    }
}
