import CZlib

/// A streaming zlib inflater: feed compressed bytes piece by piece, get decompressed bytes out.
///
/// Unlike `Gzip.decompress`, it never needs the whole input in memory, and it stops at the end
/// of one gzip member so that the caller knows where members begin (per-record gzip WARC files).
///
/// ```swift
/// let inflater = try Inflater(format: .gzip)
/// var out = [UInt8]()
/// let step = try compressed.withUnsafeBytes { try inflater.inflate($0, into: &out, maxOutput: 1 << 20) }
/// if step.finished { try inflater.reset() }   // ready for the next member
/// ```
package final class Inflater {
    /// The wrapper around the deflate data.
    ///
    /// ```swift
    /// let body = try Inflater.decompress(bytes, format: .zlib, limit: 64 << 20)
    /// ```
    package enum Format: Sendable, Equatable {
        /// A gzip member (RFC 1952), CRC checked.
        case gzip
        /// A zlib stream (RFC 1950), as HTTP `Content-Encoding: deflate` should be.
        case zlib
        /// Raw deflate (RFC 1951), as some servers send for `deflate`.
        case raw
        /// gzip or zlib, told apart by the header.
        case auto

        var windowBits: Int32 {
            switch self {
            case .gzip: return Inflater.maxWindowBits + Inflater.gzipWindowFlag
            case .zlib: return Inflater.maxWindowBits
            case .raw: return -Inflater.maxWindowBits
            case .auto: return Inflater.maxWindowBits + Inflater.autoWindowFlag
            }
        }
    }

    /// One call's progress.
    ///
    /// ```swift
    /// let step = try inflater.inflate(input, into: &out, maxOutput: 1 << 16)
    /// input = UnsafeRawBufferPointer(rebasing: input[step.consumed...])
    /// ```
    package struct Step: Sendable, Equatable {
        /// Input bytes used.
        package var consumed: Int
        /// Output bytes appended.
        package var produced: Int
        /// True when the end of the stream (one gzip member) was reached.
        package var finished: Bool
    }

    static let maxWindowBits: Int32 = 15
    static let gzipWindowFlag: Int32 = 16
    static let autoWindowFlag: Int32 = 32
    static let scratchSize = 1 << 16
    nonisolated(unsafe) static let emptyInput = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

    package let format: Format
    private let stream: UnsafeMutablePointer<z_stream>
    private var scratch: [UInt8]

    /// Starts an inflater.
    /// - Throws: `CleanerError.corruptCompression` when zlib cannot start.
    package init(format: Format = .gzip) throws {
        self.format = format
        // zlib keeps a pointer back to the z_stream, so it must live at a fixed address.
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        scratch = [UInt8](repeating: 0, count: Inflater.scratchSize)
        guard newscleaner_inflateInit2(stream, format.windowBits) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw CleanerError.corruptCompression("zlib could not start")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Forgets the current stream so the next bytes start a new one (the next gzip member).
    package func reset() throws {
        guard inflateReset(stream) == Z_OK else {
            throw CleanerError.corruptCompression("zlib reset failed")
        }
    }

    /// Inflates from `input`, appending at most `maxOutput` bytes to `output`.
    ///
    /// Stops when the stream ends, when the input is used up, or when `maxOutput` bytes were
    /// produced (call again with the unconsumed rest).
    /// - Throws: `CleanerError.corruptCompression` for corrupt data (bad header, bad CRC …).
    package func inflate(_ input: UnsafeRawBufferPointer, into output: inout [UInt8], maxOutput: Int) throws -> Step {
        var step = Step(consumed: 0, produced: 0, finished: false)
        // With no input, zlib may still hold output from the previous call: flush it.
        let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(Inflater.emptyInput)
        while step.produced < maxOutput {
            let room = min(Inflater.scratchSize, maxOutput - step.produced)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: base + step.consumed)
            stream.pointee.avail_in = UInt32(clamping: input.count - step.consumed)
            let availBefore = Int(stream.pointee.avail_in)
            let status = scratch.withUnsafeMutableBufferPointer { out -> Int32 in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = UInt32(room)
                return CZlib.inflate(stream, Z_NO_FLUSH)
            }
            let produced = room - Int(stream.pointee.avail_out)
            step.consumed += availBefore - Int(stream.pointee.avail_in)
            if produced > 0 {
                output.append(contentsOf: scratch[0..<produced])
                step.produced += produced
            }
            switch status {
            case Z_STREAM_END:
                step.finished = true
                return step
            case Z_OK:
                // Output room left over means zlib wants more input.
                if stream.pointee.avail_out > 0 && step.consumed == input.count { return step }
            case Z_BUF_ERROR:
                return step
            default:
                throw CleanerError.corruptCompression(message(status))
            }
        }
        return step
    }

    /// Decompresses one whole stream held in memory.
    ///
    /// - Parameters:
    ///   - limit: refuse output larger than this (`CleanerError.tooLarge`).
    ///   - allowTruncated: return what was decoded when the input stops before the stream end
    ///     (otherwise `CleanerError.corruptCompression`).
    package static func decompress(_ input: [UInt8], format: Format, limit: Int = Int.max,
                                  allowTruncated: Bool = false) throws -> [UInt8] {
        let inflater = try Inflater(format: format)
        var output = [UInt8]()
        var offset = 0
        while true {
            let step = try input.withUnsafeBytes { all in
                try inflater.inflate(UnsafeRawBufferPointer(rebasing: all[offset...]), into: &output,
                                     maxOutput: scratchSize)
            }
            offset += step.consumed
            if output.count > limit { throw CleanerError.tooLarge(bytes: output.count, limit: limit) }
            if step.finished { return output }
            if step.produced == 0 && step.consumed == 0 {
                if allowTruncated { return output }
                throw CleanerError.corruptCompression("truncated stream after \(output.count) bytes")
            }
        }
    }

    private func message(_ status: Int32) -> String {
        if let msg = stream.pointee.msg { return String(cString: msg) }
        return "zlib status \(status)"
    }
}

