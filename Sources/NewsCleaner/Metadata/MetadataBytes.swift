import Foundation

/// Byte-level checks the metadata scan runs on text nodes and attribute values before it
/// turns any of them into a `String`: most nodes fail them, and a `String` plus a Unicode
/// trim per node was the largest cost of the metadata step.
///
/// ```swift
/// let bytes = Array("\u{3000} 2024年 \n".utf8)
/// MetadataBytes.trimmed(bytes, 0..<bytes.count) // the range of "2024年"
/// MetadataBytes.hasYearDigits(bytes, 0..<bytes.count) // true
/// ```
enum MetadataBytes {
    /// Digits in a row that every date `DateParser.parse` accepts holds (its four-digit year).
    static let yearDigits = 4
    /// UTF-8 lead byte of the full-width digits U+FF10–U+FF19 (`EF BC 90`–`EF BC 99`).
    static let fullWidthLead: UInt8 = 0xEF
    static let fullWidthSecond: UInt8 = 0xBC
    static let fullWidthDigits: ClosedRange<UInt8> = 0x90...0x99

    /// The length of the UTF-8 sequence starting at `i` if it encodes a full-width digit, else 0.
    @inline(__always)
    static func fullWidthDigitLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        bytes[i] == fullWidthLead && i + 2 < end && bytes[i + 1] == fullWidthSecond
            && fullWidthDigits.contains(bytes[i + 2]) ? 3 : 0
    }

    /// True when the bytes hold `yearDigits` digits in a row (ASCII or full-width, mixed).
    ///
    /// Every date `DateParser.parse` returns has a four-digit year in its text (full-width digits
    /// count: the parser turns them to ASCII first), so a line without such a run is no date.
    static func hasYearDigits(_ source: [UInt8], _ range: Range<Int>) -> Bool {
        source.withUnsafeBufferPointer { bytes in
            var run = 0
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                let b = bytes[i]
                if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                    run += 1
                    i += 1
                } else if case let width = fullWidthDigitLength(bytes, i, end), width > 0 {
                    run += 1
                    i += width
                } else {
                    run = 0
                    i += 1
                }
                if run >= yearDigits { return true }
            }
            return false
        }
    }

    /// True when the bytes hold "by" in any letter case (`PageScan.mentionsBy` on bytes).
    static func mentionsBy(_ source: [UInt8], _ range: Range<Int>) -> Bool {
        var previous: UInt8 = 0
        for i in range {
            let b = source[i]
            if previous | 0x20 == UInt8(ascii: "b") && b | 0x20 == UInt8(ascii: "y") { return true }
            previous = b
        }
        return false
    }

    /// `range` without leading and trailing whitespace: `String(decoding:)` of the result equals
    /// `String(decoding:)` of the whole range followed by `trimmingWhitespace()`.
    ///
    /// Only complete sequences starting with an ASCII or lead byte are cut, and a decoder always
    /// starts a new character at such a byte, so invalid bytes around them decode the same.
    static func trimmed(_ source: [UInt8], _ range: Range<Int>) -> Range<Int> {
        source.withUnsafeBufferPointer { bytes in
            var start = range.lowerBound
            var end = range.upperBound
            while start < end, case let width = Whitespace.length(at: start, bytes, end), width > 0 {
                start += width
            }
            while end > start, case let width = Whitespace.length(before: end, bytes, start), width > 0 {
                end -= width
            }
            return start..<end
        }
    }

    /// The trimmed text of a range of bytes (see `trimmed(_:_:)`).
    static func trimmedString(_ source: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: source[trimmed(source, range)], as: UTF8.self)
    }
}

extension MetadataBytes {
    /// False when `TitleCleaner.collapseWhitespace` would return `text` unchanged: its only white
    /// space is single U+0020 characters between other characters.
    static func needsCollapsing(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            let end = bytes.count
            var previousWasSpace = true  // a space at the start is trimmed
            for i in 0..<end {
                let width = Whitespace.length(at: i, bytes, end)
                if width == 0 {
                    previousWasSpace = false
                    continue
                }
                if width > 1 || bytes[i] != 0x20 || previousWasSpace { return true }
                previousWasSpace = true
            }
            return previousWasSpace && end > 0  // a space at the end is trimmed
        }
    }
}
