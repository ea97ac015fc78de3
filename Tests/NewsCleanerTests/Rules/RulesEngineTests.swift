import Foundation
import Testing
@testable import NewsCleaner

/// Deep pages, settings by name and extra vocabulary through the whole engine.
@Suite struct RulesEngineTests {
    /// How deep the nesting test goes.
    static let depth = 100_000

    @Test func descendantSelectorOnAPageNested100000Deep() throws {
        let depth = RulesEngineTests.depth
        let html = "<html><body>" + String(repeating: "<div class=a>", count: depth)
            + "<p class=t>Deep text that a descendant rule drops.</p><p class=u>Deep text that stays, with a comma, and an end.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let doc = try RulesTestSupport.document(html)
        let set = SelectorSet(drop: try Selector.parseList("body .a .a p.t"), content: [], keep: try Selector.parseList(".a .a .a .a p.u"))
        let marks = set.apply(to: doc)
        let dropped = doc.nodeIDs.filter { marks.flags[$0].contains(.drop) }
        #expect(dropped.count == 1)
        #expect(dropped.first.map { doc.text(of: $0) } == "Deep text that a descendant rule drops.")
        let kept = doc.nodeIDs.filter { marks.flags[$0].contains(.keep) }
        #expect(kept.map { doc.text(of: $0) } == ["Deep text that stays, with a comma, and an end."])
        // Every ancestor of the kept paragraph is shielded, once.
        #expect(doc.nodeIDs.filter { marks.flags[$0].contains(.shielded) && doc.tag($0) == .div }.count == depth)

        let text = try RulesTestSupport.clean(Array(html.utf8), rules: try Rules(drop: [".a p.t"], content: []), url: nil)
        #expect(!text.contains("a descendant rule drops"))
    }

    @Test func everySettingHasAName() {
        let fields = Set(Mirror(reflecting: ExtractionSettings()).children.compactMap(\.label))
        #expect(Set(ExtractionSettings.fieldsByName.keys) == fields)
        #expect(Rules.settingNames.count == fields.count)
    }

    @Test func settingsAreAppliedByNameForThePage() throws {
        let rules = try Rules(json: #"{"settings": {"blockMaxLinkDensity": 0.125, "topCandidateCount": 7, "inlineLinkClusterMinLinks": 9}}"#)
        var options = CleanerOptions()
        options.rules = rules
        let settings = ArticleExtractor(options: options, url: nil).options.settings
        #expect(settings.blockMaxLinkDensity == 0.125)
        #expect(settings.topCandidateCount == 7)
        #expect(settings.inlineLinkClusterMinLinks == 9)
        #expect(settings.minArticleChars == ExtractionSettings().minArticleChars)
        // Without rules the options pass through untouched.
        #expect(ArticleExtractor(options: CleanerOptions(), url: nil).options == CleanerOptions())
        #expect(ArticleExtractor(options: CleanerOptions(), url: nil).page == nil)
    }

    static let widgetPage = """
    <html><body><div class="story-wrap">
    <p>The first paragraph of the story is long enough to be scored, with commas, clauses, and a full stop.</p>
    <p>The second paragraph carries on, adding detail, quotes and more sentences. It ends here.</p>
    <div class="zq-box"><p>Five things to read this weekend, picked by our editors, with a comma.</p></div>
    <p>The third paragraph closes the story, with a last sentence, a comma, and a period.</p>
    </div></body></html>
    """

    @Test func extraBoilerplateTokenRemovesAWidget() throws {
        let bytes = Array(RulesEngineTests.widgetPage.utf8)
        #expect(try RulesTestSupport.clean(bytes, rules: nil, url: nil).contains("Five things to read"))
        let rules = try Rules(json: #"{"hosts": {"*.example.com": {"vocabulary": {"boilerplate": {"promo": ["zq-box"]}}}}}"#)
        let onHost = try RulesTestSupport.clean(bytes, rules: rules, url: "https://www.example.com/a")
        #expect(!onHost.contains("Five things to read"))
        #expect(onHost.contains("The third paragraph"))
        // Other hosts keep the shared vocabulary.
        #expect(try RulesTestSupport.clean(bytes, rules: rules, url: RulesTestSupport.neutralURL).contains("Five things to read"))
    }

    @Test func matchersAreBuiltOncePerRulesValue() throws {
        let rules = try Rules(json: #"{"vocabulary": {"content": ["zqmain"]}, "hosts": {"a.com": {"vocabulary": {"articleBody": ["zqbody"]}}, "b.com": {"drop": [".x"]}}}"#)
        let global = try #require(rules.resolved(forURL: nil).matcher)
        #expect(global.concepts(in: "zqmain") == .content)
        #expect(global.concepts(in: "zqbody") == [])
        let onA = try #require(rules.resolved(forURL: "https://a.com/").matcher)
        #expect(onA.concepts(in: "zqbody") == .articleBody)
        #expect(onA.concepts(in: "zqmain") == .content)
        #expect(onA.concepts(in: "c-ranking__list") == .ranking)
        // b.com adds no tokens: it shares the global matcher.
        #expect(rules.resolved(forURL: "https://b.com/").matcher?.concepts(in: "zqmain") == .content)
        #expect(Rules().resolved(forURL: nil).matcher == nil)
    }
}
