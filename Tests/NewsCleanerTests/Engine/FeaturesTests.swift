import Testing
@testable import NewsCleaner

/// Step 5 on small snippets: counts that flow bottom-up, link text, CJK weight, hidden subtrees.
@Suite struct FeaturesTests {
    @Test func textLinkAndPunctuationCountsAddUpTheTree() throws {
        let page = try EnginePage("""
            <div id="box"><p id="p">Hello, world. Bye!</p><p id="q">See <a id="l" href="/x">this link</a> now?</p></div>
            """)
        let f = page.features
        let box = try page.node("box"), p = try page.node("p"), q = try page.node("q"), l = try page.node("l")
        #expect(f.commas[p] == 1)
        #expect(f.sentences[p] == 2)
        #expect(f.sentences[q] == 1)
        #expect(f.links[box] == 1 && f.links[p] == 0)
        #expect(f.linkChars[p] == 0)
        #expect(f.linkChars[q] == f.chars[l] && f.chars[l] > 0)
        #expect(f.linkDensity(l) == 1)
        #expect(f.linkDensity(q) > 0 && f.linkDensity(q) < 1)
        // Parents hold the sum of their children.
        #expect(f.chars[box] == f.chars[p] + f.chars[q])
        #expect(f.commas[box] == 1 && f.sentences[box] == 3)
        #expect(f.tags[box] == 4)
    }

    @Test func cjkCharactersWeighMore() throws {
        let page = try EnginePage(#"<div><p id="ja">日本語の記事</p><p id="en">abcdef</p></div>"#)
        let ja = try page.node("ja"), en = try page.node("en")
        #expect(page.features.chars[ja] == page.features.chars[en] * page.settings.cjkCharacterWeight)
        let heavier = try EnginePage(#"<div><p id="ja">日本語の記事</p><p id="en">abcdef</p></div>"#,
                                     settings: { var s = ExtractionSettings(); s.cjkCharacterWeight = 4; return s }())
        #expect(heavier.features.chars[try heavier.node("ja")] == 4 * heavier.features.chars[try heavier.node("en")])
    }

    @Test func hiddenAndSkippedSubtreesCountForNothing() throws {
        let page = try EnginePage("""
            <div id="box"><p id="p">Visible text here.</p><div id="h" hidden>Hidden text, lots of it.</div>
            <div id="s" style="display:none">Styled away.</div><button id="f">Click, here.</button><select id="sel"><option>One, two.</option></select></div>
            """)
        let f = page.features
        for name in ["h", "s", "f", "sel"] { #expect(f.invisible[try page.node(name)], "\(name)") }
        #expect(!f.invisible[try page.node("p")])
        #expect(f.chars[try page.node("box")] == f.chars[try page.node("p")])
        #expect(f.commas[try page.node("box")] == 0)
    }

    @Test func classAndIDVocabularyBecomesHints() throws {
        let page = try EnginePage(#"<div id="main-nav"></div><div id="x" class="sidebar-widget"></div><div id="y" class="story-body"></div>"#)
        #expect(page.features.hints[try page.node("main-nav")].contains(.navigation))
        #expect(page.features.hints[try page.node("x")].isSuperset(of: [.sidebar, .widget]))
        #expect(page.features.hints[try page.node("y")].contains(.articleBody))
    }
}
