import Foundation
import Testing
@testable import NewsCleaner

/// The second view (the page's own article container) and the rule that checks the density
/// choice against it, with JSON-LD `articleBody` as the arbiter when the views disagree.
@Suite struct ViewCrossCheckTests {
    static let article = [
        "The Millbrook Public Library will keep its Oak Street and Riverside branches open until 6 p.m. on Saturdays starting in March. The change adds three hours a week at each branch.",
        "Director Paul Amsel said the board approved the plan after a survey showed that most visitors wanted later weekend hours. No new staff will be hired for now.",
    ]
    static let bio = [
        "Dana Whitfield has covered Millbrook, its schools, its parks, its budget fights and its long-running parking debates for eleven years, first for the weekly Gazette, later for the county radio station, and since 2019 for Millbrook Notes. She lives on the east side with her husband, two children, a patient dog, and far too many tomato plants.",
        "Before journalism, she taught history at Lincoln Middle School, coached the debate team, ran the school paper, and organised the town's first youth film festival, which, against all odds, is now in its twelfth year. Reach her with tips, corrections, complaints, or recipes.",
    ]
    /// A sentence only the JSON-LD body has: it must never reach the output.
    static let jsonOnly = "This closing sentence exists only in the structured data of the page and nowhere in its visible text."

    /// A short article in `<article>` beside a longer, comma-rich author box (neutral class names).
    static func page(jsonLDBody: String?) -> [UInt8] {
        var head = "<title>Library extends weekend hours</title>"
        if let body = jsonLDBody {
            let escaped = body.replacingOccurrences(of: "\"", with: "\\\"")
            head += "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Library extends weekend hours\",\"articleBody\":\"\(escaped)\"}</script>"
        }
        let html = """
        <html><head>\(head)</head><body><div class="wrap"><div class="col">
        <article class="single"><h1>Library extends weekend hours</h1>
        \(article.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </article>
        <div class="profile-box"><h3>About the writer</h3>
        \(bio.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </div>
        </div></div></body></html>
        """
        return Array(html.utf8)
    }

    @Test func structuralViewOverrulesAnAuthorBoxWithoutJSONLD() throws {
        let page = Self.page(jsonLDBody: nil)
        let text = try Cleaner().clean(html: page).text
        for p in Self.article { #expect(text.contains(p)) }
        for p in Self.bio { #expect(!text.contains(p)) }
        let explain = try Cleaner().explain(html: page)
        #expect(explain.contains("container chosen by the structural view: views disagree"))
    }

    @Test func jsonLDBodyDecidesForTheViewItAgreesWith() throws {
        let page = Self.page(jsonLDBody: (Self.article + [Self.jsonOnly]).joined(separator: "\n"))
        let text = try Cleaner().clean(html: page).text
        for p in Self.article { #expect(text.contains(p)) }
        for p in Self.bio { #expect(!text.contains(p)) }
        #expect(!text.contains("structured data"), "the JSON-LD body is evidence, never output")
        let explain = try Cleaner().explain(html: page)
        #expect(explain.contains("container chosen by the structural view"))
        #expect(explain.contains("JSON-LD articleBody agrees 100% with the structural"))
    }

    @Test func jsonLDBodyCanKeepTheDensityChoice() throws {
        // Structured data that names the other block: the views' disagreement is settled for it.
        let page = Self.page(jsonLDBody: Self.bio.joined(separator: "\n"))
        let explain = try Cleaner().explain(html: page)
        #expect(explain.contains("container chosen by the density view"))
        #expect(explain.contains("JSON-LD articleBody agrees"))
        let text = try Cleaner().clean(html: page).text
        #expect(text.contains(Self.bio[0]))
    }

    @Test func shinglesIgnoreCaseAndPunctuation() {
        #expect(JSONLDEvidence.shingles("One two, three FOUR five") == JSONLDEvidence.shingles("one two three four five"))
        #expect(JSONLDEvidence.shingles("one two three four").count == 1)
        #expect(JSONLDEvidence.shingles("").isEmpty)
        #expect(JSONLDEvidence.shingles("one two three four") != JSONLDEvidence.shingles("one two three five"))
    }

    @Test func articleBodyIsReadOnlyFromBlocksThatNameIt() {
        #expect(JSONLDEvidence.articleBody(["{\"headline\":\"x\"}"]) == nil)
        #expect(JSONLDEvidence.articleBody(["{\"@graph\":[{\"articleBody\":\"Body text\"}]}"]) == "Body text")
    }
}
