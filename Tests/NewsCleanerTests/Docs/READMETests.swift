import Foundation
import NewsCleaner
import Testing

/// The README's Swift code compiles (it is `READMESnippets.swift`) and runs.
@Suite struct READMETests {
    static let readme = TestPages.packageRoot.appendingPathComponent("README.md")
    static let snippets = TestPages.packageRoot.appendingPathComponent("Tests/NewsCleanerTests/Docs/READMESnippets.swift")

    /// The bodies of the README's ```swift blocks, in order.
    static func readmeBlocks() throws -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n") {
            if current == nil, line == "```swift" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!)
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }

    @Test func readmeSwiftBlocksAreTheCompiledSnippets() throws {
        let file = try String(contentsOf: Self.snippets, encoding: .utf8).components(separatedBy: "\n")
        let imports = Set(file.filter { $0.hasPrefix("import ") })
        var compiled: [[String]] = []
        var current: [String]?
        for line in file {
            if line == "// BEGIN README" { current = [] }
            else if line == "// END README" { compiled.append(current ?? []); current = nil }
            else if current != nil { current!.append(line) }
        }
        let blocks = try Self.readmeBlocks()
        #expect(blocks.count >= 3)
        var bodies: [[String]] = []
        for block in blocks {
            // A block's imports are the snippet file's imports; the rest is its code.
            let blockImports = block.filter { $0.hasPrefix("import ") }
            #expect(Set(blockImports).isSubset(of: imports), "README block imports \(blockImports)")
            bodies.append(Array(block.drop { $0.hasPrefix("import ") || $0.isEmpty }))
        }
        #expect(bodies == compiled, "README.md's swift blocks and READMESnippets.swift differ: edit both")
    }

    @Test func librarySnippetsRun() throws {
        let page = try Data(contentsOf: FormatGolden.folder(FormatGolden.caseNames[0]).appendingPathComponent(Golden.sourceName))
        try READMESnippets.library(bytes: [UInt8](page))
        try READMESnippets.contentAndCodable(bytes: page)
        // The options snippet reads rules.json from the working directory; none is there.
        #expect(throws: (any Error).self) { try READMESnippets.options() }
    }
}
