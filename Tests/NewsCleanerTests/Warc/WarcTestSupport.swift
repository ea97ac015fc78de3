import Foundation
@testable import NewsCleaner
@testable import NewsCleanerWARC

/// Builds WARC bytes by hand, so that the reader is tested on files it did not write itself.
enum WarcFixture {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// One record: version line, headers (Content-Length added), blank line, block, blank line.
    static func record(version: String = "WARC/1.0", type: String, uri: String? = nil,
                       id: String = "<urn:uuid:\(UUID().uuidString.lowercased())>",
                       date: String = "2024-05-01T12:00:00Z", contentType: String? = nil,
                       block: [UInt8], lengthDelta: Int = 0, extra: [(String, String)] = []) -> [UInt8] {
        var head = "\(version)\r\nWARC-Type: \(type)\r\nWARC-Record-ID: \(id)\r\nWARC-Date: \(date)\r\n"
        if let uri { head += "WARC-Target-URI: \(uri)\r\n" }
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        for (name, value) in extra { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(block.count + lengthDelta)\r\n\r\n"
        return bytes(head) + block + bytes("\r\n\r\n")
    }

    /// An HTTP response block.
    static func http(status: String = "200 OK", headers: [(String, String)], body: [UInt8]) -> [UInt8] {
        var head = "HTTP/1.1 \(status)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        return bytes(head + "\r\n") + body
    }

    static func page(_ title: String) -> [UInt8] {
        bytes("<!DOCTYPE html><html><head><title>\(title)</title></head><body><p>\(title) text.</p></body></html>")
    }

    /// A `response` record holding an HTML page.
    static func response(version: String = "WARC/1.0", uri: String, body: [UInt8]? = nil,
                         httpHeaders: [(String, String)]? = nil, lengthDelta: Int = 0) -> [UInt8] {
        let payload = body ?? page(uri)
        let headers = httpHeaders ?? [("Content-Type", "text/html; charset=UTF-8"),
                                      ("Content-Length", "\(payload.count)")]
        return record(version: version, type: "response", uri: uri,
                      contentType: "application/http; msgtype=response",
                      block: http(headers: headers, body: payload), lengthDelta: lengthDelta)
    }

    static func warcinfo(version: String = "WARC/1.0") -> [UInt8] {
        record(version: version, type: "warcinfo", contentType: "application/warc-fields",
               block: bytes("software: hand-made test\r\nformat: WARC File Format 1.0\r\n"))
    }

    /// Per-record gzip: each record its own member.
    static func perRecordGzip(_ records: [[UInt8]]) throws -> [UInt8] {
        try records.flatMap { try Gzip.compress($0) }
    }

    /// Chunked transfer encoding of `body` in pieces of `size` bytes.
    static func chunked(_ body: [UInt8], size: Int) -> [UInt8] {
        var out = [UInt8]()
        var index = 0
        while index < body.count {
            let end = min(index + size, body.count)
            out += bytes(String(end - index, radix: 16) + "\r\n") + body[index..<end] + bytes("\r\n")
            index = end
        }
        return out + bytes("0\r\n\r\n")
    }

    /// Reads every event, with a small chunk size so that records straddle reads.
    static func read(_ warc: [UInt8], chunkSize: Int = 7) throws -> (records: [WarcRecord], damage: [WarcDamage], stats: WarcStats) {
        var options = WarcReader.Options()
        options.chunkSize = chunkSize
        let reader = WarcReader(bytes: warc, options: options)
        var records = [WarcRecord]()
        var damage = [WarcDamage]()
        var stats = WarcStats()
        while let event = try reader.next() {
            stats.add(event)
            switch event {
            case .record(let record): records.append(record)
            case .damaged(let report): damage.append(report)
            }
        }
        return (records, damage, stats)
    }
}
