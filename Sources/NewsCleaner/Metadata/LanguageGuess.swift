import Foundation

/// Names the language of a text from its script when the script makes it clear:
/// kana → `ja`, Hangul → `ko`, Han without kana → `zh`; Latin and others → `nil`.
///
/// ```swift
/// LanguageGuess.fromScript("これは日本語の文です。") // "ja"
/// LanguageGuess.fromScript("Hello world")          // nil
/// ```
package enum LanguageGuess {
    /// Letters looked at, at most (the start of the article is enough).
    static let sampleLimit = 4000
    /// Fewest letters needed before naming a language.
    static let minLetters = 20
    /// Share of letters a script needs to name the language (Hangul, Han).
    static let dominantShare = 0.3
    /// Share of kana among letters that makes Han-script text Japanese.
    static let kanaShare = 0.05

    static let hiragana: ClosedRange<UInt32> = 0x3040...0x309F
    static let katakana: ClosedRange<UInt32> = 0x30A0...0x30FF
    static let hangulSyllables: ClosedRange<UInt32> = 0xAC00...0xD7AF
    static let hangulJamo: ClosedRange<UInt32> = 0x1100...0x11FF
    static let hangulCompatibility: ClosedRange<UInt32> = 0x3130...0x318F
    static let hanUnified: ClosedRange<UInt32> = 0x4E00...0x9FFF
    static let hanExtensionA: ClosedRange<UInt32> = 0x3400...0x4DBF

    /// The BCP 47 primary language the script implies, or `nil` when it is not clear.
    package static func fromScript(_ text: String) -> String? {
        var letters = 0
        var kana = 0
        var hangul = 0
        var han = 0
        for scalar in text.unicodeScalars where isLetter(scalar) {
            letters += 1
            let v = scalar.value
            if hiragana.contains(v) || katakana.contains(v) {
                kana += 1
            } else if hangulSyllables.contains(v) || hangulJamo.contains(v) || hangulCompatibility.contains(v) {
                hangul += 1
            } else if hanUnified.contains(v) || hanExtensionA.contains(v) {
                han += 1
            }
            if letters >= sampleLimit { break }
        }
        guard letters >= minLetters else { return nil }
        let total = Double(letters)
        if Double(hangul) >= total * dominantShare { return "ko" }
        if Double(kana) >= total * kanaShare, Double(kana + han) >= total * dominantShare { return "ja" }
        if Double(han) >= total * dominantShare, kana == 0 { return "zh" }
        return nil
    }

    /// `scalar.properties.isAlphabetic`, answered without the property tables for ASCII
    /// (where only A–Z and a–z are alphabetic).
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v | 0x20 >= 0x61 && v | 0x20 <= 0x7A }
        return scalar.properties.isAlphabetic
    }

    /// The primary subtag of a language tag, lowercased: `en-US` → `en`, `zh_Hant_TW` → `zh`, `ja_JP` → `ja`.
    ///
    /// ```swift
    /// LanguageGuess.primaryTag("zh-Hant-TW") // "zh"
    /// ```
    package static func primaryTag(_ tag: String?) -> String? {
        guard let tag else { return nil }
        let primary = TextTrim.trimming(tag, .whitespaces, .whitespace)
            .split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "," || $0 == " " }).first.map { $0.lowercased() }
        guard let primary, (minTagLength...maxTagLength).contains(primary.count),
              primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return primary
    }

    static let minTagLength = 2
    static let maxTagLength = 3
}
