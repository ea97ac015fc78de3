#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NewsCleaner

/// Where raw (possibly compressed) bytes come from.
protocol WarcByteInput: AnyObject {
    /// Reads up to `buffer.count` bytes; 0 means end of input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// A file descriptor, read with `read(2)`; closed on deinit only when owned.
final class FileDescriptorInput: WarcByteInput {
    let fd: Int32
    let owned: Bool
    init(fd: Int32, owned: Bool) {
        self.fd = fd
        self.owned = owned
    }
    deinit { if owned { _ = close(fd) } }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw WarcReadFailure(errno: errno)
        }
    }
}

/// Bytes already in memory.
final class MemoryInput: WarcByteInput {
    let bytes: [UInt8]
    var position = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { all in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[position..<(position + count)]))
        }
        position += count
        return count
    }
}

/// A read(2) failure: the only error `WarcReader.next()` throws.
///
/// ```swift
/// do { _ = try reader.next() } catch let failure as WarcReadFailure { print(failure.errno) }
/// ```
public struct WarcReadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `errno` of the failed call.
    public var errno: Int32
    public var description: String { "read failed: \(String(cString: strerror(errno)))" }
}

/// Appends up to `count` bytes read from `input` to `buffer`; returns how many came (0 = end).
func appendRead(from input: WarcByteInput, to buffer: inout [UInt8], count: Int) throws -> Int {
    // Read into scratch memory, then one contiguous append (a memcpy): no per-byte zero fill.
    try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { scratch in
        let got = try input.read(into: UnsafeMutableRawBufferPointer(scratch))
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<got]))
        return got
    }
}

/// A point where the decompressed stream is broken (corrupt member, garbage between members).
struct StreamBreak {
    /// File offset of the damage.
    var fileOffset: Int
    var error: WarcError
}

/// What one read of decompressed bytes gave.
enum SourceRead {
    case data(Int)
    case end
    case broken(StreamBreak)
}

/// The decompressed byte stream of a WARC file.
protocol WarcStreamSource: AnyObject {
    /// Appends at most `max` decompressed bytes to `buffer`.
    func read(into buffer: inout [UInt8], max: Int) throws -> SourceRead
    /// After `.broken`: skip to the next place where good data starts.
    func resync() throws
    /// Decompressed bytes delivered so far.
    var streamOffset: Int { get }
    /// The file offset to report for a record starting at `streamOffset`.
    func fileOffset(forStream streamOffset: Int) -> Int
    /// True when a gzip member starts exactly at `streamOffset`.
    func isMemberStart(stream streamOffset: Int) -> Bool
    /// Forget bookkeeping for stream offsets below `streamOffset`.
    func forget(before streamOffset: Int)
    /// The stream offset of the first gzip member that starts in `range`, if any.
    func firstMemberStart(inStream range: Range<Int>) -> Int?
}

/// An uncompressed file: the stream is the file.
final class PlainSource: WarcStreamSource {
    let input: WarcByteInput
    var prefix: [UInt8]
    private(set) var streamOffset = 0

    init(input: WarcByteInput, prefix: [UInt8]) {
        self.input = input
        self.prefix = prefix
    }

    func read(into buffer: inout [UInt8], max: Int) throws -> SourceRead {
        if !prefix.isEmpty {
            let count = min(max, prefix.count)
            buffer.append(contentsOf: prefix[0..<count])
            prefix.removeFirst(count)
            streamOffset += count
            return .data(count)
        }
        let got = try appendRead(from: input, to: &buffer, count: max)
        streamOffset += got
        return got == 0 ? .end : .data(got)
    }

    func resync() throws {}
    func fileOffset(forStream streamOffset: Int) -> Int { streamOffset }
    func isMemberStart(stream streamOffset: Int) -> Bool { false }
    func forget(before streamOffset: Int) {}
    func firstMemberStart(inStream range: Range<Int>) -> Int? { nil }
}

/// A gzip file: one member over the whole file, or one member per record (Common Crawl), or
/// anything between. Members are inflated one after the other; a corrupt member or garbage
/// between members breaks the stream, and `resync` finds the next member that inflates to a
/// `WARC/` line.
final class GzipMemberSource: WarcStreamSource {
    static let magic: [UInt8] = [0x1f, 0x8b, 0x08]
    static let warcMagic = Array("WARC/".utf8)
    /// Compressed bytes a trial inflate may use to show a `WARC/` line.
    static let trialInputLimit = 1 << 16

    let input: WarcByteInput
    let chunkSize: Int
    /// Compressed bytes kept from the current member's start, so that a corrupt member can be
    /// rescanned from just after its start; past this, only the unread part is kept.
    let retainLimit: Int

    private var compressed: [UInt8]
    /// File offset of `compressed[0]`.
    private var base = 0
    /// Index in `compressed` of the next unread byte.
    private var cursor = 0
    private var inputEnded = false

    private var inflater: Inflater
    private var inMember = false
    private var memberStart = 0
    private var retainingMember = true
    private var pendingBreak: StreamBreak?
    private var lastBreak: StreamBreak?
    private var done = false

    private(set) var streamOffset = 0
    /// (file offset, stream offset) of recent member starts, oldest first.
    private var memberStarts: [(file: Int, stream: Int)] = []

    init(input: WarcByteInput, prefix: [UInt8], chunkSize: Int, retainLimit: Int) throws {
        self.input = input
        self.compressed = prefix
        self.chunkSize = chunkSize
        self.retainLimit = retainLimit
        self.inflater = try Inflater(format: .gzip)
    }

    // MARK: compressed buffer

    private var keepFrom: Int {
        inMember && retainingMember ? memberStart : base + cursor
    }

