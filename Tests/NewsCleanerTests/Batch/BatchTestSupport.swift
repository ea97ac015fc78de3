#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A fresh directory under /tmp for one test, removed by `remove()`.
struct BatchTestDirectory {
    let path: String

    init(_ label: String = "batch") {
        var template = Array("/tmp/newsclean-\(label)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
    }

    func url(_ relative: String) -> String { path + "/" + relative }

    /// Writes `bytes` at `relative`, creating parent directories.
    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) -> String {
        let full = url(relative)
        let parent = (full as NSString).deletingLastPathComponent
        try! FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: full, contents: Data(bytes)))
        return full
    }

    @discardableResult
    func write(_ relative: String, _ text: String) -> String { write(relative, Array(text.utf8)) }

    func mkdir(_ relative: String) {
        try! FileManager.default.createDirectory(atPath: url(relative), withIntermediateDirectories: true)
    }

    func symlink(_ relative: String, to target: String) {
        precondition(Glibc.symlink(target, url(relative)) == 0)
    }

    /// Every path below the directory (relative, sorted), hidden files included.
    func allFiles(below relative: String = "") -> [String] {
        let root = relative.isEmpty ? path : url(relative)
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        return (enumerator.allObjects as? [String] ?? []).sorted()
    }

    func remove() {
        // Restore permissions a test may have removed, then delete.
        _ = chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }
}

enum TestGzip {
    /// A valid gzip stream of `bytes` using stored (uncompressed) deflate blocks, so tests can
    /// make .gz inputs without zlib or an external gzip.
    static func stored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]
        var offset = 0
        repeat {
            let count = min(65535, bytes.count - offset)
            let final: UInt8 = offset + count == bytes.count ? 1 : 0
            out.append(final)
            out.append(UInt8(count & 0xff)); out.append(UInt8(count >> 8))
            out.append(UInt8(~count & 0xff)); out.append(UInt8((~count >> 8) & 0xff))
            out.append(contentsOf: bytes[offset..<offset + count])
            offset += count
        } while offset < bytes.count
        for value in [crc32(bytes), UInt32(truncatingIfNeeded: bytes.count)] {
            for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((value >> UInt32(shift)) & 0xff)) }
        }
        return out
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xedb8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}

/// Deterministic pseudo-random bytes (xorshift), for "binary file" inputs.
func pseudoRandomBytes(_ count: Int, seed: UInt64 = 0x9e37_79b9_7f4a_7c15) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return UInt8(truncatingIfNeeded: state)
    }
}
