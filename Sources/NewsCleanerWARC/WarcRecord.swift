import NewsCleaner

/// The kind of a WARC record (the `WARC-Type` header).
///
/// ```swift
/// if record.type == .response { … }
/// ```
public enum WarcRecordType: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Describes the file or the crawl that made it.
    case warcinfo
    /// A full response from a server (for HTTP: status line, headers and body).
    case response
    /// A resource fetched without a protocol response (the payload alone).
    case resource
    /// The request that was sent.
    case request
    /// Metadata about another record.
    case metadata
    /// A revisit of content already archived (usually no payload).
    case revisit
    /// A transformed version of another record's content.
    case conversion
    /// A continuation of a segmented record.
    case continuation
    /// A type this reader does not know, as written (lowercased).
    case other(String)

    /// Parses a `WARC-Type` value, case-insensitively.
    public init(_ value: String) {
        switch value.warcTrimmed().lowercased() {
        case "warcinfo": self = .warcinfo
        case "response": self = .response
        case "resource": self = .resource
        case "request": self = .request
        case "metadata": self = .metadata
        case "revisit": self = .revisit
        case "conversion": self = .conversion
        case "continuation": self = .continuation
        case let other: self = .other(other)
        }
    }

    /// The name as written in `WARC-Type`.
    public var description: String {
        switch self {
        case .warcinfo: return "warcinfo"
        case .response: return "response"
        case .resource: return "resource"
        case .request: return "request"
        case .metadata: return "metadata"
        case .revisit: return "revisit"
        case .conversion: return "conversion"
        case .continuation: return "continuation"
        case .other(let name): return name
        }
    }
}

/// One `Name: value` header line of a WARC record or an HTTP message.
///
/// ```swift
/// WarcHeaderField(name: "WARC-Type", value: "response")
/// ```
public struct WarcHeaderField: Sendable, Equatable {
    /// The field name as written (`WARC-Type`).
    public var name: String
    /// The field value, surrounding whitespace trimmed.
    public var value: String
    /// A header field from its name and value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Header lines in their order, looked up by name case-insensitively.
///
/// ```swift
/// let uri = record.headers["warc-target-uri"]   // same as "WARC-Target-URI"
/// ```
public struct WarcHeaders: Sendable, Equatable {
    /// All fields in the order they were written (repeated names kept).
    public var fields: [WarcHeaderField]

    /// Headers from their fields, in file order.
    public init(_ fields: [WarcHeaderField] = []) {
        self.fields = fields
    }

    /// The first value of the header `name` (case-insensitive), or nil.
    public subscript(_ name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }

    /// Every value of the header `name` (case-insensitive), in order.
    public func values(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.name.lowercased() == wanted }.map(\.value)
    }
}

/// A parsed `Content-Type` value: the lowercased mime type and its parameters.
///
/// ```swift
/// let type = WarcMediaType("text/html; charset=\"Shift_JIS\"")
/// type.mime      // "text/html"
/// type.charset   // "Shift_JIS"
/// ```
public struct WarcMediaType: Sendable, Equatable {
    /// `type/subtype`, lowercased, without parameters (may be empty for a broken value).
    public var mime: String
    /// Parameters with lowercased names and unquoted values.
    public var parameters: [String: String]

    /// The `charset` parameter, if any: the charset hint to pass to `Cleaner.clean(encoding:)`.
    public var charset: String? {
        guard let value = parameters["charset"], !value.isEmpty else { return nil }
        return value
    }

    /// True for `text/html` and `application/xhtml+xml`.
    public var isHTML: Bool {
        mime == "text/html" || mime == "application/xhtml+xml"
    }

    static let quotePair = 2

    /// Parses a header value such as `text/html; charset=utf-8`.
    public init(_ value: String) {
        let parts = value.split(separator: ";", omittingEmptySubsequences: false)
        mime = String(parts.first ?? "").warcTrimmed().lowercased()
        var params = [String: String]()
        for part in parts.dropFirst() {
            guard let eq = part.firstIndex(of: "=") else { continue }
            let name = String(part[..<eq]).warcTrimmed().lowercased()
            var val = String(part[part.index(after: eq)...]).warcTrimmed()
            if val.hasPrefix("\""), val.hasSuffix("\""), val.count >= WarcMediaType.quotePair {
                val = String(val.dropFirst().dropLast())
            }
            if !name.isEmpty && params[name] == nil { params[name] = val }
        }
        parameters = params
    }
}

/// The HTTP response held in a `response` record: status, headers and the decoded body.
///
/// ```swift
/// if let http = record.http, http.statusCode == 200 { print(http.headers["Server"] ?? "") }
/// ```
public struct WarcHTTPResponse: Sendable, Equatable {
    /// The protocol as written on the status line (`HTTP/1.1`, `HTTP/2` …).
    public var version: String
    /// The status code (200, 404 …).
    public var statusCode: Int
    /// The reason phrase, possibly empty.
    public var reason: String
    /// The response headers as captured.
    public var headers: WarcHeaders
    /// The body with `Transfer-Encoding: chunked` and `Content-Encoding: gzip`/`deflate` undone.
    public var body: [UInt8]

