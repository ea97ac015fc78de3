import Foundation
import NewsCleaner
import Testing

/// The hand-written `TestPages/<case>/meta.json` expectations.
struct ExpectedMeta: Decodable {
    var title: String?
    var author: String?
    var date: String?
    var language: String?
}

/// Reads the `TestPages/<case>/` folders that carry a `meta.json`.
enum MetaCases {
    static let metaName = "meta.json"

    static var names: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPages.root.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: TestPages.root.appendingPathComponent($0)
                .appendingPathComponent(metaName).path)
        }.sorted()
    }

    static func article(_ name: String) throws -> Article {
        let html = try Data(contentsOf: TestPages.root.appendingPathComponent(name).appendingPathComponent("source.html"))
        return try Cleaner().clean(html: [UInt8](html))
    }

    static func expected(_ name: String) throws -> ExpectedMeta {
        let data = try Data(contentsOf: TestPages.root.appendingPathComponent(name).appendingPathComponent(metaName))
        return try JSONDecoder().decode(ExpectedMeta.self, from: data)
    }
}

@Suite struct MetadataGoldenTests {
    @Test("metadata of TestPages/<case> matches meta.json", arguments: MetaCases.names)
    func pageMetadata(_ name: String) throws {
        let meta = try MetaCases.article(name).metadata
        let expected = try MetaCases.expected(name)
        #expect(meta.title == expected.title, "\(name) title")
        #expect(meta.authors.joined(separator: "; ") == (expected.author ?? ""), "\(name) author")
        #expect(meta.published == expected.date, "\(name) date")
        #expect(meta.language == expected.language, "\(name) language")
    }

    @Test func seedPageHasTheIssuesValues() throws {
        let meta = try MetaCases.article("ja-newsweek-seed").metadata
        #expect(meta.title == "NATO軍とロシア軍がウクライナで直接衝突する可能性が初めて言及される")
        #expect(meta.published == "2024-02-28T15:04:00+09:00")
        #expect(meta.authors == ["ジョン・ジャクソン"])
        #expect(meta.language == "ja")
        #expect(meta.siteName == "ニューズウィーク日本版")
        #expect(meta.url == "https://www.newsweekjapan.jp/stories/world/2024/02/post-103812.php")
        #expect(meta.hostname == "www.newsweekjapan.jp")
        #expect(meta.tags.contains("ウクライナ"))
    }
}
