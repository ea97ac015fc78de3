/// Folds text for phrase matching in one pass over its UTF-8 bytes, keeping every byte length:
/// ASCII, Latin-1 and Latin Extended-A capitals, Cyrillic and Greek capitals to small letters,
/// Greek accents and final sigma dropped (headings in capitals lose them), ё read as е. Other
/// characters (CJK has no case) are copied.
///
/// ```swift
/// TextFold.fold("ΣΧΕΤΙΚΆ Άρθρα") == "σχετικα αρθρα"
/// ```
enum TextFold {
    /// The folded text.
    static func fold(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { src in
            String(unsafeUninitializedCapacity: src.count) { dst in
                var i = 0
                let n = src.count
                while i < n {
                    let b = src[i]
                    if b < 0x80 {
                        dst[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                        i += 1
                    } else if b >= 0xC0 && b < 0xE0 && i + 1 < n {
                        let scalar = (UInt32(b & 0x1F) << 6) | UInt32(src[i + 1] & 0x3F)
                        let folded = map(scalar)
                        dst[i] = UInt8(0xC0 | (folded >> 6))
                        dst[i + 1] = UInt8(0x80 | (folded & 0x3F))
                        i += 2
                    } else {
                        dst[i] = b
                        i += 1
                    }
                }
                return n
            }
        }
    }

    /// Folds one two-byte scalar (U+0080–U+07FF) to another in the same range.
    @inline(__always)
    static func map(_ s: UInt32) -> UInt32 {
        switch s {
        case 0xC0...0xDE where s != 0xD7: return s + 0x20  // À–Þ (not ×)
        case 0x100...0x137, 0x14A...0x177: return s | 1  // Latin Extended-A: even capitals
        case 0x139...0x148, 0x179...0x17E: return s & 1 == 1 ? s + 1 : s  // odd capitals
        case 0x386, 0x3AC: return 0x3B1  // Ά ά → α
        case 0x388, 0x3AD: return 0x3B5  // Έ έ → ε
        case 0x389, 0x3AE: return 0x3B7  // Ή ή → η
        case 0x38A, 0x3AF, 0x3AA, 0x3CA, 0x390: return 0x3B9  // Ί ί Ϊ ϊ ΐ → ι
        case 0x38C, 0x3CC: return 0x3BF  // Ό ό → ο
        case 0x38E, 0x3CD, 0x3AB, 0x3CB, 0x3B0: return 0x3C5  // Ύ ύ Ϋ ϋ ΰ → υ
        case 0x38F, 0x3CE: return 0x3C9  // Ώ ώ → ω
        case 0x3C2: return 0x3C3  // ς → σ
        case 0x391...0x3A9: return s + 0x20  // Α–Ω
        case 0x401, 0x451: return 0x435  // Ё ё → е
        case 0x400...0x40F: return s + 0x50  // Ѐ–Џ (Є І Ї Ў …)
        case 0x410...0x42F: return s + 0x20  // А–Я
        default: return s
        }
    }
}

extension Character {
    /// True for a letter of a script without letter case (CJK ideographs, kana, Hangul): such
    /// scripts write words without spaces ("王五 李四" are two names; "标题_新浪新闻" joins two parts).
    ///
    /// ```swift
    /// Character("王").isCaselessLetter // true; Character("a").isCaselessLetter // false
    /// ```
    var isCaselessLetter: Bool { isLetter && !isUppercase && !isLowercase }
}
