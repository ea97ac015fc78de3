import Foundation
import Testing
@testable import NewsCleaner

/// `explain` and `decisions` describe the run that produced the output, relaxed retry included.
@Suite struct OneRunTests {
    /// Every paragraph sits in a box whose class names boilerplate (and which holds too little of
    /// the page's text to be protected), next to a list of links: the vocabulary pass keeps
    /// nothing and the relaxed retry (vocabulary off) gives the article.
    static let page = """
        <html><body><div class="related-widget">
        <p>\(prose("the budget"))</p><p>\(prose("the library"))</p><p>\(prose("the parks"))</p>
        </div><div>\((1...24).map { "<p><a href=\"/s/\($0)\">Another story from the archive, number \($0) of the list</a></p>" }.joined())</div>
        </body></html>
        """

    @Test func decisionsAreTheOutputsRunEvenWhenTheRetryWins() throws {
        let bytes = Array(Self.page.utf8)
        let engine = ArticleExtractor(options: CleanerOptions(), url: nil)
        let relaxed = Cleaner.pageRun(engine, try Cleaner().parse(html: bytes), url: nil).run.relaxed
        #expect(relaxed, "the page should need the relaxed retry")
        let article = try Cleaner().clean(html: bytes)
        #expect(article.blocks.count == 3)
        let kept = try Cleaner().decisions(html: bytes).filter { $0.dropReason == nil }
        #expect(kept.map(\.text) == article.blocks.map(\.text))
        // The annotated page shows the output's run: paragraphs kept, their box not removed.
        let explained = try Cleaner().explain(html: bytes)
        #expect(explained.contains("kept paragraph"))
        #expect(!explained.contains("'related-widget' names"))
    }

    @Test func decisionsMatchTheOutputOnRealPages() throws {
        for id in TestPages.aebIDs.prefix(25) {
            let bytes = try TestPages.aebPage(id)
            let article = try Cleaner().clean(html: bytes)
            let kept = try Cleaner().decisions(html: bytes).filter { $0.dropReason == nil }
            #expect(kept.map(\.text) == article.blocks.map(\.text), "\(id)")
        }
    }
}
