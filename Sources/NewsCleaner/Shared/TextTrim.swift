import Foundation

/// Shortcuts for Foundation string calls on short strings (metadata, JSON-LD): on Linux each one bridges
/// through `NSString`, and most metadata strings have nothing to trim or replace. Each shortcut
/// only answers when the answer is certain and otherwise calls Foundation as before.
///
/// ```swift
/// TextTrim.trimming("Ann Lee", .whitespacesAndNewlines) // "Ann Lee", without Foundation
/// ```
enum TextTrim {
    /// What a `CharacterSet` to trim may hold, for choosing which end characters are surely kept.
    enum TrimSet {
        /// White space and/or newlines only: no ASCII graphic character is trimmed.
        case whitespace
        /// Also punctuation and symbols: ASCII letters and digits are still never trimmed.
        case whitespaceAndPunctuation
    }

    /// Letters of the Han, Hangul and kana blocks (general category Lo): never white space or punctuation.
    static let keptLetterBlocks: [ClosedRange<UInt32>] = [0x4E00...0x9FFF, 0xAC00...0xD7A3, 0x3041...0x3096,
                                                          0x30A1...0x30FA]

    /// True when no `CharacterSet` of the kind `kind` can hold `scalar`.
    static func isSurelyKept(_ scalar: Unicode.Scalar, _ kind: TrimSet) -> Bool {
        let v = scalar.value
        if v < 0x80 {
            switch kind {
            case .whitespace: return v > 0x20 && v < 0x7F
            case .whitespaceAndPunctuation:
                return (v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A)
            }
        }
        return keptLetterBlocks.contains { $0.contains(v) }
    }

    /// Space and tab: in every set a `TrimSet` describes.
    static func isSurelyTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t"
    }

    /// `s.trimmingCharacters(in: set)`, skipping Foundation when, after cutting spaces and tabs,
    /// both ends are surely kept. `kind` must describe `set`.
    static func trimming(_ s: String, _ set: CharacterSet, _ kind: TrimSet) -> String {
        let scalars = s.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSurelyTrimmed($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isSurelyTrimmed($0) })!
        if isSurelyKept(scalars[start], kind) && isSurelyKept(scalars[end], kind) {
            return start == scalars.startIndex && end == scalars.index(before: scalars.endIndex)
                ? s : String(scalars[start...end])
        }
        return s.trimmingCharacters(in: set)
    }

    /// Scalars a regular expression's `\s` might match (a generous superset of ICU's white space).
    static func mightBeRegexSpace(_ v: UInt32) -> Bool {
        v < 0x20 || v == 0x7F || v == 0x85 || v == 0xA0 || v == 0x1680 || v == 0x180E
            || (v >= 0x2000 && v <= 0x200B) || v == 0x2028 || v == 0x2029 || v == 0x202F
            || v == 0x205F || v == 0x3000 || v == 0xFEFF
    }

    /// False when replacing `\s+` by one space cannot change `s`: its only spaces are single
    /// U+0020 characters.
    static func hasSpaceRuns(_ s: String) -> Bool {
        var previousWasSpace = false
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if mightBeRegexSpace(v) { return true }
            let isSpace = v == 0x20
            if isSpace && previousWasSpace { return true }
            previousWasSpace = isSpace
        }
        return false
    }
}
