import Foundation
import Testing
@testable import NewsCleaner

@Suite struct JSONRendererTests {
    private func parse(_ json: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func escapesEverythingJSONRequires() throws {
        var nasty = "quote\" backslash\\ slash/ nl\n cr\r tab\t bs\u{8} ff\u{C} nul\u{0} esc\u{1B} del\u{7F}"
        nasty += " ls\u{2028} ps\u{2029} é 日本 🎉 e\u{301}"
        let article = Article(title: nasty, blocks: [
            Block(kind: .heading, text: "H", level: 2),
            Block(kind: .paragraph, text: nasty),
            Block(kind: .tableRow, text: "a\tb", cells: ["a", "b\"c"]),
        ])
        let json = JSONRenderer().render(article, url: "https://example.com/?q=\"x\"", source: "in/a.html")
        #expect(!json.contains("\n"))
        #expect(json.contains(#"\u0000"#) && json.contains(#"\u001b"#) && json.contains(#"\u2028"#))
        let object = try parse(json)
        #expect(object["title"] as? String == nasty)
        // `text` is the body without the title line (the JSON output's definition).
        #expect(object["text"] as? String == "H\n\n" + nasty + "\n\na\tb\"c")
        #expect(object["source"] as? String == "in/a.html")
        #expect(object["url"] as? String == "https://example.com/?q=\"x\"")
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        #expect(blocks.count == 3)
        #expect(blocks[0]["kind"] as? String == "heading")
        #expect(blocks[0]["level"] as? Int == 2)
        #expect(blocks[1]["text"] as? String == nasty)
        #expect(blocks[2]["cells"] as? [String] == ["a", "b\"c"])
        #expect(blocks[1]["cells"] == nil)
    }

    @Test func emptyArticleHasEveryDocumentedFieldAndNoSource() throws {
        let json = JSONRenderer().render(Article(), url: nil)
        let object = try parse(json)
        #expect(object["title"] is NSNull)
        #expect(object["url"] is NSNull)
        #expect(object["text"] as? String == "")
        #expect(object["source"] == nil)
        for key in ["author", "authors", "date", "sitename", "hostname", "description", "categories", "tags", "language", "image", "blocks"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
    }

    @Test func keyOrderIsTheDocumentedFieldsThenSource() {
        let article = Article(title: "T", blocks: [Block(kind: .paragraph, text: "p")])
        let json = JSONRenderer().render(article, url: "u", source: "s")
        var expected = JSONRenderer(pretty: false).render(article)
        expected = expected.replacingOccurrences(of: #""url":null"#, with: #""url":"u""#)
        expected.removeLast()
        #expect(json == expected + #","source":"s"}"#)
    }

    @Test func prettyIsIndentedAndParsesToTheSameObject() throws {
        let article = Article(title: "T", blocks: [Block(kind: .paragraph, text: "p")])
        let pretty = JSONRenderer(pretty: true).render(article, url: "u", source: "s")
        #expect(pretty.contains("\n  \"title\": \"T\""))
        let compact = JSONRenderer().render(article, url: "u", source: "s")
        #expect(try parse(pretty) as NSDictionary == parse(compact) as NSDictionary)
    }

    @Test func canonicalURLWinsOverTheGivenOne() throws {
        var article = Article(title: "T")
        article.metadata.url = "https://example.com/canonical"
        let object = try parse(JSONRenderer().render(article, url: "https://example.com/given"))
        #expect(object["url"] as? String == "https://example.com/canonical")
    }
}
