import CZlib

/// gzip decompression through zlib (the only file besides its siblings that imports `CZlib`).
///
/// ```swift
/// let html = try Gzip.decompress(compressedBytes, limit: 64 << 20)
/// ```
package enum Gzip {
    /// True when `bytes` start with the gzip magic number.
    package static func isGzip<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var it = bytes.makeIterator()
        return it.next() == 0x1f && it.next() == 0x8b
    }

    /// Decompresses a whole gzip stream (all members, as `gzip -d` does).
    ///
    /// - Parameter limit: refuse output larger than this many bytes (`CleanerError.tooLarge`).
    /// - Throws: `CleanerError.corruptCompression` for truncated or corrupt data.
    package static func decompress(_ input: [UInt8], limit: Int = Int.max) throws -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(min(limit, max(input.count * 4, 1 << 16)))
        var stream = z_stream()
        // 15 + 32: zlib window of 32 KiB, automatic gzip/zlib header detection.
        guard newscleaner_inflateInit2(&stream, 15 + 32) == Z_OK else {
            throw CleanerError.corruptCompression("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        try input.withUnsafeBufferPointer { inBuf in
            var offset = 0
            while offset < inBuf.count {
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress! + offset)
                stream.avail_in = UInt32(inBuf.count - offset)
                var status = Z_OK
                repeat {
                    status = buffer.withUnsafeMutableBufferPointer { outBuf -> Int32 in
                        stream.next_out = outBuf.baseAddress
                        stream.avail_out = UInt32(chunk)
                        return inflate(&stream, Z_NO_FLUSH)
                    }
                    let produced = chunk - Int(stream.avail_out)
                    if output.count + produced > limit {
                        throw CleanerError.tooLarge(bytes: output.count + produced, limit: limit)
                    }
                    output.append(contentsOf: buffer[0..<produced])
                    if status == Z_STREAM_END { break }
                    if status != Z_OK && status != Z_BUF_ERROR {
                        throw CleanerError.corruptCompression(zlibMessage(stream, status))
                    }
                    if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
                } while true
                let consumed = inBuf.count - offset - Int(stream.avail_in)
                offset += consumed
                if status == Z_STREAM_END {
                    // Another member may follow (concatenated gzip); trailing zero padding ends it.
                    let rest = inBuf[offset...]
                    if rest.isEmpty || rest.allSatisfy({ $0 == 0 }) { return }
                    guard inflateReset(&stream) == Z_OK else {
                        throw CleanerError.corruptCompression("zlib reset failed")
                    }
                    continue
                }
                throw CleanerError.corruptCompression("truncated stream after \(output.count) bytes")
            }
            throw CleanerError.corruptCompression("truncated stream after \(output.count) bytes")
        }
        return output
    }

    private static func zlibMessage(_ stream: z_stream, _ status: Int32) -> String {
        if let msg = stream.msg { return String(cString: msg) }
        return "zlib status \(status)"
    }
}
