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
