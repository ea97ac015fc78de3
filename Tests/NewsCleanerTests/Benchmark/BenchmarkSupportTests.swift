import Foundation
import Testing
@testable import NewsCleaner
@testable import NewsCleanerSupport

@Test func medianOfOddAndEvenCounts() {
    #expect(BenchmarkStatistics.median([3, 1, 2]) == 2)
    #expect(BenchmarkStatistics.median([4, 1, 3, 2]) == 2.5)
    #expect(BenchmarkStatistics.median([]) == 0)
}

@Test func nearestRankPercentiles() {
    let values = (1...100).map(Double.init).shuffled()
    #expect(BenchmarkStatistics.percentile(values, 50) == 50)
    #expect(BenchmarkStatistics.percentile(values, 99) == 99)
    #expect(BenchmarkStatistics.percentile(values, 100) == 100)
    #expect(BenchmarkStatistics.percentile(values, 0) == 1)
    #expect(BenchmarkStatistics.percentile([7], 99) == 7)
    #expect(BenchmarkStatistics.percentile([], 50) == 0)
}

@Test func pageFileNames() {
    for name in ["a.html", "b.HTM", "c.xhtml", "d.html.gz", "e.htm.GZ", "x.y.html"] {
        #expect(BenchmarkCorpus.isPageFile(name), "\(name)")
    }
    for name in ["a.txt", "b.gz", "html", ".gz", "c.json.gz", "d.html.txt"] {
        #expect(!BenchmarkCorpus.isPageFile(name), "\(name)")
    }
}

@Test func corpusIsFoundRecursivelyAndGunzipped() throws {
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("newsclean-bench-corpus-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root + "/sub/deeper", withIntermediateDirectories: true)
    let page = Array("<p>Hello</p>".utf8)
    // "<p>Hello</p>" compressed with gzip -n.
    let gzipped: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xb3, 0x29, 0xb0, 0xf3,
                            0x48, 0xcd, 0xc9, 0xc9, 0xb7, 0xd1, 0x2f, 0xb0, 0x03, 0x00, 0xe7, 0x79, 0x5f, 0x50,
                            0x0c, 0x00, 0x00, 0x00]
    try Data(page).write(to: URL(fileURLWithPath: root + "/a.html"))
    try Data(gzipped).write(to: URL(fileURLWithPath: root + "/sub/deeper/b.html.gz"))
    try Data("not a page".utf8).write(to: URL(fileURLWithPath: root + "/sub/notes.txt"))
    let pages = try BenchmarkCorpus.load(root)
    #expect(pages.map(\.name) == ["a.html", "sub/deeper/b.html.gz"])
    #expect(pages.allSatisfy { $0.bytes == page })
}

@Test func fingerprintTellsDocumentsApart() throws {
    let cleaner = Cleaner()
    let a = try cleaner.parse(html: Array("<p class=x>Hello</p>".utf8))
    let b = try cleaner.parse(html: Array("<p class=y>Hello</p>".utf8))
    #expect(ParserBenchmark.fingerprint(a) == ParserBenchmark.fingerprint(a))
    #expect(ParserBenchmark.fingerprint(a) != ParserBenchmark.fingerprint(b))
}

@Test func prepassStillDropsEveryListedElement() {
    for name in ["script", "STYLE", "noscript", "Template", "svg", "math"] {
        let page = Array("<p>a<\(name)>x</\(name)>b</p>".utf8)
        #expect(Prepass.run(page).bytes == Array("<p>ab</p>".utf8), "\(name)")
    }
}
