#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import NewsCleaner
@testable import NewsCleanerSupport

@Suite struct PageReaderTests {
    @Test func gzipIsDetectedByMagicWhateverTheName() throws {
        let dir = BatchTestDirectory("reader")
        defer { dir.remove() }
        let html = Array("<p>héllo</p>".utf8)
        let zipped = dir.write("plain-name.html", TestGzip.stored(html))
        let page = try PageReader(maxBytes: 1 << 20).read(zipped)
        #expect(page.bytes == html)
        #expect(page.wasGzip)
        let plain = dir.write("p.html.gz", html)    // named .gz but not gzip
        #expect(try PageReader(maxBytes: 1 << 20).read(plain).bytes == html)
    }

    @Test func maxBytesLimitsPlainAndDecompressedSize() {
        let dir = BatchTestDirectory("reader")
        defer { dir.remove() }
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 5000)
        let plain = dir.write("big.html", big)
        let zipped = dir.write("big.html.gz", TestGzip.stored(big))
        let reader = PageReader(maxBytes: 4000)
        #expect(throws: CleanerError.tooLarge(bytes: 5000, limit: 4000)) { try reader.read(plain) }
        #expect(throws: CleanerError.self) { try reader.read(zipped) }
        #expect((try? PageReader(maxBytes: 5000).read(plain).bytes.count) == 5000)
    }

    @Test func missingFilesAndDirectoriesAreBatchErrors() {
        let dir = BatchTestDirectory("reader")
        defer { dir.remove() }
        dir.mkdir("d.html")
        let reader = PageReader(maxBytes: 1 << 20)
        #expect { try reader.read(dir.url("vanished.html")) } throws: { ($0 as? BatchError)?.kind == .read }
        #expect { try reader.read(dir.url("d.html")) } throws: { ($0 as? BatchError)?.kind == .notAFile }
    }
}
