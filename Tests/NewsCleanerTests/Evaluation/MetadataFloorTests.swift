import Foundation
import NewsCleaner
@testable import NewsCleanerEvaluation
import Testing

/// Metadata accuracy on the vendored wcxb-dev pages (the same figures as
/// `tools/evaluate --metadata`), held to `TestPages/metadata-floor.json`; plus the scoring rules.
@Suite struct MetadataFloorTests {
    static let wcxb = TestPages.root.appendingPathComponent("wcxb-dev")
    static let floorFile = TestPages.root.appendingPathComponent("metadata-floor.json")

    struct Floors: Decodable {
        struct Corpus: Decodable {
            var title: Double
            var date: Double
            var author: Double
            var maxFalseDate: Double
            var maxFalseAuthor: Double
        }
        struct Survey: Decodable {
            var title: Int
            var date: Int
            var author: Int
        }
        var wcxbDev: Corpus
        var aeb: Survey
        enum CodingKeys: String, CodingKey {
            case wcxbDev = "wcxb-dev"
            case aeb
        }
    }

    static func floors() throws -> Floors {
        try JSONDecoder().decode(Floors.self, from: Data(contentsOf: floorFile))
    }

    @Test func wcxbDevMetadataStaysAboveItsFloors() throws {
        let truth = try MetadataScore.loadTruth(Self.wcxb.appendingPathComponent("ground-truth.json"))
        var predictions: [String: MetadataScore.Fields] = [:]
        for id in truth.keys {
            let data = try Data(contentsOf: Self.wcxb.appendingPathComponent("html").appendingPathComponent(id + ".html.gz"))
            let article = try Cleaner().clean(html: try Gzip.decompress([UInt8](data), limit: TestPages.maxPageBytes))
            let meta = article.metadata
            predictions[id] = MetadataScore.Fields(title: meta.title ?? article.title, date: meta.published, authors: meta.authors)
        }
        let report = MetadataScore.score(truth: truth, predictions: predictions)
        print("wcxb-dev metadata: \(report.summaryLine)")
        let floor = try Self.floors().wcxbDev
        #expect(report.pages == 363)
        #expect(report.titleExact >= floor.title, "\(report.summaryLine)")
        #expect(report.dateFound >= floor.date, "\(report.summaryLine)")
        #expect(report.authorFound >= floor.author, "\(report.summaryLine)")
        #expect(report.falseDateRate <= floor.maxFalseDate, "\(report.summaryLine)")
        #expect(report.falseAuthorRate <= floor.maxFalseAuthor, "\(report.summaryLine)")
    }

    @Test func titleFoldingIgnoresCaseQuotesDashesAndSpacing() {
        #expect(MetadataScore.foldTitle("  What’s  New — in 2025 ") == MetadataScore.foldTitle("what's new - in 2025"))
        #expect(MetadataScore.foldTitle("Big News") != MetadataScore.foldTitle("Big News | Site"))
    }

    @Test func authorMatchNeedsEveryPersonNameButNoCredentials() {
        #expect(MetadataScore.authorMatches(truth: "Dylan Bailey, MS, RD, FAND", got: "Dylan Bailey"))
        #expect(MetadataScore.authorMatches(truth: "Holly Wilgus, E-RYT 200", got: "holly wilgus"))
        #expect(MetadataScore.authorMatches(truth: "Ann Lee and Tim Roth", got: "Ann Lee; Tim Roth"))
        #expect(!MetadataScore.authorMatches(truth: "Ann Lee and Tim Roth", got: "Ann Lee"))
        #expect(MetadataScore.authorMatches(truth: "Susan", got: "Susan"))
        #expect(!MetadataScore.authorMatches(truth: "Ann Lee", got: "Ann Leeds"))
        #expect(MetadataScore.authorMatches(truth: "José Núñez", got: "Jose Nunez"))
    }

    @Test func ratesCountOnlyTheirPages() {
        let truth: [String: MetadataScore.Fields] = [
            "a": .init(title: "One", author: "Ann Lee", date: "2024-03-04"),
            "b": .init(title: "Two", author: nil, date: nil),
        ]
        let got: [String: MetadataScore.Fields] = [
            "a": .init(title: "one", date: "2024-03-04T10:00:00Z", authors: ["Ann Lee"]),
            "b": .init(title: "Two | Site", date: "2024-01-01", authors: ["View more posts"]),
        ]
        let report = MetadataScore.score(truth: truth, predictions: got)
        #expect(report.titleExact == 0.5)
        #expect(report.dateFound == 1)
        #expect(report.falseDateRate == 1)
        #expect(report.authorFound == 1)
        #expect(report.falseAuthorRate == 1)
        #expect(report.noisyAuthorRate == 0.5)
    }
}
