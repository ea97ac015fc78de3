#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NewsCleaner

/// Reads one page's bytes from a file or standard input, gunzipping it when it starts with the
/// gzip magic number (whatever its name), with `maxBytes` as the limit both for the bytes read
/// and for the decompressed page.
///
/// ```swift
/// let page = try PageReader(maxBytes: 64 << 20).read("pages/a.html.gz")
/// let article = try Cleaner().clean(html: page.bytes)
/// ```
package struct PageReader: Sendable {
    package var maxBytes: Int

    package init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// The page, and how many bytes were read from disk (compressed size for gzip).
    package struct Page: Sendable {
        package var bytes: [UInt8]
        package var storedSize: Int
        package var wasGzip: Bool
    }

    /// Reads `path` (`-` for standard input).
    /// - Throws: `BatchError` (`.read`, `.notAFile`) or `CleanerError` (`.tooLarge`, `.corruptCompression`).
    package func read(_ path: String) throws -> Page {
        let raw: [UInt8]
        if path == "-" {
            raw = try readAll(fd: 0, path: path, knownSize: nil)
        } else {
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else { throw BatchError.system(.read, "cannot read", errno: errno) }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0 else { throw BatchError.system(.read, "cannot read", errno: errno) }
            let format = info.st_mode & S_IFMT
            switch format {
            case S_IFREG:
                if Int(info.st_size) > maxBytes {
                    throw CleanerError.tooLarge(bytes: Int(info.st_size), limit: maxBytes)
                }
            case S_IFIFO, S_IFCHR:
                // Named explicitly (`<(zcat …)`, /dev/stdin): read it as a stream.
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            case S_IFDIR:
                throw BatchError.system(.notAFile, "cannot read", errno: EISDIR)
            default:
                throw BatchError(.notAFile, "not a regular file")
            }
            raw = try readAll(fd: fd, path: path, knownSize: format == S_IFREG ? Int(info.st_size) : nil)
        }
        if Gzip.isGzip(raw) {
            return Page(bytes: try Gzip.decompress(raw, limit: maxBytes), storedSize: raw.count, wasGzip: true)
        }
        return Page(bytes: raw, storedSize: raw.count, wasGzip: false)
    }

    private func readAll(fd: Int32, path: String, knownSize: Int?) throws -> [UInt8] {
        var bytes = [UInt8]()
        var capacity = min(max(knownSize ?? 0, 0) + 1, maxBytes + 1)
        if capacity < 1 << 16 { capacity = min(1 << 16, maxBytes + 1) }
        bytes.reserveCapacity(capacity)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw BatchError.system(.read, "cannot read", errno: errno)
            }
            if n == 0 { break }
            if bytes.count + n > maxBytes {
                throw CleanerError.tooLarge(bytes: bytes.count + n, limit: maxBytes)
            }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }
}