    /// The parsed `Content-Type` header, if present.
    public var contentType: WarcMediaType? {
        headers["Content-Type"].map(WarcMediaType.init)
    }
}

/// One WARC record as read from the file.
///
/// ```swift
/// let reader = try WarcReader(path: "crawl.warc.gz")
/// while let event = try reader.next() {
///     if case .record(let record) = event, record.isHTML {
///         let article = try Cleaner().clean(html: record.payload, url: record.targetURI,
///                                           encoding: record.charsetHint)
///     }
/// }
/// ```
public struct WarcRecord: Sendable, Equatable {
    /// The version line without line end (`WARC/1.0` or `WARC/1.1`).
    public var version: String
    /// All WARC header fields.
    public var headers: WarcHeaders
    /// Where the record starts in the file as stored: for an uncompressed file the byte offset
    /// of its `WARC/` line; for a gzip file the byte offset of the gzip member holding its first
    /// byte (its own member in the per-record layout, as CDX indexes give it; 0 for every record
    /// of a whole-file gzip).
    public var offset: Int
    /// The byte offset of its `WARC/` line in the decompressed stream.
    public var streamOffset: Int
    /// The content block, exactly `Content-Length` bytes.
    public var content: [UInt8]
    /// For `response` records whose block is an HTTP response: the parsed response.
    public var http: WarcHTTPResponse?
    /// Why the HTTP block of a `response` record could not be read, if it could not.
    public var httpError: WarcError?

    /// The `WARC-Type`.
    public var type: WarcRecordType { WarcRecordType(headers["WARC-Type"] ?? "") }
    /// `WARC-Target-URI`, without the angle brackets some writers put around it.
    public var targetURI: String? {
        guard var uri = headers["WARC-Target-URI"]?.warcTrimmed() else { return nil }
        if uri.hasPrefix("<"), uri.hasSuffix(">") { uri = String(uri.dropFirst().dropLast()) }
        return uri
    }
    /// `WARC-Date` as written (ISO 8601, seconds or finer in WARC/1.1).
    public var date: String? { headers["WARC-Date"] }
    /// `WARC-Record-ID` as written (`<urn:uuid:…>`).
    public var recordID: String? { headers["WARC-Record-ID"] }
    /// `Content-Length` of the block.
    public var contentLength: Int { content.count }

    /// The bytes a cleaner wants: the decoded HTTP body of a `response`, else the content block.
    public var payload: [UInt8] {
        if type == .response { return http?.body ?? [] }
        return content
    }

    /// The payload's media type: the HTTP `Content-Type` of a `response`, the WARC
    /// `Content-Type` otherwise.
    public var payloadType: WarcMediaType? {
        if type == .response { return http?.contentType }
        return headers["Content-Type"].map(WarcMediaType.init)
    }

    /// The charset named by the payload's `Content-Type`, to pass as the cleaner's encoding hint.
    public var charsetHint: String? { payloadType?.charset }

    /// True for a `response` or `resource` record whose payload is HTML: the media type is
    /// `text/html` or `application/xhtml+xml`, or, when no type is given, the payload starts
    /// with `<!doctype html` or `<html` (after a BOM and white space).
    public var isHTML: Bool {
        switch type {
        case .response:
            guard http != nil, httpError == nil else { return false }
        case .resource:
            break
        default:
            return false
        }
        if let mediaType = payloadType, !mediaType.mime.isEmpty {
            return mediaType.isHTML
        }
        return WarcSniffer.looksLikeHTML(payload)
    }

    /// True for a `response` that is (or may be) an HTML page but cannot be cleaned because its
    /// HTTP block could not be decoded (unsupported or corrupt `Content-Encoding`, a body over
    /// the limit, no status line in front of HTML): a lost page, to be named as a failure, not
    /// skipped. Its `httpError` says why.
    public var isUndecodableHTML: Bool {
        guard type == .response, httpError != nil else { return false }
        if let http {
            // Headers were read: HTML by its type, or unknown (the body is not readable to sniff).
            guard let mediaType = http.contentType, !mediaType.mime.isEmpty else { return true }
            return mediaType.isHTML
        }
        return WarcSniffer.looksLikeHTML(content)
    }
}

