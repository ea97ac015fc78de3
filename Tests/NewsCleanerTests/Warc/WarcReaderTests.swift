import Foundation
import Testing
@testable import NewsCleaner
@testable import NewsCleanerWARC

private typealias F = WarcFixture

/// Three good records (warcinfo + two responses) used in several layouts.
private func sampleRecords(version: String) -> [[UInt8]] {
    [F.warcinfo(version: version),
     F.response(version: version, uri: "http://example.test/a"),
     F.response(version: version, uri: "http://example.test/b")]
}

@Suite struct WarcReaderLayoutTests {
    @Test(arguments: ["WARC/1.0", "WARC/1.1"], [1, 7, 4096])
    func uncompressed(version: String, chunk: Int) throws {
        let result = try F.read(sampleRecords(version: version).flatMap { $0 }, chunkSize: chunk)
        #expect(result.damage.isEmpty)
        #expect(result.records.map(\.type) == [.warcinfo, .response, .response])
        #expect(result.records.map(\.version) == [version, version, version])
        #expect(result.records.compactMap(\.targetURI) == ["http://example.test/a", "http://example.test/b"])
        #expect(result.stats.records == 3 && result.stats.html == 2 && result.stats.skipped == 1)
        let second = result.records[1]
        #expect(second.http?.statusCode == 200)
        #expect(second.charsetHint == "UTF-8")
        #expect(second.payload == F.page("http://example.test/a"))
        #expect(second.date == "2024-05-01T12:00:00Z")
        #expect(second.recordID?.hasPrefix("<urn:uuid:") == true)
    }

    @Test(arguments: ["WARC/1.0", "WARC/1.1"])
    func perRecordGzipGivesMemberOffsets(version: String) throws {
        let records = sampleRecords(version: version)
        let members = try records.map { try Gzip.compress($0) }
        let warc = members.flatMap { $0 }
        let result = try F.read(warc, chunkSize: 5)
        #expect(result.damage.isEmpty)
        #expect(result.records.count == 3)
        let expectedOffsets = [0, members[0].count, members[0].count + members[1].count]
        #expect(result.records.map(\.offset) == expectedOffsets)
        #expect(result.records.map(\.streamOffset) == [0, records[0].count, records[0].count + records[1].count])
        #expect(result.records[2].payload == F.page("http://example.test/b"))
    }

    @Test(arguments: ["WARC/1.0", "WARC/1.1"])
    func wholeFileGzip(version: String) throws {
        let plain = sampleRecords(version: version).flatMap { $0 }
        let result = try F.read(try Gzip.compress(plain), chunkSize: 3)
        #expect(result.damage.isEmpty)
        #expect(result.records.count == 3)
        #expect(result.records.map(\.offset) == [0, 0, 0])
        #expect(result.records[1].targetURI == "http://example.test/a")
    }

    @Test func largeChunkAndReaderFromFileDescriptor() throws {
        let warc = try F.perRecordGzip(sampleRecords(version: "WARC/1.1"))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("warc-\(UUID().uuidString).warc.gz")
        try Data(warc).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try WarcReader(path: url.path)
        var stats = WarcStats()
        while let event = try reader.next() { stats.add(event) }
        #expect(reader.compression == .gzip)
        #expect(stats.records == 3 && stats.html == 2 && stats.damaged.isEmpty)
        #expect(WarcReader.looksLikeWarc(Array(warc.prefix(64))))
        #expect(!WarcReader.looksLikeWarc(F.bytes("<html>")))
    }

    @Test func emptyInputHasNoEvents() throws {
        let result = try F.read([])
        #expect(result.records.isEmpty && result.damage.isEmpty)
    }
}

