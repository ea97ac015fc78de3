import Foundation
import NewsCleaner

/// Where the test data lives: `TestPages/` at the package root, found from this file's path.
///
/// ```swift
/// let truth = TestPages.aeb.appendingPathComponent("ground-truth.json")
/// ```
enum TestPages {
    /// The package root: the first ancestor of this file that holds `Package.swift`.
    static let packageRoot: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// `TestPages/`.
    static let root = packageRoot.appendingPathComponent("TestPages")
    /// `TestPages/aeb/`, the vendored article-extraction benchmark.
    static let aeb = root.appendingPathComponent("aeb")
    /// `TestPages/aeb/html/`: `ID.html.gz` pages.
    static let aebHTML = aeb.appendingPathComponent("html")
    /// `TestPages/aeb/expected/`: golden `ID.txt` outputs (written by tools/update-golden).
    static let aebExpected = aeb.appendingPathComponent("expected")
    /// `TestPages/aeb/ground-truth.json`.
    static let aebTruth = aeb.appendingPathComponent("ground-truth.json")
    /// `TestPages/aeb/quality-floor.json`.
    static let aebQualityFloor = aeb.appendingPathComponent("quality-floor.json")
    /// `TestPages/wcxb-dev/`, the second dev corpus (363 English pages, WCXB, CC-BY-4.0), same layout.
    static let wcxb = root.appendingPathComponent("wcxb-dev")
    /// `TestPages/wcxb-dev/ground-truth.json`.
    static let wcxbTruth = wcxb.appendingPathComponent("ground-truth.json")
    /// `TestPages/wcxb-dev/quality-floor.json`.
    static let wcxbQualityFloor = wcxb.appendingPathComponent("quality-floor.json")
    /// Suffix of AEB page files.
    static let aebPageSuffix = ".html.gz"
    /// Largest decompressed page accepted (the AEB pages are far smaller).
    static let maxPageBytes = 64 << 20

    /// IDs of all AEB pages, sorted.
    static var aebIDs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: aebHTML.path)) ?? []
        return names.filter { $0.hasSuffix(aebPageSuffix) }
            .map { String($0.dropLast(aebPageSuffix.count)) }
            .sorted()
    }

    /// The bytes of AEB page `id`, decompressed.
    static func aebPage(_ id: String) throws -> [UInt8] {
        try page(id, in: aeb)
    }

    /// IDs of the `html/ID.html.gz` pages of a corpus folder (`aeb`, `wcxb`), sorted.
    static func pageIDs(in corpus: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("html").path)) ?? []
        return names.filter { $0.hasSuffix(aebPageSuffix) }
            .map { String($0.dropLast(aebPageSuffix.count)) }
            .sorted()
    }

    /// The bytes of page `id` of a corpus folder (`html/ID.html.gz`), decompressed.
    static func page(_ id: String, in corpus: URL) throws -> [UInt8] {
        let data = try Data(contentsOf: corpus.appendingPathComponent("html").appendingPathComponent(id + aebPageSuffix))
        return try Gzip.decompress([UInt8](data), limit: maxPageBytes)
    }
}
