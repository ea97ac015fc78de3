import Foundation
@testable import NewsCleaner
import Testing

/// The speed shortcuts of the text helpers answer what the plain paths answer.
@Suite struct TextShortcutTests {
    static let textPieces = ["a", "Bc", "9", " ", "  ", "\t", "\n", "\r\n", "\u{0C}", "\u{0B}", "\u{00A0}", "\u{3000}",
                             "\u{2003}", "\u{00C2}", "\u{00E3}", "é", "年", "—", "“", ".", ",", "word", "\u{01}"]

    /// The per-byte collapsing loop `Whitespace.collapse` replaced.
    static func collapsedByBytes(_ chunks: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        var pending = false
        for chunk in chunks {
            chunk.withUnsafeBufferPointer { src in
                var j = 0
                while j < src.count {
                    let gap = Whitespace.gapLength(at: j, src, src.count)
                    if gap > 0 {
                        if !out.isEmpty { pending = true }
                        j += gap
                        continue
                    }
                    if pending { out.append(0x20); pending = false }
                    out.append(src[j])
                    j += 1
                }
            }
        }
        return out
    }

    @Test func collapseMatchesTheByteLoop() {
        let samples = PseudoRandomStrings.samples(from: TextShortcutTests.textPieces, count: 5_000, seed: 0x9E37_79B9_7F4A_7C15)
        for (a, b) in zip(samples, samples.dropFirst()) {
            let chunks = [Array(a.utf8), Array(b.utf8)]
            var acc = TextAccumulator()
            for chunk in chunks { acc.append(chunk, 0..<chunk.count) }
            #expect(acc.bytes == TextShortcutTests.collapsedByBytes(chunks), "\(a.debugDescription) \(b.debugDescription)")
        }
    }

    @Test func htmlSpaceBits() {
        for b in 0...255 {
            let byte = UInt8(b)
            #expect(Whitespace.isHTMLSpace(byte) == (byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D))
        }
    }

    @Test func textMeasureCountsPlainSpacesAndPunctuation() {
        let bytes = Array("Hi, you.\n  Ok?x".utf8)
        let m = bytes.withUnsafeBufferPointer { TextMeasure.measure($0, cjkWeight: 2) }
        #expect(m.chars == 8)   // H i y o u O k x: spaces and punctuation are no characters
        #expect(m.commas == 1)
        #expect(m.sentences == 1)
    }

