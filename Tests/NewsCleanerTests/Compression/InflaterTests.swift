import Testing
@testable import NewsCleaner

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite struct InflaterTests {
    @Test func compressRoundTrips() throws {
        let text = bytes(String(repeating: "Inflater streams bytes. ", count: 2000))
        let gz = try Gzip.compress(text)
        #expect(try Gzip.decompress(gz) == text)
        #expect(try Inflater.decompress(gz, format: .gzip) == text)
        #expect(try Inflater.decompress(Gzip.compressZlib(text), format: .zlib) == text)
        #expect(try Inflater.decompress(gz, format: .auto) == text)
    }

    @Test func streamingInSmallPiecesStopsAtMemberEnd() throws {
        let one = bytes("first member"), two = bytes("second member")
        let joined = try Gzip.compress(one) + Gzip.compress(two)
        let inflater = try Inflater(format: .gzip)
        var output = [UInt8]()
        var offset = 0
        var members = 0
        while members < 2 {
            let end = min(joined.count, offset + 3)
            let step = try joined.withUnsafeBytes {
                try inflater.inflate(UnsafeRawBufferPointer(rebasing: $0[offset..<end]), into: &output, maxOutput: 4)
            }
            offset += step.consumed
            if step.finished {
                members += 1
                try inflater.reset()
            }
        }
        #expect(members == 2)
        #expect(output == one + two)
    }

    @Test func truncatedStreamThrowsUnlessAllowed() throws {
        let gz = try Gzip.compress(bytes((0..<3000).map { String($0 * 7919 % 10007) }.joined(separator: " ")))
        let cut = Array(gz.prefix(gz.count / 2))
        #expect(throws: CleanerError.self) { try Inflater.decompress(cut, format: .gzip) }
        #expect(try Inflater.decompress(cut, format: .gzip, allowTruncated: true).isEmpty == false)
    }
}
