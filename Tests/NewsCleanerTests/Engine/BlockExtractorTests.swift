import Testing
@testable import NewsCleaner

/// Step 7 on small containers: block kinds in order, and the blocks that are dropped.
@Suite struct BlockExtractorTests {
    static let page = """
        <html><body><article id="story">
        <h2>What was decided</h2>
        <p>\(prose("the budget"))</p>
        <p>Read more: <a href="/a">Another story here</a> <a href="/b">And one more story</a> <a href="/c">Yet another story</a></p>
        <ul><li>Parks get more money this year, the council said.</li><li>Roads are repaired before winter starts.</li></ul>
        <blockquote><p>We listened to the residents, and we acted on what they said.</p></blockquote>
        <figure><img src="a.jpg"><figcaption>The council chamber on Monday evening.</figcaption></figure>
        <table><tr><td>Parks</td><td>12</td></tr><tr><td>Roads</td><td>30</td></tr></table>
        <p>\(prose("the library"))</p>
        </article></body></html>
        """

    @Test func keepsStructureInDocumentOrder() throws {
        let kept = try EnginePage(Self.page).blocks().kept
        #expect(kept.map(\.kind) == [.heading, .paragraph, .listItem, .listItem, .quote, .tableRow, .tableRow, .paragraph])
        #expect(kept.first?.text == "What was decided")
        #expect(kept.first { $0.kind == .tableRow }?.cells == ["Parks", "12"])
        #expect(kept.filter { $0.kind == .listItem }.allSatisfy { $0.level == 1 })
    }

    @Test func dropsALinkHeavyBlockWithItsReason() throws {
        let result = try EnginePage(Self.page).blocks()
        #expect(!result.kept.contains { $0.text.hasPrefix("Read more") })
        let decision = try #require(result.decisions.first { $0.block.text.hasPrefix("Read more") })
        guard case .linkDensity(let density)? = decision.reason else {
            Issue.record("dropped for \(String(describing: decision.reason)), not link density")
            return
        }
        #expect(density > ExtractionSettings().blockMaxLinkDensity)
    }

    @Test func captionsAndTablesFollowTheOptions() throws {
        let page = try EnginePage(Self.page)
        #expect(!page.blocks().kept.contains { $0.kind == .caption })
        var options = CleanerOptions()
        options.includeCaptions = true
        options.includeTables = false
        let kept = page.blocks(options).kept
        #expect(kept.contains { $0.kind == .caption && $0.text == "The council chamber on Monday evening." })
        #expect(!kept.contains { $0.kind == .tableRow })
    }
}
