import Foundation
import NewsCleaner
import Testing

/// `newsclean -f html --original`: the page's own sanitised subtree as an HTML document.
@Suite struct CLIOriginalTests {
    let cli = CLITests()

    @Test func originalHTMLOutput() throws {
        let run = try cli.newsclean(["-q", "-f", "html", "--original", "--url", "https://ledger.example.com/news/1", "-"],
                                    stdin: Data(ContentHTMLTests.page.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(run.stdout.contains("<img src=\"https://ledger.example.com/news/img/garage.jpg\" alt=\"The garage\">"))
        #expect(!run.stdout.contains("onclick") && !run.stdout.contains("<script"))
        // Without --original the same page is rebuilt from blocks: no image.
        let rebuilt = try cli.newsclean(["-q", "-f", "html", "-"], stdin: Data(ContentHTMLTests.page.utf8))
        #expect(rebuilt.status == 0 && !rebuilt.stdout.contains("<img"))
    }

    @Test func originalNeedsHTML() throws {
        let run = try cli.newsclean(["-q", "--original", "-"], stdin: Data(ContentHTMLTests.page.utf8))
        #expect(run.status == 2)
        #expect(run.stderr.contains("--original"))
    }
}
