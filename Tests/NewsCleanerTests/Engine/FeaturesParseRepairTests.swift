import Foundation
import Testing
@testable import NewsCleaner

/// Side tables of `Features` where the parse went wrong in ways real pages show.
@Suite struct FeaturesParseRepairTests {
    static let paragraphs = [
        "Not every corner of a house gets sunlight, but that should not keep plants out of the darker rooms of a flat.",
        "Snake plants, pothos and ferns grow well in low light, need little water, and forgive a forgetful owner.",
        "Keep them away from cold windows in winter, and wipe the dust off their leaves every few weeks.",
    ]

    @Test func unclosedButtonDoesNotSwallowThePage() throws {
        // libxml2 ignores `</button>` while a <div> inside it is open: the rest of the page ends up
        // inside the <button>. A block inside a button makes it an ordinary container again.
        let html = """
        <html><body><header><button class="menu-button"><span>Menu</span><div class="inner"><div></button></header>
        <main><h1>Plants for dark rooms</h1>
        \(FeaturesParseRepairTests.paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </main></body></html>
        """
        let text = try Cleaner().clean(html: Array(html.utf8)).text
        for p in FeaturesParseRepairTests.paragraphs { #expect(text.contains(p)) }
    }

    @Test func wellFormedButtonStaysSkipped() throws {
        let html = """
        <html><body><main><h1>Plants for dark rooms</h1>
        \(FeaturesParseRepairTests.paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        <button class="cta">Subscribe to our weekly garden letter today</button>
        </main></body></html>
        """
        let text = try Cleaner().clean(html: Array(html.utf8)).text
        for p in FeaturesParseRepairTests.paragraphs { #expect(text.contains(p)) }
        #expect(!text.contains("Subscribe"))
    }
}