    /// Makes sure `count` bytes from file offset `from` are buffered; false at end of input.
    /// Bytes before `keep` may be dropped.
    private func ensure(from: Int, count: Int, keep: Int) throws -> Bool {
        while base + compressed.count < from + count {
            if inputEnded { return false }
            let drop = keep - base
            if drop > 0 && drop >= compressed.count / 2 {
                compressed.removeFirst(drop)
                base += drop
                cursor -= drop
            }
            if try appendRead(from: input, to: &compressed, count: chunkSize) == 0 { inputEnded = true }
        }
        return true
    }

    private func byte(at fileOffset: Int) -> UInt8 { compressed[fileOffset - base] }

    private func magicAt(_ fileOffset: Int) -> Bool {
        let magic = GzipMemberSource.magic
        return (0..<magic.count).allSatisfy { byte(at: fileOffset + $0) == magic[$0] }
    }

    // MARK: reading

    func read(into buffer: inout [UInt8], max: Int) throws -> SourceRead {
        if let broken = pendingBreak {
            pendingBreak = nil
            return .broken(broken)
        }
        if done { return .end }
        let before = buffer.count
        while buffer.count == before {
            if !inMember {
                let here = base + cursor
                if try ensure(from: here, count: GzipMemberSource.magic.count, keep: here), magicAt(here) {
                    try inflater.reset()
                    inMember = true
                    retainingMember = true
                    memberStart = here
                    memberStarts.append((file: here, stream: streamOffset))
                } else if try isZeroPaddingToEnd(from: here) {
                    done = true
                    return .end
                } else {
                    return brokenAfter(data: 0, StreamBreak(fileOffset: here, error: .notGzip))
                }
            }
            if cursor >= compressed.count {
                if try !ensure(from: base + cursor, count: 1, keep: keepFrom) {
                    inMember = false
                    return brokenAfter(data: buffer.count - before,
                                       StreamBreak(fileOffset: memberStart,
                                                   error: .corruptGzip("member cut short by the end of the file")))
                }
            }
            let step: Inflater.Step
            do {
                step = try compressed.withUnsafeBytes { all in
                    try inflater.inflate(UnsafeRawBufferPointer(rebasing: all[cursor...]), into: &buffer,
                                         maxOutput: max - (buffer.count - before))
                }
            } catch {
                inMember = false
                return brokenAfter(data: buffer.count - before,
                                   StreamBreak(fileOffset: memberStart, error: .corruptGzip("\(error)")))
            }
            cursor += step.consumed
            if step.consumed == 0 && step.produced == 0 && !step.finished && cursor < compressed.count {
                inMember = false
                return brokenAfter(data: buffer.count - before,
                                   StreamBreak(fileOffset: memberStart, error: .corruptGzip("zlib made no progress")))
            }
            if step.finished {
                inMember = false
            } else if base + cursor - memberStart > retainLimit {
                retainingMember = false
            }
        }
        let produced = buffer.count - before
        streamOffset += produced
        return .data(produced)
    }

    /// Returns the data read so far now and the break on the next call, or the break now.
    private func brokenAfter(data: Int, _ broken: StreamBreak) -> SourceRead {
        lastBreak = broken
        if data > 0 {
            streamOffset += data
            pendingBreak = broken
            return .data(data)
        }
        return .broken(broken)
    }

    /// True when only zero bytes remain (padding some tools add).
    private func isZeroPaddingToEnd(from: Int) throws -> Bool {
        var offset = from
        while try ensure(from: offset, count: 1, keep: from) {
            if byte(at: offset) != 0 { return false }
            offset += 1
        }
        cursor = offset - base
        return true
    }

    func resync() throws {
        pendingBreak = nil
        var candidate = base + cursor
        if let broken = lastBreak {
            if broken.error == .notGzip {
                candidate = broken.fileOffset + 1
            } else if memberStart >= base {
                // The member's compressed bytes are still here: rescan from just after its start.
                candidate = memberStart + 1
            }
        }
        lastBreak = nil
        inMember = false
        let magic = GzipMemberSource.magic
        while try ensure(from: candidate, count: magic.count, keep: candidate) {
            if magicAt(candidate), try trialInflateShowsWarc(from: candidate) {
                cursor = candidate - base
                return
            }
            candidate += 1
        }
        cursor = compressed.count
        done = true
    }

    /// Inflates a little from `from` and checks that the output starts with `WARC/`.
    private func trialInflateShowsWarc(from: Int) throws -> Bool {
        let trial = try Inflater(format: .gzip)
        var output = [UInt8]()
        var offset = from
        let wanted = GzipMemberSource.warcMagic.count
        while output.count < wanted && offset - from < GzipMemberSource.trialInputLimit {
            guard try ensure(from: offset, count: 1, keep: from) else { break }
            let step: Inflater.Step
            do {
                step = try compressed.withUnsafeBytes { all in
                    try trial.inflate(UnsafeRawBufferPointer(rebasing: all[(offset - base)...]), into: &output,
                                      maxOutput: wanted)
                }
            } catch {
                return false
            }
            offset += step.consumed
            if step.finished || (step.consumed == 0 && step.produced == 0) { break }
        }
        return output.starts(with: GzipMemberSource.warcMagic)
    }

    func fileOffset(forStream streamOffset: Int) -> Int {
        memberStarts.last { $0.stream <= streamOffset }?.file ?? 0
    }

    func isMemberStart(stream streamOffset: Int) -> Bool {
        memberStarts.contains { $0.stream == streamOffset }
    }

    func firstMemberStart(inStream range: Range<Int>) -> Int? {
        memberStarts.first { range.contains($0.stream) }?.stream
    }

    func forget(before streamOffset: Int) {
        guard let keep = memberStarts.lastIndex(where: { $0.stream <= streamOffset }), keep > 0 else { return }
        memberStarts.removeFirst(keep)
    }
}