extension Gzip {
    /// zlib's default compression level.
    package static let defaultLevel: Int32 = 6
    static let deflateChunk = 1 << 16

    /// Compresses `input` into one gzip member (used to build test fixtures and WARC files).
    ///
    /// ```swift
    /// let member = try Gzip.compress(Array("WARC/1.1\r\n".utf8))
    /// ```
    /// - Parameter level: zlib level, 0 (store) to 9 (smallest).
    package static func compress(_ input: [UInt8], level: Int32 = defaultLevel) throws -> [UInt8] {
        try compress(input, level: level, windowBits: Inflater.maxWindowBits + Inflater.gzipWindowFlag)
    }

    /// Compresses `input` as a zlib stream (HTTP `Content-Encoding: deflate`).
    package static func compressZlib(_ input: [UInt8], level: Int32 = defaultLevel) throws -> [UInt8] {
        try compress(input, level: level, windowBits: Inflater.maxWindowBits)
    }

    private static func compress(_ input: [UInt8], level: Int32, windowBits: Int32) throws -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deinitialize(count: 1); stream.deallocate() }
        guard newscleaner_deflateInit2(stream, level, windowBits) == Z_OK else {
            throw CleanerError.corruptCompression("zlib deflate could not start")
        }
        defer { deflateEnd(stream) }
        var output = [UInt8]()
        var scratch = [UInt8](repeating: 0, count: deflateChunk)
        try input.withUnsafeBufferPointer { inBuf in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.pointee.avail_in = UInt32(inBuf.count)
            var status = Z_OK
            repeat {
                status = scratch.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = UInt32(deflateChunk)
                    return deflate(stream, Z_FINISH)
                }
                output.append(contentsOf: scratch[0..<(deflateChunk - Int(stream.pointee.avail_out))])
                if status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR {
                    throw CleanerError.corruptCompression("zlib deflate status \(status)")
                }
            } while status != Z_STREAM_END
        }
        return output
    }
}
