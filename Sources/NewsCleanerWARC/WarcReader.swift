import Foundation
import NewsCleaner

/// Reads WARC files (ISO 28500, WARC/1.0 and 1.1) record by record, in constant memory.
///
/// Uncompressed files, whole-file gzip and per-record gzip members (Common Crawl) are told
/// apart by their first bytes. Memory is bounded by the largest record plus one read chunk,
/// never by the file. Damage (garbage, a bad header, a `Content-Length` that does not match,
/// a corrupt gzip member, a file cut short) is reported as a `.damaged` event with its offset,
/// and reading goes on at the next good record.
///
/// ```swift
/// let reader = try WarcReader(path: "CC-MAIN-…-00000.warc.gz")
/// var stats = WarcStats()
/// while let event = try reader.next() {
///     stats.add(event)
///     guard case .record(let record) = event, record.isHTML else { continue }
///     let article = try Cleaner().clean(html: record.payload, url: record.targetURI,
///                                       encoding: record.charsetHint)
/// }
/// ```
public final class WarcReader {
    /// Limits and buffer sizes.
    ///
    /// ```swift
    /// var options = WarcReader.Options()
    /// options.maxRecordBytes = 64 << 20
    /// let reader = WarcReader(fileDescriptor: STDIN_FILENO, options: options)
    /// ```
    public struct Options: Sendable, Equatable {
        /// Bytes read from the input at a time (1 MiB).
        public var chunkSize = 1 << 20
        /// Largest WARC header block accepted (64 KiB); larger is damage.
        public var maxHeaderBytes = 1 << 16
        /// Largest content block held in memory (256 MiB); a larger record is skipped and
        /// reported as `WarcError.recordTooLarge`.
        public var maxRecordBytes = 1 << 28
        /// Largest HTTP body after undoing `Content-Encoding` (64 MiB).
        public var maxBodyBytes = 1 << 26
        /// Compressed bytes kept from the start of the current gzip member so that a corrupt
        /// member can be rescanned for the next good one (8 MiB).
        public var resyncWindow = 1 << 23
        /// Parse the HTTP block of `response` records.
        public var parseHTTP = true

        /// The defaults above.
        public init() {}
    }

    /// How the file is stored, known once the first bytes are read.
    ///
    /// ```swift
    /// _ = try reader.next()
    /// if reader.compression == .gzip { print("gzip members") }
    /// ```
    public enum Compression: Sendable, Equatable {
        /// Not yet known (nothing read).
        case unknown
        /// Plain WARC.
        case none
        /// gzip: one member per record, one over the whole file, or anything between.
        case gzip
    }

    static let crlf = Array("\r\n".utf8)
    static let recordEnd = Array("\r\n\r\n".utf8)
    static let versionPrefix = Array("WARC/".utf8)
    static let resyncPattern = Array("WARC/1.".utf8)
    static let shownGarbageBytes = 40
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    /// The limits this reader works with.
    public let options: Options
    /// How the input is stored (`.unknown` until the first `next()`).
    public private(set) var compression: Compression = .unknown

    private let input: WarcByteInput
    private var source: WarcStreamSource?

    /// Decompressed bytes not yet consumed are `buffer[position...]`.
    private var buffer: [UInt8] = []
    private var position = 0
    /// Stream offset of `buffer[0]`.
    private var bufferStream = 0
    private var state: SourceState = .open

    private enum SourceState {
        case open
        case ended
        case broken(StreamBreak)
    }

    /// Reads from a file descriptor it does not own (e.g. `STDIN_FILENO`).
    public init(fileDescriptor: Int32, options: Options = Options()) {
        self.input = FileDescriptorInput(fd: fileDescriptor, owned: false)
        self.options = options
    }

    /// Reads from a `FileHandle` (e.g. `FileHandle.standardInput`); the handle stays open.
    public convenience init(fileHandle: FileHandle, options: Options = Options()) {
        self.init(fileDescriptor: fileHandle.fileDescriptor, options: options)
    }

