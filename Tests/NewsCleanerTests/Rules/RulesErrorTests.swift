import Foundation
import Testing
@testable import NewsCleaner

/// Invalid rules fail fast, naming the problem; nothing of them is applied.
@Suite struct RulesErrorTests {
    func error(_ json: String) -> RulesError? {
        do {
            _ = try Rules(json: json)
            return nil
        } catch {
            return error as? RulesError
        }
    }

    @Test func badJSONNamesLineAndColumn() throws {
        let json = "{\n  \"drop\": [\".a\"],\n  \"keep\": [x]\n}"
        let e = try #require(error(json))
        guard case let .invalidJSON(line, column, _) = e else { Issue.record("got \(e)"); return }
        #expect(line == 3)
        #expect(column == 12)
        #expect(e.description.contains("line 3, column 12"))
    }

    @Test func topLevelMustBeAnObject() throws {
        #expect(error("[1, 2]") == .wrongType(path: "(top level)", expected: "an object", found: "an array"))
    }

    @Test func unknownKeyNamesThePathAndSuggests() throws {
        let top = try #require(error(#"{"dorp": []}"#))
        #expect(top == .unknownKey(path: "dorp", allowed: RulesJSON.topLevelKeys))
        #expect(top.description.contains("unknown key `dorp`"))
        #expect(top.description.contains("did you mean `drop`"))

        let host = try #require(error(#"{"hosts": {"a.com": {"dorp": [".x"]}}}"#))
        #expect(host.description.contains(#"unknown key `hosts["a.com"].dorp`"#))

        let nested = try #require(error(#"{"hosts": {"a.com": {"hosts": {}}}}"#))
        #expect(nested.description.contains(#"`hosts["a.com"].hosts`"#))

        let concept = try #require(error(#"{"vocabulary": {"boilerplate": {"rankng": ["x"]}}}"#))
        #expect(concept.description.contains("`vocabulary.boilerplate.rankng`"))
        #expect(concept.description.contains("did you mean `ranking`"))

        // Every boilerplate key a rules file accepts is one the engine removes; `widget` is not
        // (page builders wrap articles in widgets), so a token there would do nothing: refused.
        #expect(RulesJSON.boilerplateConcepts.values.allSatisfy { Concept.removable.isSuperset(of: $0) })
        let widget = try #require(error(#"{"vocabulary": {"boilerplate": {"widget": ["zq-box"]}}}"#))
        #expect(widget.description.contains("`vocabulary.boilerplate.widget`"))
    }

    @Test func unsupportedSelectorNamesSelectorPathAndReason() throws {
        let e = try #require(error(#"{"hosts": {"*.a.com": {"drop": [".ok", "div > p"]}}}"#))
        #expect(e.description.contains("`div > p`"))
        #expect(e.description.contains(#"hosts["*.a.com"].drop[1]"#))
        #expect(e.description.contains("child combinator"))
        let attribute = try #require(error(#"{"keep": ["[data-foo=1]"]}"#))
        #expect(attribute.description.contains("attribute `data-foo` is not kept"))
    }

    @Test func unknownSettingListsCloseNames() throws {
        let e = try #require(error(#"{"settings": {"blockMaxLinkDensty": 0.4}}"#))
        #expect(e == .unknownSetting(path: "settings.blockMaxLinkDensty", name: "blockMaxLinkDensty",
                                     suggestions: ["blockMaxLinkDensity"]))
        #expect(e.description.contains("unknown setting `blockMaxLinkDensty`"))
        #expect(e.description.contains("blockMaxLinkDensity"))
        let far = try #require(error(#"{"settings": {"zzz": 1}}"#))
        #expect(far.description.contains("see ExtractionSettings"))
    }

    @Test func wrongValueTypesAreNamed() throws {
        #expect(error(#"{"drop": ".x"}"#) == .wrongType(path: "drop", expected: "an array of strings", found: "a string"))
        #expect(error(#"{"drop": [1]}"#) == .wrongType(path: "drop[0]", expected: "a string", found: "a number"))
        #expect(error(#"{"settings": {"blockMaxLinkDensity": "0.4"}}"#)
            == .wrongType(path: "settings.blockMaxLinkDensity", expected: "a number", found: "a string"))
        #expect(error(#"{"settings": {"blockMaxLinkDensity": true}}"#)
            == .wrongType(path: "settings.blockMaxLinkDensity", expected: "a number", found: "a boolean"))
        #expect(error(#"{"settings": {"topCandidateCount": 2.5}}"#)
            == .wrongType(path: "settings.topCandidateCount", expected: "an integer", found: "2.5"))
        #expect(error(#"{"hosts": []}"#) == .wrongType(path: "hosts", expected: "an object", found: "an array"))
        #expect(error(#"{"hosts": {"a.com": null}}"#) == .wrongType(path: #"hosts["a.com"]"#, expected: "an object", found: "null"))
        #expect(error(#"{"vocabulary": {"content": "x"}}"#) == .wrongType(path: "vocabulary.content", expected: "an array of strings", found: "a string"))
    }

    @Test func invalidHostPatterns() throws {
        for (host, reason) in [("", "empty host"), ("*", "leading `*.`"), ("*.", "empty host"), ("a.*.com", "leading `*.`"),
                               ("https://a.com", "without scheme"), ("a.com:8080", "without scheme"),
                               ("a..com", "labels"), ("ä.com", "labels")] {
            let e = try #require(error("{\"hosts\": {\"\(host)\": {}}}"), "\(host)")
            #expect(e.description.contains(reason), "\(host): \(e)")
        }
    }

    @Test func invalidVocabularyTokens() throws {
        let symbols = try #require(error(#"{"vocabulary": {"boilerplate": {"ads": ["ok", "a.b"]}}}"#))
        #expect(symbols == .invalidToken(path: "vocabulary.boilerplate.ads[1]", token: "a.b",
                                         reason: "`.` cannot match: tokens use ASCII letters, digits, `-` and `_` (a word edge)"))
        let edgesOnly = try #require(error(#"{"vocabulary": {"content": ["_-_"]}}"#))
        #expect(edgesOnly.description.contains("at least one letter or digit"))
    }

    @Test func unreadableFile() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/rules.json")
        #expect {
            _ = try Rules(contentsOf: missing)
        } throws: { error in
            guard case .unreadable(let path, _)? = error as? RulesError else { return false }
            return path == missing.path
        }
    }

    @Test func quickSelectorsAreValidatedToo() throws {
        #expect {
            _ = try Rules(drop: [".ok"], content: ["main:first-child"])
        } throws: { error in
            (error as? RulesError)?.description.contains("content[0]") == true
        }
    }

    @Test func aRefusedFileChangesNothing() throws {
        // A valid drop next to an invalid setting: the whole value is refused, so a caller that
        // falls back to no rules cleans exactly as without rules.
        let bytes = try RulesTestSupport.testPage("en-news-basic")
        let rules = try? Rules(json: #"{"drop": [".article-body"], "settings": {"nope": 1}}"#)
        #expect(rules == nil)
        #expect(try RulesTestSupport.clean(bytes, rules: rules, url: nil) == RulesTestSupport.clean(bytes, rules: nil, url: nil))
    }
}
