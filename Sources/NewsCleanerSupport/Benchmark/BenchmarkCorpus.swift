import Foundation
import NewsCleaner

/// One page of a benchmark corpus, held in memory.
package struct BenchmarkPage: Sendable {
    /// The page's path relative to the corpus folder.
    package let name: String
    /// The page bytes as saved (gzip already undone).
    package let bytes: [UInt8]

    package init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// Finds and reads the pages of a benchmark corpus: `.html`, `.htm`, `.xhtml` files and their
/// `.gz` versions, in any subfolder.
///
/// ```swift
/// let files = try BenchmarkCorpus.files(in: "TestPages/aeb/html")
/// let page = try BenchmarkCorpus.read(files[0], in: "TestPages/aeb/html")
/// ```
package enum BenchmarkCorpus {
    /// File extensions (lowercase, without the dot) that hold a page.
    package static let pageExtensions: Set<String> = ["html", "htm", "xhtml"]
    /// The extension of a gzip-compressed page.
    package static let gzipExtension = "gz"

    /// True when a file name names a page (`a.html`, `b.HTM`, `c.xhtml.gz` …).
    package static func isPageFile(_ name: String) -> Bool {
        var parts = name.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return false }
        if parts.last.map(String.init) == gzipExtension { parts.removeLast() }
        guard parts.count > 1, let ext = parts.last else { return false }
        return pageExtensions.contains(String(ext))
    }

    /// The page files under `directory`, recursively, as paths relative to it, sorted.
    ///
    /// - Throws: `CocoaError` when the folder cannot be read.
    package static func files(in directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory])
        }
        guard let walker = FileManager.default.enumerator(atPath: directory) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: directory])
        }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard isPageFile(name) else { continue }
            var isDir: ObjCBool = false
            let path = (directory as NSString).appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                found.append(relative)
            }
        }
        return found.sorted()
    }

    /// Reads one page from disk, gunzipping it when it starts with the gzip magic number.
    ///
    /// - Throws: `CocoaError` when the file cannot be read, `CleanerError.corruptCompression`
    ///   for broken gzip data.
    package static func read(_ relative: String, in directory: String) throws -> BenchmarkPage {
        let path = (directory as NSString).appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        var bytes = [UInt8](data)
        if Gzip.isGzip(bytes) { bytes = try Gzip.decompress(bytes) }
        return BenchmarkPage(name: relative, bytes: bytes)
    }

    /// Reads every page under `directory` into memory.
    package static func load(_ directory: String) throws -> [BenchmarkPage] {
        try files(in: directory).map { try read($0, in: directory) }
    }
}
