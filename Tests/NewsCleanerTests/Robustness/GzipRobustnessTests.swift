import Foundation
import Testing
import NewsCleaner

/// Truncated and corrupt gzip input (issue 6, item 1): always `CleanerError.corruptCompression`
/// (or `.tooLarge` past the limit), never a crash, never partial output returned as success.
@Suite struct GzipRobustnessTests {
    /// A real gzip file from the AEB pages, with its decompressed bytes.
    static func sample() throws -> (compressed: [UInt8], plain: [UInt8]) {
        let id = try #require(TestPages.aebIDs.first)
        let compressed = [UInt8](try Data(contentsOf: TestPages.aebHTML.appendingPathComponent(id + TestPages.aebPageSuffix)))
        return (compressed, try Gzip.decompress(compressed))
    }

    /// Expects `Gzip.decompress(input)` to throw `CleanerError.corruptCompression`.
    static func expectCorrupt(_ input: [UInt8], _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let output = try Gzip.decompress(input)
            Issue.record("decompressed \(output.count) bytes instead of failing \(comment.map { "(\($0))" } ?? "")",
                         sourceLocation: sourceLocation)
        } catch CleanerError.corruptCompression(let why) {
            #expect(!why.isEmpty, sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(error) instead of corruptCompression \(comment.map { "(\($0))" } ?? "")", sourceLocation: sourceLocation)
        }
    }

    @Test func wholeFileRoundTrips() throws {
        let (compressed, plain) = try Self.sample()
        #expect(Gzip.isGzip(compressed))
        #expect(plain.count > compressed.count)
        #expect(String(decoding: plain, as: UTF8.self).lowercased().contains("<html"))
    }

    @Test func everyTruncationIsCorrupt() throws {
        let (compressed, _) = try Self.sample()
        // Every cut in the header and trailer, and a spread of cuts through the deflate data.
        let step = max(1, compressed.count / 97)
        let cuts = Set(Array(0..<min(32, compressed.count)) + Array(stride(from: 0, to: compressed.count, by: step))
            + Array(max(0, compressed.count - 16)..<compressed.count))
        for cut in cuts.sorted() {
            Self.expectCorrupt(Array(compressed.prefix(cut)), "cut at \(cut)")
        }
    }

    @Test func flippedBytesAreCorrupt() throws {
        let (compressed, _) = try Self.sample()
        // The CRC-32 and the length in the 8-byte trailer, and the deflate data itself (not the
        // header's file name or time stamp: gzip has no header checksum there, so flips pass).
        let trailer = 8
        let positions = [compressed.count - trailer, compressed.count - 1, compressed.count / 3,
                         compressed.count / 2, compressed.count * 2 / 3]
        for position in positions {
            var damaged = compressed
            damaged[position] ^= 0xFF
            Self.expectCorrupt(damaged, "flip at \(position)")
        }
    }

    @Test func notGzipAtAll() {
        let inputs: [[UInt8]] = [[], [0x1F], [0x1F, 0x8B], [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF],
                                 Array("<html>plain</html>".utf8), [UInt8](repeating: 0, count: 100)]
        for input in inputs {
            Self.expectCorrupt(input, "\(input.prefix(12))")
        }
    }

    @Test func garbageAfterAMemberIsCorrupt() throws {
        let (compressed, _) = try Self.sample()
        Self.expectCorrupt(compressed + Array("trailing junk".utf8))
        // Zero padding after the member is accepted, as gzip -d does.
        let (_, plain) = try Self.sample()
        #expect(try Gzip.decompress(compressed + [UInt8](repeating: 0, count: 512)) == plain)
    }

    @Test func concatenatedMembersAreJoined() throws {
        let (compressed, plain) = try Self.sample()
        #expect(try Gzip.decompress(compressed + compressed) == plain + plain)
    }

    @Test func outputLimitIsTooLarge() throws {
        let (compressed, plain) = try Self.sample()
        let limit = plain.count / 2
        #expect(throws: CleanerError.self) { try Gzip.decompress(compressed, limit: limit) }
        do {
            _ = try Gzip.decompress(compressed, limit: limit)
        } catch CleanerError.tooLarge(let bytes, let reported) {
            #expect(reported == limit)
            #expect(bytes > limit)
        }
        #expect(try Gzip.decompress(compressed, limit: plain.count) == plain)
    }

    @Test func gzipGivenToCleanIsNamed() throws {
        let (compressed, _) = try Self.sample()
        #expect(throws: CleanerError.notHTML("gzip data (decompress first)")) { try Cleaner().clean(html: compressed) }
    }
}
