/// Measures a run of UTF-8 text: weighted characters, commas and sentence ends, CJK-aware.
///
/// ```swift
/// let m = TextMeasure.measure(Array("今日は、晴れ。".utf8)[...], cjkWeight: 2.5)
/// // m.chars == 12.5 (5 CJK characters), m.commas == 1, m.sentences == 1
/// ```
struct TextMeasure {
    var chars: Float = 0
    var commas: Int32 = 0
    var sentences: Int32 = 0

    @inline(__always)
    mutating func add(_ other: TextMeasure) {
        chars += other.chars
        commas += other.commas
        sentences += other.sentences
    }

    static func measure(_ buf: UnsafeBufferPointer<UInt8>, cjkWeight: Float) -> TextMeasure {
        var plain = 0
        var cjk = 0
        var commas: Int32 = 0
        var sentences: Int32 = 0
        var i = 0
        let n = buf.count
        while i < n {
            let b = buf[i]
            // Most bytes are plain ASCII (letters: 0x40–0x7F has no space, comma or sentence end)
            // or HTML space; the switch below sorts the rest.
            if b > 0x3F && b < 0x80 {
                plain += 1
                i += 1
            } else if Whitespace.isHTMLSpace(b) {
                i += 1
            } else if b < 0x80 {
                switch b {
                case 0x2C: commas += 1
                case 0x2E, 0x21, 0x3F:
                    // A sentence end is punctuation followed by space or end, not "3.5" or "a.b".
                    if i + 1 >= n || buf[i + 1] == 0x20 || buf[i + 1] == 0x0A || buf[i + 1] == 0x22 {
                        sentences += 1
                    }
                default: plain += 1
                }
                i += 1
            } else if b >= 0xE0 && b < 0xF0 && i + 2 < n {
                let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(buf[i + 1] & 0x3F) << 6) | UInt32(buf[i + 2] & 0x3F)
                switch scalar {
                case 0x3001, 0xFF0C, 0x060C: commas += 1  // 、 ， ،
                case 0x3002, 0xFF01, 0xFF1F, 0x300D: sentences += 1  // 。 ！ ？ 」
                case 0x3000: break  // ideographic space
                case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF66...0xFF9F:
                    cjk += 1
                default: plain += 1
                }
                i += 3
            } else if b >= 0xC0 && b < 0xE0 {
                // U+00A0 no-break space is a space.
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
}
