import Foundation
import NewsCleaner
@testable import NewsCleanerWARC
import Testing

/// End-to-end tests of WARC input: WARC files built here from the TestPages pages, uncompressed
/// and per-record gzip, cleaned by the binary and compared with cleaning each page directly.
@Suite struct CLIWarcTests {
    let cli = CLITests()

    /// One page of the test WARCs.
    struct Page {
        var name: String
        var url: String
        var html: [UInt8]
    }

    /// The hand-written cases as pages with made-up URLs.
    static func pages() throws -> [Page] {
        try FormatGolden.caseNames.map { name in
            Page(name: name, url: "https://warc.example.test/\(name)/article",
                 html: [UInt8](try Data(contentsOf: FormatGolden.folder(name).appendingPathComponent(Golden.sourceName))))
        }
    }

    /// A WARC record (header block, content, the two CRLFs that end it).
    static func record(type: String, uri: String?, id: Int, contentType: String, content: [UInt8]) -> [UInt8] {
        var header = "WARC/1.1\r\nWARC-Type: \(type)\r\n"
        if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
        header += "WARC-Date: 2024-05-01T12:00:\(String(format: "%02d", id % 60))Z\r\n"
        header += "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", id))>\r\n"
        header += "Content-Type: \(contentType)\r\nContent-Length: \(content.count)\r\n\r\n"
        return Array(header.utf8) + content + Array("\r\n\r\n".utf8)
    }

    /// An HTTP response record.
    static func response(uri: String, id: Int, status: String = "200 OK", mime: String = "text/html", body: [UInt8]) -> [UInt8] {
        let http = Array("HTTP/1.1 \(status)\r\nContent-Type: \(mime)\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        return record(type: "response", uri: uri, id: id, contentType: "application/http; msgtype=response", content: http)
    }

    /// The records of a test WARC: warcinfo, every page as a response, plus a text/plain
    /// response and a 404 HTML response that must both be skipped.
    static func records(_ pages: [Page]) -> [[UInt8]] {
        var out = [record(type: "warcinfo", uri: nil, id: 0, contentType: "application/warc-fields",
                          content: Array("software: NewsCleaner tests\r\n".utf8))]
        for (index, page) in pages.enumerated() {
            out.append(response(uri: page.url, id: index + 1, body: page.html))
            if index == 1 {
                out.append(response(uri: "https://warc.example.test/robots.txt", id: 900, mime: "text/plain",
                                    body: Array("User-agent: *\n".utf8)))
                out.append(response(uri: "https://warc.example.test/missing", id: 901, status: "404 Not Found",
                                    body: Array("<html><body><p>Not found</p></body></html>".utf8)))
            }
        }
        return out
    }

    static func gzipEach(_ records: [[UInt8]]) throws -> [[UInt8]] {
        try records.map { try Gzip.compress($0) }
    }

    /// The JSON object of cleaning `page` directly, as `newsclean -f jsonl --url` builds it.
    static func direct(_ page: Page) throws -> NSDictionary {
        let article = try Cleaner().clean(html: page.html, url: page.url)
        let line = JSONRenderer().render(article, url: page.url)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary)
    }

    func lines(_ text: String) throws -> [NSDictionary] {
        try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? NSDictionary)
        }
    }

    /// Every page once, in input order, with its URL and WARC fields, and otherwise the same
    /// object as cleaning its HTML directly.
    func checkRecords(_ objects: [NSDictionary], pages: [Page]) throws {
        #expect(objects.map { $0["url"] as? String ?? "" } == pages.map(\.url))
        for (object, page) in zip(objects, pages) {
            #expect((object["warc_record_id"] as? String)?.hasPrefix("<urn:uuid:") == true)
            #expect((object["warc_date"] as? String)?.hasPrefix("2024-05-01T12:00:") == true)
            let got = object.mutableCopy() as! NSMutableDictionary
            let want = try Self.direct(page).mutableCopy() as! NSMutableDictionary
            for key in ["url", "warc_date", "warc_record_id"] {
                got.removeObject(forKey: key)
                want.removeObject(forKey: key)
            }
            #expect(got == want, "\(page.name): WARC record differs from cleaning the page directly")
            #expect(object["text"] as? String == want["text"] as? String)
        }
    }

    @Test(arguments: ["1", "3"])
    func everyPageOnceInInputOrder(jobs: String) throws {
        let pages = try Self.pages()
        let dir = BatchTestDirectory("cli-warc")
        defer { dir.remove() }
        let records = Self.records(pages)
        dir.write("plain.warc", records.flatMap { $0 })
        dir.write("members.warc.gz", try Self.gzipEach(records).flatMap { $0 })
        var outputs: [String] = []
        for file in ["plain.warc", "members.warc.gz"] {
            let run = try cli.newsclean(["-f", "jsonl", "-j", jobs, dir.url(file)])
            #expect(run.status == 0, "\(run.stderr)")
            try checkRecords(try lines(run.stdout), pages: pages)
            let summary = "newsclean: \(dir.url(file)): \(records.count) records, \(pages.count + 1) html, \(pages.count) cleaned, 3 skipped, 0 failed, no damage\n"
            #expect(run.stderr.contains(summary), "\(run.stderr)")
            outputs.append(run.stdout)
        }
        // Same records whatever the layout (the record ids and dates are the same here).
        #expect(outputs[0] == outputs[1])

        // Standard input with --warc, and a WARC found by its content under another name.
        let stdin = try cli.newsclean(["-q", "--warc", "-j", jobs, "-"], stdin: Data(contentsOf: URL(fileURLWithPath: dir.url("members.warc.gz"))))
        #expect(stdin.status == 0, "\(stdin.stderr)")
        #expect(stdin.stdout == outputs[0])
        dir.write("crawl.dat", records.flatMap { $0 })
        let sniffed = try cli.newsclean(["-q", dir.url("crawl.dat")])
        #expect(sniffed.stdout == outputs[0])
    }

    @Test func outputDirectoryMirrorsWarcPaths() throws {
        let pages = try Self.pages()
        let dir = BatchTestDirectory("cli-warc-dir")
        defer { dir.remove() }
        dir.write("in/a/b/x.warc.gz", try Self.gzipEach(Self.records(pages)).flatMap { $0 })
        dir.write("in/page.html", pages[0].html)
        let run = try cli.newsclean(["-o", dir.url("out"), "-j", "2", dir.url("in")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(dir.allFiles(below: "out").filter { !$0.hasSuffix("/") } == ["a", "a/b", "a/b/x.jsonl", "page.txt"])
        try checkRecords(try lines(try String(contentsOfFile: dir.url("out/a/b/x.jsonl"), encoding: .utf8)), pages: pages)
        // Everything into one JSON Lines file: the page and every record.
        let one = try cli.newsclean(["-q", "-o", dir.url("all.jsonl"), dir.url("in")])
        #expect(one.status == 0)
        #expect(try lines(try String(contentsOfFile: dir.url("all.jsonl"), encoding: .utf8)).count == pages.count + 1)
    }

    @Test func damagedWarcKeepsGoodRecordsAndNamesOffsets() throws {
        let pages = try Self.pages()
        #expect(pages.count >= 4)
        let dir = BatchTestDirectory("cli-warc-bad")
        defer { dir.remove() }
        let records = pages.enumerated().map { Self.response(uri: $1.url, id: $0 + 1, body: $1.html) }

        // Uncompressed: garbage between records 2 and 3, and the last record cut short.
        let garbage = Array("this is not a WARC record\r\n\r\n".utf8)
        let garbageOffset = records[0].count + records[1].count
        var plain = records[0] + records[1] + garbage
        for record in records[2..<(records.count - 1)] { plain += record }
        let lastOffset = plain.count
        plain += records[records.count - 1].prefix(records[records.count - 1].count / 2)
        dir.write("bad.warc", plain)
        let run = try cli.newsclean(["-f", "jsonl", "-j", "2", dir.url("bad.warc")])
        #expect(run.status == 1)
        let good = Array(pages.dropLast())
        try checkRecords(try lines(run.stdout), pages: good)
        #expect(run.stderr.contains("damaged at offset \(garbageOffset)"), "\(run.stderr)")
        #expect(run.stderr.contains("damaged at offset \(lastOffset)"), "\(run.stderr)")
        #expect(run.stderr.contains("damaged at offsets \(garbageOffset), \(lastOffset)"), "\(run.stderr)")

        // Per-record gzip: the second member cut in half.
        let members = try Self.gzipEach(records)
        var gz = members[0] + members[1].prefix(members[1].count / 2)
        for member in members[2...] { gz += member }
        dir.write("bad.warc.gz", gz)
        let zipped = try cli.newsclean(["-q", "-f", "jsonl", dir.url("bad.warc.gz")])
        #expect(zipped.status == 1)
        var kept = pages
        kept.remove(at: 1)
        try checkRecords(try lines(zipped.stdout), pages: kept)
        #expect(zipped.stderr.contains("damaged at offset \(members[0].count)"), "\(zipped.stderr)")
    }

    @Test func standardInputThatIsNotAWarc() throws {
        let run = try cli.newsclean(["--warc", "-"], stdin: Data("<html><p>not a warc</p></html>".utf8))
        #expect(run.status == 1)
        #expect(run.stderr.contains("not a WARC"))
        #expect(run.stdout.isEmpty)
    }
}
