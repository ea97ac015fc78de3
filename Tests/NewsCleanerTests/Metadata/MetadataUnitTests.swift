import Foundation
@testable import NewsCleaner
import Testing

/// Parses a small page and reads its metadata.
func metadata(_ html: String, url: String? = nil) throws -> Metadata {
    let document = try Cleaner().parse(html: Array(html.utf8))
    return MetadataExtractor().extract(from: document, url: url)
}

@Suite struct DateParserTests {
    @Test(arguments: [
        ("2024-03-04T18:12:00-05:00", "2024-03-04T18:12:00-05:00"),
        ("2024-03-04T18:12:00.123Z", "2024-03-04T18:12:00+00:00"),
        ("2024-03-04T18:12:00+0900", "2024-03-04T18:12:00+09:00"),
        ("2024-05-16 10:25:00", "2024-05-16T10:25:00"),
        ("2024-05-16", "2024-05-16"),
        ("2024/10/07 14:32", "2024-10-07T14:32:00"),
        ("2024.07.22 09:41", "2024-07-22T09:41:00"),
        ("Mon, 04 Mar 2024 18:12:00 -0500", "2024-03-04T18:12:00-05:00"),
        ("Mon, 04 Mar 2024 23:12:00 GMT", "2024-03-04T23:12:00+00:00"),
        ("March 4, 2024 at 6:12 p.m. EST", "2024-03-04T18:12:00-05:00"),
        ("Updated Nov 19, 2019 9:41 AM", "2019-11-19T09:41:00"),
        ("4 March 2024", "2024-03-04"),
        ("4th of July 2024", "2024-07-04"),
        ("04-Aug-2021", "2021-08-04"),
        ("FlowGuard on 04-ago-2021 5:11:10", "2021-08-04T05:11:10"),
        ("publiziert am 25. September 2018", "2018-09-25"),
        ("4. März 2024", "2024-03-04"),
        ("12 août 2023 à 10:05", "2023-08-12"),
        ("4 de agosto de 2021", "2021-08-04"),
        ("1 décembre 2022", "2022-12-01"),
        ("17 maart 2023", "2023-03-17"),
        ("5 grudnia 2025 r.", "2025-12-05"),
        ("Opublikowano: 12 października 2024, 14:30", "2024-10-12T14:30:00"),
        ("5 декабря 2025 г.", "2025-12-05"),
        ("Опубликовано 17 сентября 2024, 09:15", "2024-09-17T09:15:00"),
        ("5 Δεκεμβρίου 2025", "2025-12-05"),
        ("ΔΗΜΟΣΙΕΥΣΗ: 3 ΜΑΪΟΥ 2024", "2024-05-03"),
        ("2024年2月28日(水)15時04分", "2024-02-28T15:04:00"),
        ("2024年11月12日 6時30分", "2024-11-12T06:30:00"),
        ("２０２４年２月２８日 午後３時４分", "2024-02-28T15:04:00"),
        ("2024年05月16日 10:25", "2024-05-16T10:25:00"),
        ("2024年5月16日 下午3时25分", "2024-05-16T15:25:00"),
        ("2009年10月18日 (日)", "2009-10-18"),
        ("2024년 7월 22일 오전 9:41", "2024-07-22T09:41:00"),
        ("입력 2024.07.22 09:41", "2024-07-22T09:41:00"),
    ])
    func parses(_ input: String, _ expected: String) {
        #expect(DateParser.parse(input)?.iso8601() == expected)
    }

    @Test(arguments: ["", "no date here", "2024-13-45", "Call 555-1234", "12:30", "sold out 12, 2024", "set 3 2024"])
    func rejects(_ input: String) {
        #expect(DateParser.parse(input) == nil)
    }

    @Test func timeAlone() {
        #expect(DateParser.parseTime("21:45")! == (21, 45, 0))
        #expect(DateParser.parseTime("9:41 PM")! == (21, 41, 0))
    }

