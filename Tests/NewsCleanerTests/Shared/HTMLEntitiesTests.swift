@testable import NewsCleaner
import Testing

/// Entity decoding of metadata strings (titles, bylines, JSON-LD values).
@Suite struct HTMLEntitiesTests {
    @Test(arguments: [
        ("Ann &amp; Lee", "Ann & Lee"),
        ("caf&#233; &#x2014; bar", "café — bar"),
        ("It&rsquo;s", "It\u{2019}s"),
        // HTML's legacy names read without a semicolon before a non-name character.
        ("Webmaster&nbsp", "Webmaster "),
        ("Ann &amp Lee", "Ann & Lee"),
        ("a &lt b &gt c", "a < b > c"),
        // Not a legacy reference: a name continues, or an unknown name.
        ("&ampere", "&ampere"),
        ("&nbspx", "&nbspx"),
        ("AT&T", "AT&T"),
        ("&unknown; stays", "&unknown; stays"),
        ("trailing &", "trailing &"),
    ])
    func decodes(_ input: String, _ expected: String) {
        #expect(HTMLEntities.decode(input) == expected)
    }
}
