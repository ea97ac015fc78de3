import NewsCleaner

/// Parses the HTTP response held in a `response` record's content block.
enum WarcHTTPParser {
    static let httpPrefix = Array("HTTP/".utf8)
    static let statusCodeDigits = 3
    /// Version, code, reason: the reason may hold spaces.
    static let statusLineFields = 3
    static let reasonField = 2
    static let crlfLength = 2
    static let hexRadix = 16
    static let gzipEncodings: Set<String> = ["gzip", "x-gzip"]
    static let deflateEncodings: Set<String> = ["deflate"]
    static let identityEncodings: Set<String> = ["identity", ""]

    /// Splits `block` into status line, headers and body, then undoes chunking and compression.
    static func parse(_ block: [UInt8], maxBodyBytes: Int) throws(WarcError) -> WarcHTTPResponse {
        var response = try parseHead(block)
        let transfer = response.headers.values("Transfer-Encoding").joined(separator: ",").lowercased()
        if transfer.contains("chunked"), let dechunked = decodeChunked(response.body) {
            response.body = dechunked
        }
        response.body = try decodeContent(response.body, encodings: response.headers.values("Content-Encoding"),
                                          limit: maxBodyBytes)
        return response
    }

    /// The status line and headers, with the body as stored (still chunked or compressed).
    static func parseHead(_ block: [UInt8]) throws(WarcError) -> WarcHTTPResponse {
        guard block.starts(with: httpPrefix) else {
            throw .badHTTP("no HTTP/ status line")
        }
        guard let (headerEnd, bodyStart) = findHeaderEnd(block, from: 0) else {
            throw .badHTTP("no blank line after the HTTP headers")
        }
        var lines = splitLines(block[0..<headerEnd])
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: statusLineFields - 1, omittingEmptySubsequences: true)
        guard parts.count >= 2, parts[1].count == statusCodeDigits, let code = Int(parts[1]) else {
            throw .badHTTP("bad status line \(statusLine.debugDescription)")
        }
        let headers = try parseHeaderLines(lines, httpContext: true)
        let body = Array(block[bodyStart...])
        return WarcHTTPResponse(version: String(parts[0]), statusCode: code,
                                reason: parts.count > reasonField ? String(parts[reasonField]) : "",
                                headers: headers, body: body)
    }

    /// Finds the blank line ending a header block: CRLF CRLF, or LF LF from sloppy servers.
    /// Returns the end of the last header line and the start of what follows.
    static func findHeaderEnd(_ bytes: [UInt8], from start: Int) -> (Int, Int)? {
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var index = start
        while index < bytes.count {
            if bytes[index] == lf {
                let next = index + 1
                if next < bytes.count && bytes[next] == lf { return (index, next + 1) }
                if next + 1 < bytes.count && bytes[next] == cr && bytes[next + 1] == lf {
                    return (index, next + crlfLength)
                }
            }
            index += 1
        }
        return nil
    }

    /// Splits a header block into lines without their CR/LF.
    static func splitLines(_ bytes: ArraySlice<UInt8>) -> [String] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            var text = line
            if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// `Name: value` lines, with folded continuation lines joined to the field before.
    static func parseHeaderLines(_ lines: [String], httpContext: Bool) throws(WarcError) -> WarcHeaders {
        var fields = [WarcHeaderField]()
        for line in lines where !line.isEmpty {
            if line.first == " " || line.first == "\t" {
                guard !fields.isEmpty else { throw .badHeader("continuation line first") }
                fields[fields.count - 1].value += " " + line.warcTrimmed()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                if httpContext { continue }   // browsers ignore such lines; so do we
                throw .badHeader("no colon in \(line.debugDescription)")
            }
            fields.append(WarcHeaderField(name: String(line[..<colon]).warcTrimmed(),
                                          value: String(line[line.index(after: colon)...]).warcTrimmed()))
        }
        return WarcHeaders(fields)
    }

    /// Undoes `Transfer-Encoding: chunked`. Nil when the body is not chunked after all (some
    /// crawlers store the body de-chunked but keep the header); a body cut short keeps the
    /// chunks that are whole.
    static func decodeChunked(_ body: [UInt8]) -> [UInt8]? {
        var output = [UInt8]()
        var index = 0
        var sawChunk = false
        while index < body.count {
            guard let lineEnd = body[index...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            var sizeText = String(decoding: body[index..<lineEnd], as: UTF8.self)
            if let semicolon = sizeText.firstIndex(of: ";") { sizeText = String(sizeText[..<semicolon]) }
            guard let size = Int(sizeText.warcTrimmed(), radix: hexRadix), size >= 0 else {
                return sawChunk ? output : nil
            }
            sawChunk = true
            let dataStart = lineEnd + 1
            if size == 0 { return output }   // trailers after the last chunk are ignored
            let dataEnd = min(dataStart + size, body.count)
            output.append(contentsOf: body[dataStart..<dataEnd])
            index = dataEnd
            // Skip the CRLF after the chunk data.
            if index < body.count && body[index] == UInt8(ascii: "\r") { index += 1 }
            if index < body.count && body[index] == UInt8(ascii: "\n") { index += 1 }
        }
        return sawChunk ? output : nil
    }

    /// Undoes `Content-Encoding` (applied in the listed order, so undone in reverse).
    static func decodeContent(_ body: [UInt8], encodings: [String], limit: Int) throws(WarcError) -> [UInt8] {
        let names = encodings.flatMap { $0.split(separator: ",") }.map { $0.warcTrimmed().lowercased() }
        var result = body
        for name in names.reversed() {
            do {
                if gzipEncodings.contains(name) {
                    // Stored already decoded despite the header: keep it.
                    guard Gzip.isGzip(result) else { continue }
                    result = try Inflater.decompress(result, format: .gzip, limit: limit, allowTruncated: true)
                } else if deflateEncodings.contains(name) {
                    if let zlib = try? Inflater.decompress(result, format: .zlib, limit: limit, allowTruncated: true) {
                        result = zlib
                    } else {
                        result = try Inflater.decompress(result, format: .raw, limit: limit, allowTruncated: true)
                    }
                } else if !identityEncodings.contains(name) {
                    throw WarcError.badContentEncoding("unsupported \(name.debugDescription)")
                }
            } catch let error as WarcError {
                throw error
            } catch {
                throw WarcError.badContentEncoding("\(name): \(error)")
            }
        }
        return result
    }
}