@Suite struct WarcHTTPTests {
    @Test func chunkedBodyIsDecoded() throws {
        let page = F.page("chunked")
        let record = F.response(uri: "http://example.test/c", body: F.chunked(page, size: 10),
                                httpHeaders: [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")])
        let result = try F.read(record)
        #expect(result.records.first?.payload == page)
        #expect(result.records.first?.isHTML == true)
    }

    @Test func gzipContentEncodingIsDecoded() throws {
        let page = F.page("gzipped")
        let record = F.response(uri: "http://example.test/g", body: try Gzip.compress(page),
                                httpHeaders: [("Content-Type", "text/html; charset=\"iso-8859-1\""),
                                              ("Content-Encoding", "gzip")])
        let result = try F.read(try Gzip.compress(record))
        #expect(result.records.first?.payload == page)
        #expect(result.records.first?.charsetHint == "iso-8859-1")
    }

    @Test func chunkedAndGzipTogether() throws {
        let page = F.page("both")
        let body = F.chunked(try Gzip.compress(page), size: 16)
        let record = F.response(uri: "http://example.test/cg", body: body,
                                httpHeaders: [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked"),
                                              ("Content-Encoding", "gzip")])
        #expect(try F.read(record).records.first?.payload == page)
    }

    @Test func deflateContentEncodingIsDecoded() throws {
        let page = F.page("deflated")
        let record = F.response(uri: "http://example.test/d", body: try Gzip.compressZlib(page),
                                httpHeaders: [("Content-Type", "text/html"), ("Content-Encoding", "deflate")])
        #expect(try F.read(record).records.first?.payload == page)
    }

    @Test func contentEncodingOverLimitIsAnHTTPError() throws {
        let page = F.page(String(repeating: "x", count: 5000))
        let record = F.response(uri: "http://example.test/big", body: try Gzip.compress(page),
                                httpHeaders: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])
        var options = WarcReader.Options()
        options.maxBodyBytes = 1000
        let reader = WarcReader(bytes: record, options: options)
        guard case .record(let read)? = try reader.next() else { Issue.record("no record"); return }
        // The headers are kept (the body is not), so the record is known as a lost HTML page.
        #expect(read.http?.statusCode == 200 && read.http?.body == [])
        #expect(read.isHTML == false)
        #expect(read.isUndecodableHTML)
        if case .badContentEncoding? = read.httpError {} else { Issue.record("expected badContentEncoding") }
    }

    @Test func nonHTMLRecordIsSkipped() throws {
        let png: [UInt8] = [0x89] + F.bytes("PNG\r\n")
        let warc = F.response(uri: "http://example.test/img.png", body: png,
                              httpHeaders: [("Content-Type", "image/png")])
            + F.response(uri: "http://example.test/ok")
        let result = try F.read(warc)
        #expect(result.records.count == 2)
        #expect(result.records.map(\.isHTML) == [false, true])
        #expect(result.stats.html == 1 && result.stats.skipped == 1)
    }

    @Test func htmlIsSniffedWhenTypeIsMissing() throws {
        let sniffed = F.response(uri: "http://example.test/s", body: F.bytes("\u{FEFF}  <HTML><body>x</body></HTML>"),
                                 httpHeaders: [("Server", "test")])
        let plain = F.response(uri: "http://example.test/t", body: F.bytes("just text"),
                               httpHeaders: [("Server", "test")])
        let xhtml = F.record(type: "resource", uri: "file:///x.xhtml", contentType: "application/xhtml+xml",
                             block: F.bytes("<?xml version=\"1.0\"?><html/>"))
        let result = try F.read(sniffed + plain + xhtml)
        #expect(result.records.map(\.isHTML) == [true, false, true])
    }

    @Test func resourceRecordUsesWarcContentType() throws {
        let page = F.page("resource")
        let warc = F.record(version: "WARC/1.1", type: "resource", uri: "file:///page.html",
                            contentType: "text/html; charset=windows-1251", block: page)
        let record = try #require(try F.read(warc).records.first)
        #expect(record.type == .resource)
        #expect(record.payload == page && record.isHTML && record.charsetHint == "windows-1251")
    }

    @Test func headerNamesAreCaseInsensitive() throws {
        let block = F.http(headers: [("content-type", "TEXT/HTML")], body: F.page("case"))
        var text = "warc/1.0"
        text = "WARC/1.0\r\nwarc-type: response\r\nwarc-target-uri: <http://example.test/case>\r\n"
            + "CONTENT-LENGTH: \(block.count)\r\n\r\n"
        let record = try #require(try F.read(F.bytes(text) + block + F.bytes("\r\n\r\n")).records.first)
        #expect(record.type == .response && record.targetURI == "http://example.test/case" && record.isHTML)
    }

    @Test func mediaTypeParsing() {
        let type = WarcMediaType("Text/HTML ; Charset=\"Shift_JIS\"; q=1")
        #expect(type.mime == "text/html" && type.charset == "Shift_JIS" && type.isHTML)
        #expect(WarcMediaType("text/plain").charset == nil)
    }
}

@Suite struct WarcDamageTests {
    @Test(arguments: [false, true])
    func truncatedRecordInTheMiddle(gzip: Bool) throws {
        let first = F.response(uri: "http://example.test/1")
        // Declares 500 bytes more than it holds: it swallows the next record's start.
        let broken = F.response(uri: "http://example.test/broken", lengthDelta: 500)
        let rest = (2...6).map { F.response(uri: "http://example.test/\($0)") }
        let parts = [first, broken] + rest
        let warc = gzip ? try F.perRecordGzip(parts) : parts.flatMap { $0 }
        let result = try F.read(warc, chunkSize: 64)
        #expect(result.records.compactMap(\.targetURI)
                == ["http://example.test/1"] + (2...6).map { "http://example.test/\($0)" })
        let brokenOffset = gzip ? try Gzip.compress(first).count : first.count
        #expect(result.damage.map(\.offset) == [brokenOffset])
        #expect(result.stats.damagedOffsets == [brokenOffset])
    }