/// Why a record, or a stretch of the file, could not be read.
///
/// ```swift
/// if case .damaged(let damage) = event, case .truncated = damage.error { … }
/// ```
public enum WarcError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes where a record should start are not a `WARC/` version line (garbage).
    case badVersionLine(String)
    /// A header line has no colon, or the header block has no end.
    case badHeader(String)
    /// The header block is larger than `WarcReader.Options.maxHeaderBytes`.
    case headerTooLarge(limit: Int)
    /// `Content-Length` is missing or not a number.
    case badContentLength(String)
    /// The file ends before the record does (`Content-Length` runs past the end of file).
    case truncated(declared: Int, available: Int)
    /// The content block is not followed by the blank line that ends a record: its
    /// `Content-Length` does not match the bytes.
    case missingRecordEnd
    /// The record is larger than `WarcReader.Options.maxRecordBytes`; it was skipped.
    case recordTooLarge(bytes: Int, limit: Int)
    /// A gzip member is corrupt or cut short.
    case corruptGzip(String)
    /// Bytes between gzip members that are not a gzip member.
    case notGzip
    /// The HTTP block of a response record has no valid status line or header block.
    case badHTTP(String)
    /// The HTTP body's `Content-Encoding` could not be undone (corrupt, unknown, too large).
    case badContentEncoding(String)

    public var description: String {
        switch self {
        case .badVersionLine(let line): return "not a WARC record start: \(line.debugDescription)"
        case .badHeader(let why): return "bad WARC header: \(why)"
        case .headerTooLarge(let limit): return "WARC header larger than \(limit) bytes"
        case .badContentLength(let value): return "bad Content-Length: \(value.debugDescription)"
        case .truncated(let declared, let available):
            return "truncated record: Content-Length \(declared), only \(available) bytes left"
        case .missingRecordEnd: return "Content-Length does not match: no blank line after the block"
        case .recordTooLarge(let bytes, let limit): return "record of \(bytes) bytes over limit \(limit)"
        case .corruptGzip(let why): return "corrupt gzip member: \(why)"
        case .notGzip: return "bytes between gzip members are not gzip"
        case .badHTTP(let why): return "bad HTTP response: \(why)"
        case .badContentEncoding(let why): return "bad Content-Encoding: \(why)"
        }
    }
}

/// A stretch of a WARC file that could not be read; the reader went on after it.
///
/// ```swift
/// case .damaged(let damage): print("damaged record at offset \(damage.offset): \(damage.error)")
/// ```
public struct WarcDamage: Sendable, Equatable, CustomStringConvertible {
    /// Where the damage starts in the file as stored (same meaning as `WarcRecord.offset`;
    /// for garbage between gzip members, the offset of the first garbage byte).
    public var offset: Int
    /// Where the damage starts in the decompressed stream.
    public var streamOffset: Int
    /// What was wrong.
    public var error: WarcError

    public var description: String { "offset \(offset): \(error)" }
}

/// What `WarcReader.next()` yields: a record, or a report of damage that was skipped.
///
/// ```swift
/// switch try reader.next() {
/// case .record(let record)?: print(record.targetURI ?? "-")
/// case .damaged(let damage)?: print("skipped damage at \(damage.offset)")
/// case nil: print("end of file")
/// }
/// ```
public enum WarcEvent: Sendable, Equatable {
    /// A record read whole.
    case record(WarcRecord)
    /// A damaged stretch of the file, skipped; reading goes on after it.
    case damaged(WarcDamage)
}

/// Counts of what a WARC file held.
///
/// ```swift
/// var stats = WarcStats()
/// while let event = try reader.next() { stats.add(event) }
/// print(stats.records, stats.html, stats.skipped, stats.damagedOffsets)
/// ```
public struct WarcStats: Sendable, Equatable {
    /// Records read whole (every type).
    public var records = 0
    /// Records whose payload is HTML (`WarcRecord.isHTML`).
    public var html = 0
    /// Records read but not HTML (warcinfo, request, images, unreadable HTTP …).
    public var skipped = 0
    /// Every damage report, in file order.
    public var damaged: [WarcDamage] = []

    /// All counts zero.
    public init() {}

    /// The offsets of the damaged stretches.
    public var damagedOffsets: [Int] { damaged.map(\.offset) }

    /// Counts one event.
    public mutating func add(_ event: WarcEvent) {
        switch event {
        case .record(let record):
            records += 1
            if record.isHTML { html += 1 } else { skipped += 1 }
        case .damaged(let damage):
            damaged.append(damage)
        }
    }
}

enum WarcSniffer {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let htmlStarts: [[UInt8]] = [Array("<!doctype html".utf8), Array("<html".utf8)]
    static let sniffWindow = 1024

    /// True when `bytes` start (after a BOM and white space) with `<!doctype html` or `<html`.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.starts(with: byteOrderMark) { index = byteOrderMark.count }
        let end = min(bytes.count, sniffWindow)
        while index < end, bytes[index].warcIsSpace { index += 1 }
        let rest = bytes[index..<end].lazy.map(\.warcLowercased)
        return htmlStarts.contains { rest.starts(with: $0) }
    }
}

extension UInt8 {
    var warcIsSpace: Bool {
        self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") || self == UInt8(ascii: "\r")
            || self == UInt8(ascii: "\n") || self == UInt8(ascii: "\u{0C}")
    }
    var warcLowercased: UInt8 {
        (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z")) ? self | UInt8(ascii: " ") : self
    }
}

extension StringProtocol {
    func warcTrimmed() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
