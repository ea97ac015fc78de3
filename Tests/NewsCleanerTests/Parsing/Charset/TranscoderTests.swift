import Testing
@testable import NewsCleaner

/// Decoding to UTF-8: repairs, NUL handling, iconv error paths.
@Suite struct TranscoderTests {
    /// Short name for the helpers.
    typealias S = CharsetTestSupport
    /// A UTF-8 decision.
    let utf8 = CharsetDecision(charset: "utf-8", source: .declared, bomLength: 0)

    /// Overlongs, surrogates, out-of-range and truncated sequences become U+FFFD per maximal subpart.
    @Test func invalidUTF8IsRepairedToReplacementCharacters() {
        let cases: [([UInt8], String)] = [
            ([0x61, 0xC0, 0xAF, 0x62], "a\u{FFFD}\u{FFFD}b"),             // overlong '/'
            ([0xED, 0xA0, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),              // surrogate D800
            ([0xF4, 0x90, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"), // > U+10FFFF
            ([0xE3, 0x81, 0x41], "\u{FFFD}A"),                              // truncated, maximal subpart
            ([0xF0, 0x9F, 0x98], "\u{FFFD}"),                               // truncated at the end
            ([0xFF, 0xFE, 0x41], "\u{FFFD}\u{FFFD}A"),
            ([0xE6, 0x97, 0xA5, 0xF0, 0x9F, 0x98, 0x80], "日😀"),            // valid
        ]
        for (bytes, expected) in cases {
            let out = S.decodeBytes(bytes, utf8)
            #expect(S.isCleanUTF8(out))
            #expect(String(decoding: out, as: UTF8.self) == expected, "\(bytes)")
        }
    }

    /// NUL becomes U+FFFD for UTF-8, windows-1252 and iconv input.
    @Test func nulBytesAreReplacedInEveryPath() throws {
        #expect(S.decodeBytes([0x61, 0x00, 0x62], utf8) == [0x61, 0xEF, 0xBF, 0xBD, 0x62])
        let w1252 = CharsetDecision(charset: "windows-1252", source: .fallback, bomLength: 0)
        #expect(S.decodeBytes([0x61, 0x00, 0x80], w1252) == Array("a\u{FFFD}€".utf8))
        let sjis = CharsetDecision(charset: "shift_jis", source: .declared, bomLength: 0)
        let bytes = try #require(S.encode("日本", "CP932")) + [0x00] + [0x41]
        #expect(S.decode(bytes, sjis) == "日本\u{FFFD}A")
    }

    /// Valid UTF-8 comes back byte for byte.
    @Test func validUTF8IsReturnedUnchanged() {
        let bytes = Array((CharsetCorpus.koreanParagraph + CharsetCorpus.westernParagraph).utf8)
        #expect(S.decodeBytes(bytes, utf8) == bytes)
    }

    /// EILSEQ and EINVAL from iconv become U+FFFD; UTF-16 skips whole code units.
    @Test func iconvErrorsBecomeReplacementCharacters() throws {
        let sjis = CharsetDecision(charset: "shift_jis", source: .declared, bomLength: 0)
        // 0xA0 and 0xFD are no Shift_JIS bytes; a lead byte at the very end is incomplete.
        let bytes = try #require(S.encode("東京", "CP932")) + [0xA0, 0x41, 0xFD] + [0x93]
        let out = S.decodeBytes(bytes, sjis)
        #expect(S.isCleanUTF8(out))
        #expect(String(decoding: out, as: UTF8.self) == "東京\u{FFFD}A\u{FFFD}\u{FFFD}")
        // An odd trailing byte in UTF-16.
        let le = CharsetDecision(charset: "utf-16le", source: .bom, bomLength: 2)
        #expect(S.decode([0xFF, 0xFE, 0x41, 0x00, 0x42], le) == "A\u{FFFD}")
        // A lone surrogate in UTF-16 skips one code unit, not one byte.
        #expect(S.decode([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], le) == "\u{FFFD}A")
    }

    /// windows-1252 bytes 80–9F map to their characters, undefined ones to U+FFFD.
    @Test func windows1252HighRangeAndUndefinedBytes() {
        let d = CharsetDecision(charset: "windows-1252", source: .fallback, bomLength: 0)
        #expect(S.decode([0x80, 0x81, 0x93, 0x94, 0x97, 0xE9, 0xFF], d) == "€\u{FFFD}“”—éÿ")
    }

    /// windows-1251 and KOI8-R decode through iconv.
    @Test func otherSingleByteCharsetsGoThroughIconv() throws {
        let text = "Новости дня"
        let d = CharsetDecision(charset: "windows-1251", source: .declared, bomLength: 0)
        #expect(S.decode(try #require(S.encode(text, "CP1251")), d) == text)
        let koi = CharsetDecision(charset: "koi8-r", source: .declared, bomLength: 0)
        #expect(S.decode(try #require(S.encode(text, "KOI8-R")), koi) == text)
    }

    /// Output larger than the first buffer is complete.
    @Test func largeInputGrowsTheOutputBuffer() throws {
        let text = String(repeating: CharsetCorpus.simplifiedParagraph, count: 200)
        let d = CharsetDecision(charset: "gb18030", source: .declared, bomLength: 0)
        #expect(S.decode(try #require(S.encode(text, "GB18030")), d) == text)
    }
}