    @Test func garbageBetweenRecordsUncompressed() throws {
        let a = F.response(uri: "http://example.test/a")
        let garbage = F.bytes("this is not a record\r\nWARC-ish junk\r\n\r\n")
        let b = F.response(uri: "http://example.test/b")
        let result = try F.read(a + garbage + b)
        #expect(result.records.compactMap(\.targetURI) == ["http://example.test/a", "http://example.test/b"])
        #expect(result.damage.map(\.offset) == [a.count])
        if case .badVersionLine? = result.damage.first?.error {} else { Issue.record("expected badVersionLine") }
    }

    @Test func garbageBetweenGzipMembers() throws {
        let a = try Gzip.compress(F.response(uri: "http://example.test/a"))
        let garbage = F.bytes("garbage bytes \u{1f} between members")
        let b = try Gzip.compress(F.response(uri: "http://example.test/b"))
        let result = try F.read(a + garbage + b)
        #expect(result.records.compactMap(\.targetURI) == ["http://example.test/a", "http://example.test/b"])
        #expect(result.damage.map(\.offset) == [a.count])
        #expect(result.damage.first?.error == .notGzip)
        #expect(result.records[1].offset == a.count + garbage.count)
    }

    @Test func corruptGzipMemberIsSkipped() throws {
        let a = try Gzip.compress(F.response(uri: "http://example.test/a"))
        var bad = try Gzip.compress(F.response(uri: "http://example.test/bad"))
        for index in stride(from: bad.count / 3, to: bad.count * 2 / 3, by: 1) { bad[index] ^= 0x5a }
        let c = try Gzip.compress(F.response(uri: "http://example.test/c"))
        let result = try F.read(a + bad + c, chunkSize: 4096)
        #expect(result.records.compactMap(\.targetURI) == ["http://example.test/a", "http://example.test/c"])
        #expect(result.damage.map(\.offset) == [a.count])
        #expect(result.records.last?.offset == a.count + bad.count)
    }

    @Test func gzipMemberCutShortInTheMiddle() throws {
        let a = try Gzip.compress(F.response(uri: "http://example.test/a"))
        let cut = Array(try Gzip.compress(F.response(uri: "http://example.test/cut")).prefix(60))
        let c = try Gzip.compress(F.response(uri: "http://example.test/c"))
        let d = try Gzip.compress(F.response(uri: "http://example.test/d"))
        let result = try F.read(a + cut + c + d, chunkSize: 4096)
        #expect(result.records.compactMap(\.targetURI)
                == ["http://example.test/a", "http://example.test/c", "http://example.test/d"])
        #expect(result.damage.map(\.offset) == [a.count])
    }

    @Test(arguments: [false, true])
    func contentLengthPastEndOfFile(gzip: Bool) throws {
        let a = F.response(uri: "http://example.test/a")
        let last = Array(F.response(uri: "http://example.test/last").dropLast(40))
        let warc = gzip ? try F.perRecordGzip([a, last]) : a + last
        let result = try F.read(warc)
        #expect(result.records.compactMap(\.targetURI) == ["http://example.test/a"])
        let offset = gzip ? try Gzip.compress(a).count : a.count
        #expect(result.damage.map(\.offset) == [offset])
        if case .truncated? = result.damage.first?.error {} else { Issue.record("expected truncated") }
    }

    @Test func wholeFileGzipCutShort() throws {
        let plain = (1...4).flatMap { F.response(uri: "http://example.test/\($0)") }
        let gz = try Gzip.compress(plain)
        let result = try F.read(Array(gz.prefix(gz.count - 30)), chunkSize: 4096)
        #expect(result.records.count >= 3)
        #expect(result.damage.count == 1)
    }

    @Test func badContentLengthAndHeaderLine() throws {
        let a = F.response(uri: "http://example.test/a")
        let noLength = F.bytes("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nxx\r\n\r\n")
        let noColon = F.bytes("WARC/1.1\r\nWARC-Type response\r\nContent-Length: 2\r\n\r\nxx\r\n\r\n")
        let b = F.response(uri: "http://example.test/b")
        let result = try F.read(a + noLength + noColon + b)
        #expect(result.records.compactMap(\.targetURI) == ["http://example.test/a", "http://example.test/b"])
        #expect(result.damage.map(\.offset) == [a.count, a.count + noLength.count])
    }

    @Test func oversizedRecordIsSkippedNotHeld() throws {
        let big = F.response(uri: "http://example.test/big", body: F.page(String(repeating: "y", count: 10_000)))
        let small = F.response(uri: "http://example.test/small")
        var options = WarcReader.Options()
        options.maxRecordBytes = 2048
        options.chunkSize = 512
        let reader = WarcReader(bytes: big + small, options: options)
        var stats = WarcStats()
        var uris = [String]()
        while let event = try reader.next() {
            stats.add(event)
            if case .record(let record) = event { uris += [record.targetURI ?? ""] }
        }
        #expect(uris == ["http://example.test/small"])
        #expect(stats.damagedOffsets == [0])
    }
}

