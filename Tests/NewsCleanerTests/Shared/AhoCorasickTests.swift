import Testing
@testable import NewsCleaner

/// The one automaton core and the two matchers built on it.
struct AhoCorasickTests {
    /// Runs `symbols` from the start state and returns the pattern ids output at each step.
    static func scan(_ automaton: AhoCorasick, _ symbols: [Int]) -> [[Int32]] {
        var state = 0
        return symbols.map { symbol in
            state = automaton.step(state, symbol)
            return automaton.outputs[state]
        }
    }

    @Test func findsOverlappingPatternsThroughFailureLinks() {
        // "abcd", "bc", "c" over a=0 b=1 c=2 d=3: reading "abcd" ends "bc" and "c" at the "c".
        let a = AhoCorasick(patterns: [[0, 1, 2, 3], [1, 2], [2]], symbolCount: 4)
        #expect(Self.scan(a, [0, 1, 2, 3]) == [[], [], [1, 2], [0]])
        // A mismatch falls back, not to the start: "abd" then "bc".
        #expect(Self.scan(a, [0, 1, 3, 1, 2]) == [[], [], [], [], [1, 2]])
        // Nothing found in symbols that start no pattern.
        #expect(Self.scan(a, [3, 3, 0]) == [[], [], []])
    }

    @Test func duplicatePatternsKeepBothIds() {
        let a = AhoCorasick(patterns: [[0, 1], [0, 1]], symbolCount: 2)
        #expect(Self.scan(a, [0, 1]).last == [0, 1])
    }

    @Test func phraseMatcherFoldsASCIICaseAndReportsEnds() {
        let m = PhraseMatcher(["sign up", "写真：", "up"])
        #expect(m.matches(in: "Please SIGN UP today") == [0, 2])
        #expect(m.hits(in: "写真：ロイター").map(\.end) == [9])
        #expect(m.matches(in: "signup") == [2])
        #expect(m.matches(in: "") == [])
    }

    @Test func conceptMatcherUnionsConceptsOfOverlappingTokens() {
        let m = ConceptMatcher(lists: [(.related, ["related"]), (.ads, ["_ad_"]), (.comments, ["ted"])])
        #expect(m.concepts(in: "relatedAd") == [.related, .ads, .comments])
        #expect(m.concepts(in: "loaded") == [])
        #expect(m.concepts(in: "x-ted") == .comments)
    }
}
