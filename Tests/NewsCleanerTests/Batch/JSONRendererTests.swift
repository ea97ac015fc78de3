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
        #expect(object["text"] as? String == article.text)
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

    @Test func emptyArticleHasNullTitleAndNoOptionalKeys() throws {
        let json = JSONRenderer().render(Article(), url: nil)
        #expect(json == #"{"title":null,"text":"","blocks":[]}"#)
        _ = try parse(json)
    }

    @Test func keyOrderIsStable() {
        let json = JSONRenderer().render(Article(title: "T", blocks: [Block(kind: .paragraph, text: "p")]), url: "u", source: "s")
        #expect(json == #"{"title":"T","text":"T\n\np\n","blocks":[{"kind":"paragraph","text":"p","level":0}],"source":"s","url":"u"}"#)
    }
}
