import Foundation
import Testing
@testable import NewsCleaner

/// Rules files from `TestPages/rules/` change real pages exactly as stated, and pages they do
/// not address are cleaned exactly as without rules.
@Suite struct RulesPageTests {
    typealias Support = RulesTestSupport

    static let rivertonURL = "https://www.rivertonledger.example.com/news/local/2024/03/04/elm-street-garage-housing-vote/"
    static let newsweekURL = "https://www.newsweekjapan.jp/stories/world/2024/02/nato-1.php"
    static let scienceAlertID = "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f"
    static let scienceAlertURL = "https://www.sciencealert.com/nasa-finds-water-plumes-above-the-surface-of-jupiter-s-icy-moon-europa"

    // MARK: en-news-basic

    @Test func enNewsBasicDroppedQuote() throws {
        let bytes = try Support.testPage("en-news-basic")
        let quote = "“We have been paying to maintain a building that sits mostly empty while people who work downtown can’t afford to live here. This vote fixes both problems at once.”"
        let before = try Support.clean(bytes, rules: nil, url: RulesPageTests.rivertonURL)
        let after = try Support.clean(bytes, rules: try Support.rulesFile("en-news-basic-drop.json"), url: RulesPageTests.rivertonURL)
        #expect(before.contains(quote))
        #expect(!after.contains(quote))
        #expect(after == before.replacingOccurrences(of: quote + "\n\n", with: ""))
    }

    @Test func enNewsBasicForcedCommentsContainer() throws {
        let bytes = try Support.testPage("en-news-basic")
        let rules = try Support.rulesFile("en-news-basic-comments.json")
        let comments = try Support.textOf(id: "comments", in: bytes)
        #expect(comments.hasPrefix("12 Comments Comments are moderated."))
        #expect(try Support.blocksText(bytes, rules: rules, url: RulesPageTests.rivertonURL) == comments)
        #expect(try Support.blocksText(bytes, rules: nil, url: RulesPageTests.rivertonURL) != comments)
        // The host entry does not apply elsewhere: same output as without rules.
        #expect(try Support.clean(bytes, rules: rules, url: Support.neutralURL) == Support.clean(bytes, rules: nil, url: Support.neutralURL))
    }

    // MARK: ja-newsweek-seed

    @Test func newsweekDroppedSubtitleOnItsHost() throws {
        let bytes = try Support.testPage("ja-newsweek-seed")
        let rules = try Support.rulesFile("ja-newsweek-seed.json")
        let subtitle = "Russia Warns NATO It's Approaching a Red Line"
        let before = try Support.clean(bytes, rules: nil, url: RulesPageTests.newsweekURL)
        let after = try Support.clean(bytes, rules: rules, url: RulesPageTests.newsweekURL)
        #expect(before.contains(subtitle))
        #expect(!after.contains(subtitle))
        #expect(after == before.replacingOccurrences(of: subtitle + "\n\n", with: ""))
        // No URL: host rules do not apply.
        #expect(try Support.clean(bytes, rules: rules, url: nil) == Support.clean(bytes, rules: nil, url: nil))
    }

    @Test func newsweekForcedMagazineBanner() throws {
        let bytes = try Support.testPage("ja-newsweek-seed")
        let banner = try Support.textOfFirst(classToken: "magazineBanner", in: bytes)
        #expect(banner.hasPrefix("ニューズウィーク日本版 「外国人問題」徹底研究"))
        let before = try Support.blocksText(bytes, rules: nil, url: RulesPageTests.newsweekURL)
        #expect(!before.contains("アマゾンに飛びます"))
        let rules = try Support.rulesFile("ja-newsweek-seed-banner.json")
        #expect(try Support.blocksText(bytes, rules: rules, url: RulesPageTests.newsweekURL) == banner)
    }

    // MARK: AEB sciencealert

    @Test func scienceAlertDroppedAttribution() throws {
        let bytes = try TestPages.aebPage(RulesPageTests.scienceAlertID)
        let rules = try Support.rulesFile("aeb-sciencealert.json")
        let attribution = "This article was originally published by Futurism. Read the original article."
        let before = try Support.clean(bytes, rules: nil, url: RulesPageTests.scienceAlertURL)
        let after = try Support.clean(bytes, rules: rules, url: RulesPageTests.scienceAlertURL)
        #expect(before.contains(attribution))
        #expect(!after.contains(attribution))
        #expect(after == before.replacingOccurrences(of: "\n\n" + attribution, with: ""))
        // Another host (the futurism.com entry drops every paragraph there) leaves this page alone.
        #expect(try Support.clean(bytes, rules: rules, url: Support.neutralURL) == Support.clean(bytes, rules: nil, url: Support.neutralURL))
    }

    @Test func noRulesMeansTheSameOutputAsPlainOptions() throws {
        for bytes in [try Support.testPage("en-news-basic"), try Support.testPage("ja-newsweek-seed"),
                      try TestPages.aebPage(RulesPageTests.scienceAlertID)] {
            let plain = try Cleaner().clean(html: bytes).text
            #expect(try Support.clean(bytes, rules: nil, url: nil) == plain)
            #expect(try Support.clean(bytes, rules: Rules(), url: RulesPageTests.rivertonURL) == plain)
        }
    }
}
