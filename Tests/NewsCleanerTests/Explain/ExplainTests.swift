import Foundation
import Testing
@testable import NewsCleaner

@Suite struct ExplainTests {
    static let page = """
    <html><head><title>Big storm hits the coast | Daily</title></head><body>
    <nav class="menu"><a href="/">Home</a><a href="/news">News</a></nav>
    <div class="article-body">
      <h1>Big storm hits the coast</h1>
      <p>The storm arrived on Monday morning, bringing heavy rain, strong winds and flooding to the coastal towns.</p>
      <p>Officials said that more than two thousand homes lost power, and schools will stay closed until Wednesday.</p>
      <p>Residents were asked to stay indoors, to avoid the beaches, and to follow the instructions of the rescue teams.</p>
      <ul class="link-list"><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul>
    </div>
    <div class="ranking"><ol><li><a href="/1">Popular one</a></li><li><a href="/2">Popular two</a></li></ol></div>
    </body></html>
    """

    @Test func explainMarksKeptRemovedAndDropped() throws {
        let html = try Cleaner().explain(html: Array(Self.page.utf8), url: "https://example.com/storm")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("container: score"))
        #expect(html.contains("kept paragraph"))
        #expect(html.contains("removed: class/id 'ranking' names ranking"))
        #expect(html.contains("removed: &lt;nav&gt; landmark"))
        #expect(html.contains("dropped: link density"))
        #expect(html.contains("The storm arrived on Monday morning"))
        // The annotated copy parses back and still holds the article text.
        let again = try Cleaner().clean(html: Array(html.utf8))
        #expect(again.text.contains("Officials said that more than two thousand homes lost power"))
    }
}
