import Testing
@testable import NewsCleaner

/// Each supported selector form, matched and not matched.
@Suite struct SelectorTests {
    static let page = """
    <html><body>
    <div class="box a" id="one" data-testid="d1"><p class="a" data-testid="p1">x</p></div>
    <div class="a b" role="main" data-testid="d2"><span data-testid="s1" title="Read more">y</span></div>
    <section class="ab" data-testid="sec"><div class="inner" data-testid="d3"><p data-testid="p2" itemprop="articleBody">z</p></div></section>
    <DIV CLASS="Upper" data-testid="d4"></DIV>
    </body></html>
    """

    func markers(_ selector: String) throws -> [String] {
        try RulesTestSupport.matchedMarkers(selector, in: SelectorTests.page)
    }

    @Test func typeSelector() throws {
        #expect(try markers("section") == ["sec"])
        #expect(try markers("SECTION") == ["sec"])
        #expect(try markers("article") == [])
    }

    @Test func classSelectorMatchesWholeTokensCaseSensitively() throws {
        #expect(try markers(".a") == ["d1", "p1", "d2"])       // not "ab"
        #expect(try markers(".ab") == ["sec"])
        #expect(try markers(".upper") == [])                    // class values are case-sensitive
        #expect(try markers(".Upper") == ["d4"])
    }

    @Test func idSelector() throws {
        #expect(try markers("#one") == ["d1"])
        #expect(try markers("#on") == [])
    }

    @Test func attributePresenceAndEquality() throws {
        #expect(try markers("[role]") == ["d2"])
        #expect(try markers("[role=main]") == ["d2"])
        #expect(try markers("[role=mai]") == [])
        #expect(try markers(#"[title="Read more"]"#) == ["s1"])
        #expect(try markers("[title='Read more']") == ["s1"])
        #expect(try markers("[itemprop=articleBody]") == ["p2"])
        #expect(try markers("[ itemprop = articleBody ]") == ["p2"])
    }

    @Test func compoundNeedsEveryPart() throws {
        #expect(try markers("div.a.b[role=main]") == ["d2"])
        #expect(try markers("div.a#one") == ["d1"])
        #expect(try markers("p.a#one") == [])
        #expect(try markers("div.a.box.b") == [])
    }

    @Test func descendantCombinator() throws {
        #expect(try markers("section p") == ["p2"])
        #expect(try markers(".box p") == ["p1"])
        #expect(try markers("body div p") == ["p1", "p2"])
        #expect(try markers("section .inner p[itemprop]") == ["p2"])
        #expect(try markers(".inner section") == [])          // order matters
        #expect(try markers("p p") == [])                     // an element is not its own ancestor
        #expect(try markers("div div") == [])
    }

    @Test func selectorList() throws {
        #expect(try markers("#one, section") == ["d1", "sec"])
        #expect(try markers("span , .inner") == ["s1", "d3"])
    }

    @Test func parsedFormsAreRecorded() throws {
        let list = try Selector.parseList("div.a#x[role=main] .b, [hidden]")
        #expect(list.count == 2)
        #expect(list[0].text == "div.a#x[role=main] .b")
        #expect(list[0].compounds.count == 2)
        #expect(list[0].compounds[0].tag == .div)
        #expect(list[0].compounds[0].tests.count == 3)
        #expect(list[1].compounds[0].tests == [.init(name: .hidden, mode: .present, value: [])])
    }

    @Test(arguments: [
        ("div > p", "child combinator"),
        ("h2 + p", "sibling combinators"),
        ("h2 ~ p", "sibling combinators"),
        ("a:hover", "pseudo-classes"),
        ("p::before", "pseudo-classes"),
        (":not(.x)", "pseudo-classes"),
        ("*", "universal selector"),
        ("*.x", "universal selector"),
        ("div *", "universal selector"),
        ("[class~=x]", "attribute operator `~=`"),
        ("[class^=x]", "attribute operator `^=`"),
        ("[class*=x]", "attribute operator `*=`"),
        ("[class$=x]", "attribute operator `$=`"),
        ("[lang|=en]", "attribute operator `|=`"),
        ("[data-foo]", "attribute `data-foo` is not kept"),
        ("[onclick=x]", "attribute `onclick` is not kept"),
        ("[role=main i]", "attribute flags"),
        ("my-widget", "element `my-widget` is not one the parser knows"),
        (".a\\:b", "backslash"),
        ("", "empty selector"),
        ("a,,b", "empty selector"),
        (".", "expected a class name"),
        ("#", "expected an id"),
        ("[role", "missing `]`"),
        ("[title=\"x]", "unterminated quoted value"),
    ])
    func rejectedForms(selector: String, reason: String) throws {
        #expect {
            _ = try Selector.parseList(selector)
        } throws: { error in
            (error as? SelectorError)?.reason.contains(reason) == true
        }
    }

    @Test func commaInsideQuotesIsNotASeparator() throws {
        let list = try Selector.parseList(#"[title="a, b"], p"#)
        #expect(list.count == 2)
        #expect(list[0].compounds[0].tests[0].value == Array("a, b".utf8))
    }
}