    /// Opens the file at `path` (closed when the reader goes away).
    /// - Throws: `WarcReadFailure` when the file cannot be opened.
    public init(path: String, options: Options = Options()) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw WarcReadFailure(errno: errno) }
        self.input = FileDescriptorInput(fd: fd, owned: true)
        self.options = options
    }

    /// Reads WARC bytes already in memory.
    public init(bytes: [UInt8], options: Options = Options()) {
        self.input = MemoryInput(bytes)
        self.options = options
    }

    /// True when `prefix` (the first bytes of a file) starts a WARC: a `WARC/` line, or a gzip
    /// member that inflates to one.
    public static func looksLikeWarc(_ prefix: [UInt8]) -> Bool {
        if prefix.starts(with: versionPrefix) { return true }
        guard Gzip.isGzip(prefix),
              let head = try? Inflater.decompress(prefix, format: .gzip, limit: Int.max, allowTruncated: true)
        else { return false }
        return head.starts(with: versionPrefix)
    }

    // MARK: iteration

    /// The next record or damage report; nil at the end of the input.
    /// - Throws: `WarcReadFailure` only, when reading the input fails. Damage in the file is
    ///   never thrown: it comes as `.damaged`.
    public func next() throws -> WarcEvent? {
        if source == nil { try start() }
        while true {
            compact()
            // Blank lines between records are tolerated.
            while true {
                guard try ensure(1) else { break }
                let byte = buffer[position]
                guard byte == WarcReader.carriageReturn || byte == WarcReader.lineFeed else { break }
                position += 1
            }
            guard try ensure(1) else {
                switch state {
                case .ended, .open:
                    return nil
                case .broken(let broken):
                    return try recover(from: broken, recordStart: nil)
                }
            }
            if let event = try readRecord() { return event }
        }
    }

    private func start() throws {
        var prefix = [UInt8]()
        while prefix.count < GzipMemberSource.magic.count {
            if try appendRead(from: input, to: &prefix, count: GzipMemberSource.magic.count - prefix.count) == 0 {
                break
            }
        }
        if Gzip.isGzip(prefix) {
            compression = .gzip
            source = try GzipMemberSource(input: input, prefix: prefix, chunkSize: options.chunkSize,
                                          retainLimit: options.resyncWindow)
        } else {
            compression = .none
            source = PlainSource(input: input, prefix: prefix)
        }
    }

    /// Reads one record at `position`; nil when it was skipped without an event.
    private func readRecord() throws -> WarcEvent? {
        let start = position
        let startStream = bufferStream + start
        // 1. The version line.
        let versionLength = WarcReader.versionPrefix.count
        if try !ensure(versionLength) || !buffer[start..<(start + versionLength)].elementsEqual(WarcReader.versionPrefix) {
            if try !ensure(versionLength), case .broken(let broken) = state {
                return try recover(from: broken, recordStart: start)
            }
            let shown = String(decoding: buffer[start..<min(buffer.count, start + WarcReader.shownGarbageBytes)], as: UTF8.self)
            return try damage(at: start, .badVersionLine(shown), resyncFrom: start + 1)
        }
        // 2. The header block, up to the blank line.
        guard let (headerEnd, contentStart) = try findHeaderEnd(from: start) else {
            if case .broken(let broken) = state { return try recover(from: broken, recordStart: start) }
            if buffer.count - start > options.maxHeaderBytes {
                return try damage(at: start, .headerTooLarge(limit: options.maxHeaderBytes), resyncFrom: start + 1)
            }
            return try damage(at: start, .truncated(declared: 0, available: buffer.count - start),
                              resyncFrom: start + 1)
        }
        var lines = WarcHTTPParser.splitLines(buffer[start..<headerEnd])
        let version = lines.removeFirst().warcTrimmed()
        let headers: WarcHeaders
        do {
            headers = try WarcHTTPParser.parseHeaderLines(lines, httpContext: false)
        } catch {
            return try damage(at: start, error, resyncFrom: start + 1)
        }
        let lengthText = headers["Content-Length"] ?? ""
        guard let length = Int(lengthText), length >= 0 else {
            return try damage(at: start, .badContentLength(lengthText), resyncFrom: start + 1)
        }
        // 3. The content block, then the blank line that ends the record.
        let contentOffset = contentStart - start
        if length > options.maxRecordBytes {
            return try skipOversized(start: start, contentOffset: contentOffset, length: length)
        }
        guard try ensure(contentOffset + length) else {
            if case .broken(let broken) = state { return try recover(from: broken, recordStart: start) }
            return try damage(at: start, .truncated(declared: length, available: buffer.count - contentStart),
                              resyncFrom: contentStart)
        }
        let contentEnd = contentStart + length
        guard try recordEndFollows(contentEnd) else {
            if case .broken(let broken) = state, buffer.count < contentEnd + WarcReader.recordEnd.count {
                return try recover(from: broken, recordStart: start)
            }
            return try damage(at: start, .missingRecordEnd, resyncFrom: contentStart)
        }
        var record = WarcRecord(version: version, headers: headers,
                                offset: source!.fileOffset(forStream: startStream), streamOffset: startStream,
                                content: Array(buffer[contentStart..<contentEnd]), http: nil, httpError: nil)
        position = min(buffer.count, contentEnd + WarcReader.recordEnd.count)
        if options.parseHTTP && record.type == .response {
            do {
                record.http = try WarcHTTPParser.parse(record.content, maxBodyBytes: options.maxBodyBytes)
            } catch {
                record.httpError = error
                // Keep the status line and headers when only the body failed, so the record
                // can still be recognised as an HTML response that was lost.
                if var head = try? WarcHTTPParser.parseHead(record.content) {
                    head.body = []
                    record.http = head
                }
            }
        }
        return .record(record)
    }

    /// True when CRLF CRLF follows the content block, or the input ends there (a last record
    /// without its closing blank line is accepted).
    private func recordEndFollows(_ contentEnd: Int) throws -> Bool {
        let need = contentEnd + WarcReader.recordEnd.count - position
        if try ensure(need) {
            return buffer[contentEnd..<(contentEnd + WarcReader.recordEnd.count)].elementsEqual(WarcReader.recordEnd)
        }
        guard case .ended = state else { return false }
        let tail = buffer[contentEnd...]
        return WarcReader.recordEnd.starts(with: tail)
    }

    /// Skips a record larger than `maxRecordBytes` without holding it, streaming past its
    /// content. A bogus `Content-Length` (10^12) must not swallow the records after it: the skip
    /// stops at the next gzip member that starts with `WARC/`, or at a `WARC/1.` line right after
    /// a blank line (CRLF CRLF, how every record ends), and reading resumes there. (A record
    /// whose content itself embeds a WARC would be cut there too; such records are rare and
    /// over the limit anyway.)
    private func skipOversized(start: Int, contentOffset: Int, length: Int) throws -> WarcEvent? {
        let startStream = bufferStream + start
        let offset = source!.fileOffset(forStream: startStream)
        let boundary = WarcReader.recordEnd + WarcReader.resyncPattern
        let tooLarge = WarcEvent.damaged(WarcDamage(offset: offset, streamOffset: startStream,
                                                    error: .recordTooLarge(bytes: length, limit: options.maxRecordBytes)))
        position = start + contentOffset
        var remaining = length
        var skipped = 0
        while remaining > 0 {
            guard try ensure(boundary.count) else {
                if case .broken(let broken) = state { return try recover(from: broken, recordStart: nil) }
                position = buffer.count
                return .damaged(WarcDamage(offset: offset, streamOffset: startStream,
                                           error: .truncated(declared: length, available: skipped + (buffer.count - position))))
            }
            let step = min(remaining, buffer.count - position - boundary.count + 1)
            let streamStart = bufferStream + position
            if let member = source!.firstMemberStart(inStream: (streamStart + 1)..<(streamStart + step)),
               buffer[(member - bufferStream)...].starts(with: WarcReader.versionPrefix) {
                // A member that broke mid-way is one damage report, not two.
                if case .broken(let broken) = state { return try recover(from: broken, recordStart: start) }
                position = member - bufferStream
                return tooLarge
            }
            var index = position
            let end = position + step
            while index < end {
                if buffer[index] == WarcReader.carriageReturn,
                   buffer[index..<(index + boundary.count)].elementsEqual(boundary) {
                    if case .broken(let broken) = state { return try recover(from: broken, recordStart: start) }
                    position = index + WarcReader.recordEnd.count
                    return tooLarge
                }
                index += 1
            }
            position = end
            remaining -= step
            skipped += step
            compact()
        }
        if try ensure(WarcReader.recordEnd.count),
           buffer[position..<(position + WarcReader.recordEnd.count)].elementsEqual(WarcReader.recordEnd) {
            position += WarcReader.recordEnd.count
        }
        return tooLarge
    }

    // MARK: damage

    /// Reports damage at `start` and moves to the next `WARC/1.` at a line start after `from`.
    private func damage(at start: Int, _ error: WarcError, resyncFrom from: Int) throws -> WarcEvent {
        let startStream = bufferStream + start
        let event = WarcDamage(offset: source!.fileOffset(forStream: startStream), streamOffset: startStream,
                               error: error)
        try scanForRecordStart(from: from)
        return .damaged(event)
    }

    /// The stream broke (corrupt gzip member, garbage between members): report the record in
    /// progress (or the break itself), drop what was buffered, and let the source resync.
    private func recover(from broken: StreamBreak, recordStart: Int?) throws -> WarcEvent {
        var event = WarcDamage(offset: broken.fileOffset, streamOffset: bufferStream + buffer.count,
                               error: broken.error)
        if let start = recordStart {
            let startStream = bufferStream + start
            event.streamOffset = startStream
            event.offset = source!.fileOffset(forStream: startStream)
        }
        bufferStream += buffer.count
        buffer.removeAll(keepingCapacity: true)
        position = 0
        try source!.resync()
        bufferStream = source!.streamOffset
        state = .open
        return .damaged(event)
    }

    /// Moves `position` to the next `WARC/1.` that starts a line (or a gzip member) at or after
    /// `from`; to the end of the available data when there is none.
    private func scanForRecordStart(from: Int) throws {
        let pattern = WarcReader.resyncPattern
        var index = max(from, position)
        position = index
        while true {
            guard try ensure(index - position + pattern.count) else {
                // Keep the last bytes: they may be the start of a record cut by a break.
                position = max(position, buffer.count)
                return
            }
            if buffer[index] == pattern[0],
               buffer[index..<(index + pattern.count)].elementsEqual(pattern) {
                let lineStart = index == 0 ? bufferStream == 0 : buffer[index - 1] == WarcReader.lineFeed
                let memberStart = source!.isMemberStart(stream: bufferStream + index)
                if lineStart || memberStart {
                    position = index
                    return
                }
            }
            index += 1
            // Let compaction drop what was scanned, keeping one byte for the line-start check.
            if index - position > options.chunkSize {
                position = index - 1
                compact()
                index = position + 1
            }
        }
    }

    // MARK: buffer

    /// Makes `count` bytes available from `position`; false at the end of input or at a break.
    private func ensure(_ count: Int) throws -> Bool {
        while buffer.count - position < count {
            guard case .open = state else { return false }
            switch try source!.read(into: &buffer, max: max(options.chunkSize, count - (buffer.count - position))) {
            case .data:
                break
            case .end:
                state = .ended
            case .broken(let broken):
                state = .broken(broken)
            }
        }
        return true
    }

    /// Finds the blank line after the WARC header at `start`, reading more as needed.
    private func findHeaderEnd(from start: Int) throws -> (Int, Int)? {
        var searched = start
        while true {
            if let found = WarcHTTPParser.findHeaderEnd(buffer, from: searched) { return found }
            if buffer.count - start > options.maxHeaderBytes { return nil }
            searched = max(start, buffer.count - WarcReader.recordEnd.count)
            guard try ensure(buffer.count - position + 1) else { return nil }
        }
    }

    /// Drops consumed bytes once they are a good share of the buffer.
    private func compact() {
        guard position > 0, position >= buffer.count / 2 || position >= options.chunkSize else { return }
        buffer.removeFirst(position)
        bufferStream += position
        position = 0
        source?.forget(before: bufferStream)
    }
}