    @Test func timeDatetimeAttributeIsUsed() throws {
        let meta = try metadata(#"<html><body><article><time datetime="2023-01-02T03:04:05Z">Jan 2</time><p>x</p></article></body></html>"#)
        #expect(meta.published == "2023-01-02T03:04:05+00:00")
    }

    @Test func naiveJapaneseDateTakesJSTOnlyForJapanesePages() throws {
        let line = "<div class=date>2024年2月28日(水)15時04分</div>"
        #expect(try metadata("<html lang=ja><body>\(line)</body></html>").published == "2024-02-28T15:04:00+09:00")
        #expect(try metadata("<html><body>\(line)</body></html>", url: "https://a.example.jp/x").published
            == "2024-02-28T15:04:00+09:00")
        #expect(try metadata("<html lang=en><body>\(line)</body></html>", url: "https://a.example.com/x").published
            == "2024-02-28T15:04:00")
    }

    @Test func naiveDateBorrowsTheOffsetOfAnAgreeingSource() throws {
        let html = #"<html><head><meta name="pubdate" content="2024-05-16 10:25:00"><meta property="og:updated_time" content="2024-05-16T10:25:00-04:00"></head><body></body></html>"#
        // pubdate outranks og:updated_time for `published`, but only the latter states the offset.
        let meta = try metadata(html)
        #expect(meta.published == "2024-05-16T10:25:00")
        #expect(meta.modified == "2024-05-16T10:25:00-04:00")
    }

    @Test func commentDatesAreIgnored() throws {
        let html = "<html><body><p>Text.</p><div class=comments><div>2024/01/02 10:00</div></div></body></html>"
        #expect(try metadata(html).published == nil)
    }
}

