import Testing
@testable import NewsCleaner

/// keep and content beat drop on one element; drop is final for its subtree; the outermost
/// content elements are the container; keep shields from the engine's removals and filters.
@Suite struct PrecedenceTests {
    func marker(_ doc: Document, _ id: Int) -> String { doc.attribute(.dataTestid, of: id) ?? "?" }

    func flagged(_ doc: Document, _ marks: RuleMarks, _ flag: RuleMarks.Flags) -> [String] {
        doc.nodeIDs.filter { marks.flags[$0].contains(flag) }.map { marker(doc, $0) }
    }

    @Test func keepBeatsDropOnTheSameElement() throws {
        let (doc, marks) = try RulesTestSupport.marks(#"{"drop": [".x"], "keep": ["p.x"]}"#,
                                                     "<div class=x data-testid=d></div><p class=x data-testid=p>t</p>")
        #expect(flagged(doc, marks, .drop) == ["d"])
        #expect(flagged(doc, marks, .keep) == ["p"])
    }

    @Test func contentBeatsDropOnTheSameElement() throws {
        let (doc, marks) = try RulesTestSupport.marks(#"{"drop": ["div"], "content": [".main"]}"#,
                                                     "<div class=main data-testid=m>t</div><div data-testid=o>u</div>")
        #expect(flagged(doc, marks, .drop) == ["o"])
        #expect(marks.contentRoots.map { marker(doc, $0) } == ["m"])
    }

    @Test func dropIsFinalForItsSubtree() throws {
        let (doc, marks) = try RulesTestSupport.marks(#"{"drop": [".box"], "keep": [".k"], "content": [".c"]}"#,
                                                     "<div class=box data-testid=b><p class=k data-testid=k>t</p><div class=c data-testid=c>u</div></div>")
        #expect(flagged(doc, marks, .drop) == ["b"])
        #expect(flagged(doc, marks, .keep) == [])
        #expect(marks.contentRoots.isEmpty)
        #expect(marks.removalReason(doc.nodeIDs.first { marker(doc, $0) == "b" }!) == .rule(".box"))
    }

    @Test func dropInsideKeepStillDrops() throws {
        let (doc, marks) = try RulesTestSupport.marks(#"{"drop": [".ad"], "keep": [".k"]}"#,
                                                     "<div class=k data-testid=k><p data-testid=p>t</p><div class=ad data-testid=a>u</div></div>")
        #expect(flagged(doc, marks, .drop) == ["a"])
        #expect(flagged(doc, marks, .inKeep).filter { $0 != "?" } == ["k", "p"])   // "?": text nodes
    }

    @Test func theFirstMatchingDropNamesTheReason() throws {
        let (doc, marks) = try RulesTestSupport.marks(#"{"drop": ["div p", ".x"]}"#, "<div><p class=x data-testid=p>t</p></div>")
        let p = doc.nodeIDs.first { marker(doc, $0) == "p" }!
        #expect(marks.removalReason(p) == .rule("div p"))
    }

    @Test func outermostContentOnlyInDocumentOrder() throws {
        let (doc, marks) = try RulesTestSupport.marks(#"{"content": [".c"]}"#,
                                                     "<div class=c data-testid=a><div class=c data-testid=inner>t</div></div><p class=c data-testid=b>u</p>")
        #expect(marks.contentRoots.map { marker(doc, $0) } == ["a", "b"])
        #expect(flagged(doc, marks, .content) == ["a", "inner", "b"])
    }

    @Test func keepShieldsElementSubtreeAndAncestors() throws {
        let (doc, marks) = try RulesTestSupport.marks(#"{"keep": [".k"]}"#,
                                                     "<div data-testid=outer><div data-testid=mid><p class=k data-testid=k><b data-testid=in>t</b></p></div><p data-testid=sib>s</p></div>")
        #expect(flagged(doc, marks, .shielded).filter { $0 != "?" } == ["outer", "mid", "k", "in"])
        #expect(flagged(doc, marks, .inKeep).filter { $0 != "?" } == ["k", "in"])
    }

    static let sidebarPage = """
    <html><body><article>
    <p>The first paragraph of the story is long enough to be scored, with commas, clauses, and a full stop.</p>
    <p>The second paragraph carries on, adding detail, quotes and more sentences. It ends here.</p>
    <div class="sidebar-note" data-testid=note><p>A fact box the site marks as a sidebar, yet it belongs to the article text.</p></div>
    <p><a href="/a">A link-only line</a> <a href="/b">inside the article</a></p>
    <p>The third paragraph closes the story, with a last sentence, a comma, and a period.</p>
    </article></body></html>
    """

    @Test func keepOverridesVocabularyRemovalAndBlockFilters() throws {
        let bytes = Array(PrecedenceTests.sidebarPage.utf8)
        let plain = try RulesTestSupport.clean(bytes, rules: nil, url: nil)
        #expect(!plain.contains("A fact box"))
        #expect(!plain.contains("A link-only line"))
        let kept = try RulesTestSupport.clean(bytes, rules: try Rules(json: #"{"keep": [".sidebar-note", "article p"]}"#), url: nil)
        #expect(kept.contains("A fact box the site marks as a sidebar, yet it belongs to the article text."))
        #expect(kept.contains("A link-only line inside the article"))
    }

    @Test func forcedContainerWithDropInside() throws {
        var options = CleanerOptions()
        options.rules = try Rules(drop: ["article"], content: ["body"])
        let decisions = try Cleaner(options: options).decisions(html: Array(PrecedenceTests.sidebarPage.utf8))
        // The whole article was dropped by the rule inside the forced body, and explanations say so.
        #expect(decisions.count == 1)
        #expect(decisions.first?.dropReason?.contains(#"rule("article")"#) == true)
        #expect(decisions.first?.text.hasPrefix("The first paragraph") == true)
        let withContent = try Rules(json: #"{"content": ["article"], "drop": [".sidebar-note"]}"#)
        options.rules = withContent
        let article = try Cleaner(options: options).clean(html: Array(PrecedenceTests.sidebarPage.utf8))
        #expect(article.text.contains("The first paragraph"))
        #expect(!article.text.contains("A fact box"))
    }
}
