import Testing
@testable import NewsCleaner

/// Alias normalisation and iconv names.
@Suite struct CharsetNamesTests {
    /// Labels map to canonical names; unknown and refused labels to nil.
    @Test func aliasesNormalise() {
        let table: [(String, String?)] = [
            ("Shift_JIS", "shift_jis"), ("sjis", "shift_jis"), ("x-sjis", "shift_jis"), ("Windows-31J", "shift_jis"),
            ("MS_Kanji", "shift_jis"), ("cp932", "shift_jis"),
            ("EUC-JP", "euc-jp"), ("x-euc-jp", "euc-jp"),
            ("gb2312", "gb18030"), ("GBK", "gb18030"), ("GB18030", "gb18030"), ("x-gbk", "gb18030"), ("cp936", "gb18030"), ("euc-cn", "gb18030"),
            ("Big5", "big5"), ("big5-hkscs", "big5"), ("x-x-big5", "big5"),
            ("EUC-KR", "euc-kr"), ("ks_c_5601-1987", "euc-kr"), ("cp949", "euc-kr"),
            ("ISO-8859-1", "windows-1252"), ("latin1", "windows-1252"), ("US-ASCII", "windows-1252"), ("windows-1252", "windows-1252"),
            ("windows-1251", "windows-1251"), ("iso-8859-2", "iso-8859-2"), ("iso-8859-9", "windows-1254"),
            ("KOI8-R", "koi8-r"), ("koi8-u", "koi8-u"), ("tis-620", "windows-874"), ("windows-874", "windows-874"),
            ("UTF-8", "utf-8"), ("utf8", "utf-8"), (" \"utf-8\" ", "utf-8"), ("UTF-16LE", "utf-16le"), ("utf-16be", "utf-16be"),
            ("x-nonexistent", nil), ("", nil), ("utf-7", nil),
        ]
        for (label, expected) in table {
            #expect(CharsetNames.canonical(label) == expected, "\(label)")
        }
    }

    /// A hint may be a whole HTTP Content-Type value: its charset parameter counts, in any case,
    /// quoted or not, among other parameters; a media type without a charset names nothing.
    @Test func hintsTakeContentTypeValues() {
        let table: [(String, String?)] = [
            ("text/html; charset=koi8-r", "koi8-r"), ("text/html;charset=\"KOI8-R\"", "koi8-r"),
            ("Text/HTML; Charset='windows-1251'", "windows-1251"), ("text/html; foo=bar; charset=ISO-8859-7 ", "iso-8859-7"),
            ("text/html; charset = \"x-sjis\"; q=1", "shift_jis"), ("charset=cp1253", "windows-1253"),
            ("text/html", nil), ("text/html; charset=", nil), ("text/html; charset=x-nonexistent", nil),
            ("koi8-r", "koi8-r"), (" Windows-1250 ", "windows-1250"), ("text/html; charset=utf-7", nil),
        ]
        for (hint, expected) in table {
            #expect(CharsetNames.canonical(hint: hint) == expected, "\(hint)")
        }
    }

    /// Every canonical name maps to an iconv name this system knows.
    @Test func everyCanonicalNameOpensInIconv() {
        let canonical = Set(CharsetNames.aliases.values).subtracting(["utf-8", "windows-1252"])
        for name in canonical {
            #expect(CharsetNames.iconvKnows(CharsetNames.iconvName(name)), "\(name) → \(CharsetNames.iconvName(name))")
        }
        #expect(CharsetNames.iconvName("shift_jis") == "CP932")
        #expect(CharsetNames.iconvName("gb18030") == "GB18030")
        #expect(CharsetNames.iconvName("euc-kr") == "CP949")
        // CP950 first: glibc's BIG5-HKSCS rejects CP950 punctuation such as A1FE.
        #expect(["CP950", "BIG5-HKSCS", "BIG5"].contains(CharsetNames.iconvName("big5")))
    }
}
