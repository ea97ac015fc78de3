import Foundation
@testable import NewsCleaner
import Testing

/// `TextSearch` answers exactly what Foundation's `range(of:)`, `contains` and
/// `components(separatedBy:)` answer, on strings mixing the cases where a byte search and
/// Foundation's canonical-equivalence search could part: combining marks, singleton
/// decompositions (U+037E → `;`, U+0387 → `·`), conjoining jamo, kana sound marks, CR LF.
@Suite struct TextSearchTests {
    static let pieces = ["a", "e", "é", "e\u{301}", " - ", "-", " ", ";", "\u{037E}", "·", "\u{0387}", "\r", "\n",
                         "\r\n", "가", "\u{1100}\u{1161}", "カ", "\u{30AB}\u{3099}", "ガ", "年", "—", "and", " and ",
                         "{{", "%", "更新", "à", "a\u{300}", "Ω", "\u{2126}", "😀", "\u{200D}", "Ж", "д\u{0301}"]
    static let needles = [" - ", " and ", ";", "·", "e", "a", "-", "가", "更新", "mis à jour", "à", ", ", "{{", "%",
                          "年", "Ω", "\n", "ガ", "カ", "e\u{301}", "Ж"]

    /// Deterministic pseudo-random strings from `pieces`.
    static func samples(count: Int) -> [String] {
        PseudoRandomStrings.samples(from: pieces, count: count, seed: 0x2545_F491_4F6C_DD1D)
    }

    static func offsets(_ r: Range<String.Index>?, _ s: String) -> Range<Int>? {
        r.map { s.utf8.distance(from: s.startIndex, to: $0.lowerBound)..<s.utf8.distance(from: s.startIndex, to: $0.upperBound) }
    }

    @Test func agreesWithFoundation() {
        for s in TextSearchTests.samples(count: 3_000) {
            for needle in TextSearchTests.needles {
                #expect(TextSearch.contains(s, needle) == (s.range(of: needle) != nil), "\(s.debugDescription) \(needle)")
                #expect(TextSearchTests.offsets(TextSearch.range(of: needle, in: s), s)
                        == TextSearchTests.offsets(s.range(of: needle), s))
                #expect(TextSearchTests.offsets(TextSearch.range(of: needle, in: s, backwards: true), s)
                        == TextSearchTests.offsets(s.range(of: needle, options: .backwards), s))
                #expect(TextSearch.components(s, separatedBy: needle) == s.components(separatedBy: needle))
            }
        }
    }

    @Test func plainTextIsSearchedOnBytes() {
        var text = "Council votes — “garage” | Ledger"
        var needle = " | "
        let answer = text.withUTF8 { t in needle.withUTF8 { n in TextSearch.byteRange(n, in: t, backwards: false) } }
        #expect(answer != nil)  // plain: answered without Foundation
        #expect(TextSearch.components("Ann and Bo and ", separatedBy: " and ") == ["Ann", "Bo", ""])
        var mark = "e\u{301} | x"
        let fallback = mark.withUTF8 { t in needle.withUTF8 { n in TextSearch.byteRange(n, in: t, backwards: false) } }
        #expect(fallback == nil)  // a combining mark: Foundation decides
    }
}

/// The title picker's byte paths for ASCII-and-punctuation text equal the Character paths.
@Suite struct TitlePickerShortcutTests {
    static let pieces = ["A", "b", "Z", "9", " ", "\u{00A0}", "“", "”", "’", "—", "–", "…", "•", "\u{2010}", "\u{205E}",
                         "\u{205F}", "\u{200D}", "\r\n", "\t", "É", "é", "e\u{301}", "ß", "İ", "年", "Ⅻ", "²", "-", "'", "|"]

    @Test func lowercaseAndWordsMatchTheCharacterPaths() {
        for s in PseudoRandomStrings.samples(from: TitlePickerShortcutTests.pieces, count: 20_000, seed: 0x1234_5678_9ABC_DEF1) {
            #expect(TitlePicker.lowercase(s) == s.lowercased(), "\(s.debugDescription)")
            #expect(TitlePicker.words(s) == TitlePicker.characterWords(s), "\(s.debugDescription)")
            #expect(TitlePicker.lettersAndDigits(s) == s.filter { $0.isLetter || $0.isNumber }, "\(s.debugDescription)")
        }
    }
}