@Suite struct JSONLDTests {
    @Test func graphWithAuthorReferences() {
        let ld = JSONLD([#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":["Article","NewsArticle"],"headline":"H &amp; I","author":[{"@id":"_:p1"},{"@type":"Person","name":"B"}],"datePublished":"2024-01-01"},{"@id":"_:p1","@type":"Person","name":"A"}]}"#])
        #expect(ld.headline == "H & I")
        #expect(ld.authors == ["A", "B"])
        #expect(ld.publisher == "Site")
        #expect(ld.datePublished == "2024-01-01")
    }

    @Test func authorsTypedAsAnOrganisationAreNamedApart() {
        let ld = JSONLD([##"{"@graph":[{"@type":"Article","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Organization","name":"Stitch Data"},{"@id":"#corp"},"Plain Name"]},{"@id":"#corp","@type":["Thing","Corporation"],"name":"Acme"}]}"##])
        #expect(ld.authors == ["Ann Lee", "Stitch Data", "Acme", "Plain Name"])
        #expect(ld.organisationAuthors == ["Stitch Data", "Acme"])
        let people = JSONLD([#"{"@type":"NewsArticle","author":{"@type":"Person","name":"Ann Lee"},"creator":{"@type":"NewsMediaOrganization","name":"WRAL"}}"#])
        #expect(people.authors == ["Ann Lee", "WRAL"])
        #expect(people.organisationAuthors == ["WRAL"])
        #expect(people.authorsOfNewsArticle)
        #expect(!ld.authorsOfNewsArticle)
    }

    @Test func arrayOfObjectsAndNestedNames() {
        let ld = JSONLD([#"[{"@type":"BreadcrumbList"},{"@type":"NewsArticle","author":{"@type":"Person","name":["X"]},"publisher":{"name":"P"},"image":[{"@type":"ImageObject","url":"https://i/1.jpg"}],"keywords":"a, b","articleSection":["S"]}]"#])
        #expect(ld.authors == ["X"])
        #expect(ld.publisher == "P")
        #expect(ld.image == "https://i/1.jpg")
        #expect(ld.keywords == ["a", "b"])
        #expect(ld.sections == ["S"])
    }

    @Test func brokenJSONIsRepairedOrIgnored() {
        let trailing = JSONLD(["<!--\n{\"@type\":\"Article\",\"headline\":\"Line\none\",\"author\":\"Z\",}\n-->"])
        #expect(trailing.headline == "Line one")
        #expect(trailing.authors == ["Z"])
        let garbage = JSONLD(["{not json", "", "42"])
        #expect(garbage.headline == nil)
        #expect(garbage.authors.isEmpty)
    }

    @Test func pageWithoutMetadataGetsNothingGuessed() throws {
        let meta = try metadata("<html><body><p>Just some words in English here.</p></body></html>")
        #expect(meta.title == nil)
        #expect(meta.authors.isEmpty)
        #expect(meta.published == nil)
        #expect(meta.siteName == nil)
        #expect(meta.language == nil)
        #expect(meta.url == nil)
        #expect(meta.hostname == nil)
    }
}

@Suite struct AuthorAndTitleTests {
    @Test(arguments: [
        ("By Sarah Okafor", ["Sarah Okafor"]),
        ("by Ann Lee and Tim Roe", ["Ann Lee", "Tim Roe"]),
        ("記者陳怡君／台北報導", ["陳怡君"]),
        ("文/王磊", ["王磊"]),
        ("作者：王磊", ["王磊"]),
        ("김민준 기자 minjun@example.co.kr", ["김민준"]),
        ("https://example.com/staff/x", []),
        ("Byron Smith", ["Byron Smith"]),
    ])
    func cleansBylines(_ raw: String, _ expected: [String]) {
        #expect(AuthorNames.clean(raw) == expected)
    }

    @Test func dedupesAcrossSources() {
        #expect(AuthorNames.clean(all: ["Ann Lee", "ann lee", "By Ann Lee"]) == ["Ann Lee"])
    }

    @Test(arguments: [
        ("Council votes | The Ledger", "The Ledger", "Council votes"),
        ("The Ledger - Council votes", "The Ledger", "Council votes"),
        ("老旧小区加装电梯提速_国内新闻_江城新闻网", nil, "老旧小区加装电梯提速"),
        ("A | Section | Site Name Online", nil, "A | Section | Site Name Online".components(separatedBy: " | ").max { $0.count < $1.count }!),
        ("No separator here", nil, "No separator here"),
        ("习近平会见美国总统_新浪新闻", nil, "习近平会见美国总统"),
        ("snake_case names", nil, "snake_case names"),
        ("How to use __init__ in Python", nil, "How to use __init__ in Python"),
        ("Путин провел совещание - РИА Новости, 05.12.2025", nil, "Путин провел совещание"),
    ])
    func stripsSiteSuffix(_ title: String, _ site: String?, _ expected: String) {
        #expect(TitleCleaner.strip(title, siteName: site) == expected)
    }

    @Test func ogTitleKeepsItsColon() throws {
        let meta = try metadata(#"<html><head><meta property="og:title" content="農業部：兩週內可望回穩"></head><body></body></html>"#)
        #expect(meta.title == "農業部：兩週內可望回穩")
    }

    @Test func bylineClassesAndRelAuthor() throws {
        #expect(try metadata(#"<html><body><span class="byline">By <a href="/x">Ann Lee</a></span></body></html>"#).authors == ["Ann Lee"])
        #expect(try metadata(#"<html><body><a rel="author" href="/x">Tim Roe</a></body></html>"#).authors == ["Tim Roe"])
        #expect(try metadata(#"<html><body><div class="comment"><span class="author">troll</span></div></body></html>"#).authors.isEmpty)
    }
}

@Suite struct URLAndLanguageTests {
    @Test func resolvesRelativeLinks() {
        #expect(URLResolver.resolve("../img/a.jpg", against: "https://example.com/news/2024/x.html")
            == "https://example.com/news/img/a.jpg")
        #expect(URLResolver.resolve("//cdn.example.com/a.jpg", against: "https://example.com/") == "https://cdn.example.com/a.jpg")
        #expect(URLResolver.resolve("/a b", against: "https://example.com/x") == "https://example.com/a%20b")
        #expect(URLResolver.resolve("javascript:void(0)", against: "https://example.com/") == nil)
        #expect(URLResolver.resolve("#top", against: "https://example.com/") == nil)
        #expect(URLResolver.resolve("/x", against: nil) == "/x")
        #expect(URLResolver.resolve("https://例え.jp/記事", against: nil) != nil)
    }

    @Test func canonicalIsResolvedAndHostnameComesFromTheGivenURL() throws {
        let html = #"<html><head><link rel="canonical" href="/story/1"><meta property="og:image" content="img/a.jpg"></head><body></body></html>"#
        let meta = try metadata(html, url: "https://www.example.com/amp/story/1?x=1")
        #expect(meta.url == "https://www.example.com/story/1")
        #expect(meta.hostname == "www.example.com")
        #expect(meta.image == "https://www.example.com/story/img/a.jpg")
    }

    @Test func givenURLIsTheFallback() throws {
        #expect(try metadata("<html><body></body></html>", url: "https://e.example.org/a").url == "https://e.example.org/a")
    }

    @Test func languageFromDeclarationsThenScript() throws {
        #expect(try metadata("<html lang='en-US'><body></body></html>").language == "en")
        #expect(try metadata(#"<html><head><meta property="og:locale" content="ja_JP"></head><body></body></html>"#).language == "ja")
        #expect(LanguageGuess.fromScript("これは日本語で書かれた記事の本文です。漢字とかなが混ざっています。") == "ja")
        #expect(LanguageGuess.fromScript("전국 곳곳에 폭염 특보가 이어지면서 각 지방자치단체가 대응에 나섰다") == "ko")
        #expect(LanguageGuess.fromScript("记者从市住房和城乡建设局获悉今年我市计划在老旧小区新增加装电梯") == "zh")
        #expect(LanguageGuess.fromScript("Plain English text is not named from its script alone.") == nil)
    }
}
