import Testing
@testable import NewsCleaner

/// Host entries apply when the page URL's host matches: exactly, or `*.domain` for the domain
/// and its subdomains; all matches merge after the global rules, most specific last.
@Suite struct HostMatchingTests {
    static let rules = try! Rules(json: """
    {
      "drop": [".global"],
      "settings": {"minArticleChars": 1},
      "hosts": {
        "example.com": {"drop": [".exact"], "settings": {"minArticleChars": 3}},
        "*.example.com": {"drop": [".wild"], "settings": {"minArticleChars": 2, "bylineMaxChars": 7}},
        "*.news.example.com": {"drop": [".deep"]},
        "news.example.com": {"drop": [".newsexact"]}
      }
    }
    """)

    func drops(_ url: String?) -> [String] {
        HostMatchingTests.rules.resolved(forURL: url).selectors.single.map(\.selector.text)
    }

    @Test func exactHost() {
        #expect(drops("https://example.com/a") == [".global", ".wild", ".exact"])
    }

    @Test func wildcardMatchesSubdomainsLeastSpecificFirst() {
        #expect(drops("https://www.example.com/") == [".global", ".wild"])
        #expect(drops("http://a.b.example.com/x?y#z") == [".global", ".wild"])
        #expect(drops("https://news.example.com/") == [".global", ".wild", ".deep", ".newsexact"])
        #expect(drops("https://x.news.example.com/") == [".global", ".wild", ".deep"])
    }

    @Test func nonMatchingHosts() {
        #expect(drops("https://notexample.com/") == [".global"])
        #expect(drops("https://example.com.evil.org/") == [".global"])
        #expect(drops("https://example.co/") == [".global"])
    }

    @Test func noURLOrNoHostGetsGlobalOnly() {
        #expect(drops(nil) == [".global"])
        #expect(drops("") == [".global"])
        #expect(drops("https:///path") == [".global"])
    }

    @Test func hostIsNormalised() {
        #expect(Rules.host(of: "HTTPS://User:pw@WWW.Example.COM.:8443/a") == "www.example.com")
        #expect(Rules.host(of: "//example.com/a") == "example.com")
        #expect(Rules.host(of: "example.com/a") == "example.com")
        #expect(Rules.host(of: "http://[::1]:80/") == "[::1]")
        #expect(drops("HTTPS://WWW.EXAMPLE.COM:8080/a") == [".global", ".wild"])
    }

    @Test func laterSettingsWin() {
        let base = ExtractionSettings()
        let onExact = HostMatchingTests.rules.resolved(forURL: "https://example.com/").apply(to: base)
        #expect(onExact.minArticleChars == 3)          // exact beats wildcard beats global
        #expect(onExact.bylineMaxChars == 7)           // from the wildcard, not overridden
        let onSub = HostMatchingTests.rules.resolved(forURL: "https://www.example.com/").apply(to: base)
        #expect(onSub.minArticleChars == 2)
        let elsewhere = HostMatchingTests.rules.resolved(forURL: "https://other.org/").apply(to: base)
        #expect(elsewhere.minArticleChars == 1)
        #expect(elsewhere.bylineMaxChars == base.bylineMaxChars)
    }

    @Test func hostKeysAreCaseInsensitiveAndDuplicatesMerge() throws {
        let rules = try Rules(json: #"{"hosts": {"Example.com": {"drop": [".a"]}, "example.com.": {"drop": [".b"]}}}"#)
        let drops = rules.resolved(forURL: "https://example.com/").selectors.single.map(\.selector.text)
        #expect(Set(drops) == [".a", ".b"])
    }

    @Test func mergingAddsSelectorsAndLetsTheOtherSettingsWin() throws {
        let file = try Rules(json: #"{"settings": {"minArticleChars": 5}, "hosts": {"a.com": {"drop": [".x"]}}}"#)
        let quick = try Rules(drop: [".y"], content: ["#main"])
        let merged = file.merging(try Rules(json: #"{"settings": {"minArticleChars": 9}, "hosts": {"a.com": {"drop": [".z"]}}}"#)).merging(quick)
        let page = merged.resolved(forURL: "https://a.com/")
        #expect(page.selectors.single.map(\.selector.text) == [".y", ".x", ".z", "#main"])
        #expect(page.apply(to: ExtractionSettings()).minArticleChars == 9)
        #expect(Rules().merging(quick) == quick)
        #expect(!quick.isEmpty && Rules().isEmpty)
    }
}
