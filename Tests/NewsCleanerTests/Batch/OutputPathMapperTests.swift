import Testing
@testable import NewsCleaner
@testable import NewsCleanerSupport

@Suite struct OutputPathMapperTests {
    let text = OutputPathMapper(directory: "out", fileExtension: "txt")

    @Test func mirrorsTheRelativePathAndChangesTheExtension() throws {
        #expect(try text.outputPath(for: "a/b/NAME.html.gz") == "out/a/b/NAME.txt")
        #expect(try text.outputPath(for: "a/story.htm") == "out/a/story.txt")
        #expect(try text.outputPath(for: "x.XHTML.GZ") == "out/x.txt")
        #expect(try text.outputPath(for: "v1.2/page.html") == "out/v1.2/page.txt")
        #expect(try text.outputPath(for: "notes") == "out/notes.txt")
        #expect(try text.outputPath(for: "notes.php") == "out/notes.php.txt")
        #expect(try text.outputPath(for: "stdin") == "out/stdin.txt")
        let json = OutputPathMapper(directory: "/data/out/", fileExtension: "json")
        #expect(try json.outputPath(for: "2024/05/story.html") == "/data/out/2024/05/story.json")
    }

    @Test func normalizesHarmlessComponents() throws {
        #expect(try text.outputPath(for: "./a//b/./c.html") == "out/a/b/c.txt")
    }

    @Test(arguments: ["../escape.html", "a/../../escape.html", "a/..", "..", "/etc/passwd", "", ".", "a/./", "nul\u{0}.html"])
    func refusesPathsThatLeaveTheDirectory(_ relative: String) {
        #expect(throws: BatchError.self) { try text.outputPath(for: relative) }
        do { _ = try text.outputPath(for: relative) } catch { #expect(error.kind == .outputPath) }
    }

    @Test func outputNames() {
        #expect(OutputPathMapper.outputName(for: "a.html.gz", fileExtension: "md") == "a.md")
        #expect(OutputPathMapper.outputName(for: ".gz", fileExtension: "txt") == ".gz.txt")
        #expect(OutputPathMapper.outputName(for: ".html", fileExtension: "txt") == ".html.txt")
        #expect(OutputPathMapper.outputName(for: "a.gz", fileExtension: "txt") == "a.txt")
    }
}
