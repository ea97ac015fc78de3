import Foundation
@testable import NewsCleaner
import Testing

/// `CleanerOptions.metadataFields`: only the asked-for metadata is filled, the article is the same.
@Suite struct MetadataFieldsTests {
    func page() throws -> [UInt8] {
        [UInt8](try Data(contentsOf: FormatGolden.folder("en-news-basic").appendingPathComponent(Golden.sourceName)))
    }

    func clean(_ fields: CleanerOptions.MetadataFields) throws -> Article {
        var options = CleanerOptions()
        options.metadataFields = fields
        return try Cleaner(options: options).clean(html: page(), url: "https://www.rivertonledger.example.com/a")
    }

    @Test func defaultFillsEveryField() throws {
        #expect(CleanerOptions().metadataFields == .all)
        let meta = try clean(.all).metadata
        #expect(meta.title != nil && !meta.authors.isEmpty && meta.published != nil && meta.modified != nil)
        #expect(meta.siteName != nil && meta.language != nil && meta.url != nil && meta.hostname != nil)
        #expect(meta.description != nil && meta.image != nil && !meta.categories.isEmpty)
    }

    @Test func titleOnlyKeepsTheArticleAndEmptiesTheRest() throws {
        let full = try clean(.all)
        let titleOnly = try clean([])
        #expect(titleOnly.title == full.title)
        #expect(titleOnly.blocks == full.blocks)
        #expect(titleOnly.text == full.text)
        var expected = Article.Metadata()
        expected.title = full.metadata.title
        #expect(titleOnly.metadata == expected)
    }

    @Test func aSubsetKeepsExactlyItsFields() throws {
        let full = try clean(.all).metadata
        let some = try clean([.authors, .url]).metadata
        var expected = Article.Metadata()
        expected.title = full.title
        expected.authors = full.authors
        expected.url = full.url
        expected.hostname = full.hostname
        #expect(some == expected)
    }
}