    /// `TextMeasure.measure` before its eight-byte windows.
    static func measuredByBytes(_ buf: UnsafeBufferPointer<UInt8>, cjkWeight: Float) -> TextMeasure {
        var plain = 0, cjk = 0
        var commas: Int32 = 0, sentences: Int32 = 0
        var i = 0
        let n = buf.count
        while i < n {
            let b = buf[i]
            if b < 0x80 {
                switch b {
                case _ where Whitespace.isHTMLSpace(b): break
                case 0x2C: commas += 1
                case 0x2E, 0x21, 0x3F:
                    if i + 1 >= n || buf[i + 1] == 0x20 || buf[i + 1] == 0x0A || buf[i + 1] == 0x22 { sentences += 1 }
                default: plain += 1
                }
                i += 1
            } else if b >= 0xE0 && b < 0xF0 && i + 2 < n {
                let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(buf[i + 1] & 0x3F) << 6) | UInt32(buf[i + 2] & 0x3F)
                switch scalar {
                case 0x3001, 0xFF0C, 0x060C: commas += 1
                case 0x3002, 0xFF01, 0xFF1F, 0x300D: sentences += 1
                case 0x3000: break
                case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF66...0xFF9F: cjk += 1
                default: plain += 1
                }
                i += 3
            } else if b >= 0xC0 && b < 0xE0 {
                if !(b == 0xC2 && i + 1 < n && buf[i + 1] == 0xA0) { plain += 1 }
                i += 2
            } else if b >= 0xF0 {
                plain += 1
                i += 4
            } else {
                i += 1
            }
        }
        return TextMeasure(chars: Float(plain) + Float(cjk) * cjkWeight, commas: commas, sentences: sentences)
    }

    static let measurePieces = ["word ", "Longerword", " ", "\n", "\t", "  ", ". ", ".", ",", "?\"", "!", "3.5", "\r\n",
                                "\u{0C}", "\u{01}", "\u{7F}", "@", "é", "年", "。", "\u{00A0}", "\u{3000}", "😀", "abc", "~"]

    @Test func measureMatchesTheByteLoop() {
        for s in PseudoRandomStrings.samples(from: TextShortcutTests.measurePieces, count: 20_000, seed: 0x5851_F42D_4C95_7F2D) {
            var bytes = Array(s.utf8)
            // Cut strings too (a page's text node may end inside a character).
            for cut in [bytes.count, max(0, bytes.count - 1)] {
                bytes = Array(bytes[0..<cut])
                let new = bytes.withUnsafeBufferPointer { TextMeasure.measure($0, cjkWeight: 2.5) }
                let old = bytes.withUnsafeBufferPointer { TextShortcutTests.measuredByBytes($0, cjkWeight: 2.5) }
                #expect(new.chars == old.chars && new.commas == old.commas && new.sentences == old.sentences, "\(s.debugDescription)")
            }
        }
    }

    static let datePieces = ["12", "3", "2024", " ", "Nov", "march", "updated", "at", "pm", "\u{00A0}", "’", "—", "•",
                             "“", "foo", "bar", ",", ":", "th", "14h30", "\u{2010}", "\u{205E}"]

    @Test func dateLineBytePathMatchesTheCharacterPath() {
        for s in PseudoRandomStrings.samples(from: TextShortcutTests.datePieces, count: 20_000, seed: 0xD1B5_4A32_D192_ED03) {
            let asciiDigits = s.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.count
            #expect(DateLine.looksLikeDateLine(s)
                    == DateLine.looksLikeDateLineByCharacters(s, folded: nil, asciiDigits: asciiDigits), "\(s.debugDescription)")
        }
    }

    @Test func numericTableMatchesTheProperty() {
        for value in UInt32(0)..<0x800 {
            let scalar = Unicode.Scalar(value)!
            #expect(DateLine.numericBelow800[Int(value)] == (scalar.properties.numericType != nil))
        }
    }

    @Test func limitedWordSetsStopOnlyPastTheLimit() {
        for s in PseudoRandomStrings.samples(from: TitlePickerShortcutTests.pieces + ["word", "other", "年"], count: 5_000,
                                             seed: 0x0123_4567_89AB_CDEF) {
            let all = TitlePicker.words(s)
            for limit in 0...4 {
                #expect(TitlePicker.words(s, limit: limit) == (all.count > limit ? nil : all), "\(s.debugDescription) \(limit)")
            }
        }
    }

    static let page = """
        <html><head><title> The  title </title></head><body>
        <div itemscope><h1 itemprop="headline">Head <b>line</b></h1>
        <div itemprop="articleBody"><p>One <span itemprop="name">Ann\u{00A0}Lee</span> two.</p>
        <h2>Sub <em>head</em></h2><p>three   four</p></div></div>
        <h3>Last</h3><ul><li>a</li><li>b</li></ul></body></html>
        """

    /// Every order of asks `PageScan` can make: ascending, the same node again, nested nodes.
    @Test func lazySubtreeTextAnswersLikeSubtreeText() throws {
        let doc = try Cleaner().parse(html: Array(TextShortcutTests.page.utf8))
        let full = SubtreeText(doc)
        for limit in [0, 3, 8, 1_000] {
            // Ascending asks of every node (the second and later nest: the table gets built).
            var lazy = LazySubtreeText(doc)
            for id in 0..<doc.count { #expect(lazy.text(of: id, limit: limit) == full.text(of: id, limit: limit)) }
            // Only nodes that do not nest, each asked twice with different limits.
            var sparse = LazySubtreeText(doc)
            var id = 1
            while id < doc.count {
                #expect(sparse.text(of: id, limit: limit) == full.text(of: id, limit: limit))
                #expect(sparse.text(of: id, limit: limit + 5) == full.text(of: id, limit: limit + 5))
                #expect(sparse.text(of: id) == full.text(of: id))
                id = doc.subtreeEnd(id)
            }
        }
    }
}
