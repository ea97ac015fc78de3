import Foundation
import NewsCleaner
// Temporary development driver: clean a folder of .html.gz into OUT/ID.txt, or explain one page.
if CommandLine.arguments[1] == "explain" {
    var bytes = [UInt8](FileManager.default.contents(atPath: CommandLine.arguments[2])!)
    if Gzip.isGzip(bytes) { bytes = try Gzip.decompress(bytes) }
    for d in try Cleaner().decisions(html: bytes) {
        print(d.dropReason == nil ? "KEEP" : "DROP \(d.dropReason!)", d.kind, String(d.text.prefix(120)))
    }
    exit(0)
}
let dir = CommandLine.arguments[1], outDir = CommandLine.arguments[2]
try? FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".gz") || $0.hasSuffix(".html") }.sorted()
var pages: [(String, [UInt8])] = []
for f in files {
    var bytes = [UInt8](FileManager.default.contents(atPath: dir + "/" + f)!)
    if Gzip.isGzip(bytes) { bytes = try Gzip.decompress(bytes) }
    pages.append((f.components(separatedBy: ".")[0], bytes))
}
let cleaner = Cleaner()
let start = Date()
var outputs: [(String, String)] = []
for (id, bytes) in pages {
    let text = (try? cleaner.clean(html: bytes).text) ?? ""
    outputs.append((id, text))
}
let secs = Date().timeIntervalSince(start)
for (id, text) in outputs { try text.write(toFile: outDir + "/" + id + ".txt", atomically: true, encoding: .utf8) }
print(String(format: "%d pages in %.2fs = %.0f pages/s", pages.count, secs, Double(pages.count) / secs))
