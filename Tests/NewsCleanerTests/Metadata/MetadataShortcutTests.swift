import Foundation
@testable import NewsCleaner
import Testing

/// The byte-level and Foundation-free shortcuts of the metadata step give exactly what the
/// calls they stand in for give.
@Suite struct MetadataShortcutTests {
    /// Every Unicode `White_Space` scalar plus near misses (other 3-byte punctuation, NEL-like bytes).
    static let pieces: [String] = {
        var out = (0...0x3001).compactMap(Unicode.Scalar.init).filter {
            $0.properties.isWhitespace || [0x1F, 0x21, 0x84, 0xA1, 0x167F, 0x200B, 0x2027, 0x202A, 0x2060, 0x3001].contains($0.value)
        }.map { String($0) }
        out += ["a", "年", "—", "\u{FFFD}", "é", "e\u{301}", "2"]
        return out
    }()

    /// Deterministic pseudo-random strings from `pieces`.
    static func samples(count: Int) -> [String] {
        PseudoRandomStrings.samples(from: pieces, count: count, seed: 0x9E37_79B9_7F4A_7C15)
    }

    @Test func byteTrimMatchesTrimmingWhitespace() {
        for s in MetadataShortcutTests.samples(count: 20_000) {
            let bytes = Array(s.utf8)
            #expect(MetadataBytes.trimmedString(bytes, 0..<bytes.count) == s.trimmingWhitespace())
        }
    }

    @Test func byteTrimMatchesOnInvalidUTF8() {
        let raw: [[UInt8]] = [[0xE3, 0x80, 0x80, 0xE3], [0xE3, 0xE3, 0x80, 0x80], [0x80, 0x80, 0x20],
                              [0xC2, 0xC2, 0xA0], [0x20, 0xE2, 0x80], [0xF0, 0x20, 0xE2, 0x80, 0x8A, 0x41]]
        for bytes in raw {
            #expect(MetadataBytes.trimmedString(bytes, 0..<bytes.count)
                == String(decoding: bytes, as: UTF8.self).trimmingWhitespace())
        }
    }

    @Test func collapsingShortcutMatchesCollapse() {
        for s in MetadataShortcutTests.samples(count: 20_000) + ["", " ", "a b", "a  b", " a", "a ", "a\u{3000}b"] {
            var out = ""
            var pending = false
            for scalar in s.unicodeScalars {
                if scalar.properties.isWhitespace {
                    pending = !out.isEmpty
                } else {
                    if pending { out.unicodeScalars.append(" ") }
                    pending = false
                    out.unicodeScalars.append(scalar)
                }
            }
            #expect(TitleCleaner.collapseWhitespace(s) == out)
            if !MetadataBytes.needsCollapsing(s) { #expect(out == s) }
        }
    }

    @Test func trimShortcutMatchesFoundation() {
        let sets: [(CharacterSet, TextTrim.TrimSet)] = [(.whitespaces, .whitespace), (.whitespacesAndNewlines, .whitespace),
                                                             (AuthorNames.trimSet, .whitespaceAndPunctuation)]
        let extra = ["Ann Lee", "Ann Lee.", "(Ann)", "記者陳怡君", "김민준 기자", "「見出し」", "ア・イ", "—x—", "x:",
                     " Ann ", "\tAnn\n", " ", "\t \t", " (Ann) ", " a\u{301} ", "  記者  "]
        for s in MetadataShortcutTests.samples(count: 5_000) + extra {
            for (set, kind) in sets {
                #expect(TextTrim.trimming(s, set, kind) == s.trimmingCharacters(in: set))
            }
        }
    }

    @Test func spaceRunShortcutMatchesRegex() {
        for s in MetadataShortcutTests.samples(count: 5_000) + ["a b", "a  b", "a\tb"] where !TextTrim.hasSpaceRuns(s) {
            #expect(s.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression) == s)
        }
    }

    @Test func yearDigitsAreNeededForADate() {
        let lines = ["2024年2月28日", "２０２４年２月２８日", "March 4, 2024", "4 Mar 24", "12:30", "03/04", "2０24-1-1"]
        for line in lines {
            let bytes = Array(line.utf8)
            if !MetadataBytes.hasYearDigits(bytes, 0..<bytes.count) { #expect(DateParser.parse(line) == nil) }
        }
        let year = Array("Posted 2０24".utf8)
        #expect(MetadataBytes.hasYearDigits(year, 0..<year.count))
    }

    @Test func paddingMatchesStringFormat() {
        for value in [-1234, -100, -5, 0, 7, 9, 10, 59, 99, 100, 999, 1990, 2024, 12345] {
            for width in [2, 4] {
                #expect(PageDate.padded(value, width) == String(format: "%0\(width)d", value))
            }
        }
    }

    @Test func asciiLetterShortcutMatchesIsAlphabetic() {
        for v in UInt32(0)..<0x300 {
            let scalar = Unicode.Scalar(v)!
            #expect(LanguageGuess.isLetter(scalar) == scalar.properties.isAlphabetic)
        }
    }

    @Test func everySeparatorPassesTheSeparatorCheck() {
        for separator in SiteName.separators + TitleCleaner.extraSeparators {
            #expect(TitleCleaner.mayHoldSeparator("a" + separator + "b"))
        }
        #expect(!TitleCleaner.mayHoldSeparator("Council votes on the budget"))
    }
}
