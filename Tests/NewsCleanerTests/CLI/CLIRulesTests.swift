import Foundation
import NewsCleaner
import Testing

/// End-to-end tests of `--rules`, `--drop`, `--content` and `--explain`.
@Suite struct CLIRulesTests {
    let cli = CLITests()
    let page = FormatGolden.folder("en-news-basic").appendingPathComponent(Golden.sourceName).path

    @Test func dropAndContentChangeTheOutputAndNothingElseDoes() throws {
        let plain = try cli.newsclean(["-q", page])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("Studio\t48"))
        let dropped = try cli.newsclean(["-q", "--drop", "table", page])
        #expect(dropped.status == 0, "\(dropped.stderr)")
        #expect(!dropped.stdout.contains("Studio"))
        #expect(dropped.stdout.contains("The Riverton City Council voted 6-1"))
        // The same rule from a file gives the same output.
        let dir = BatchTestDirectory("cli-rules")
        defer { dir.remove() }
        dir.write("rules.json", #"{"drop": ["table"]}"#)
        let fromFile = try cli.newsclean(["-q", "--rules", dir.url("rules.json"), page])
        #expect(fromFile.stdout == dropped.stdout)
        // A rule for another host changes nothing.
        dir.write("other.json", #"{"hosts": {"other.example": {"drop": ["p"]}}}"#)
        let other = try cli.newsclean(["-q", "--rules", dir.url("other.json"), "--url", "https://www.rivertonledger.example.com/a", page])
        #expect(other.stdout == plain.stdout)
        // A forced container: only the comments section is left.
        let comments = try cli.newsclean(["-q", "--content", ".comment__body", page])
        #expect(comments.status == 0)
        #expect(!comments.stdout.contains("The Riverton City Council voted 6-1"))
    }

    @Test(arguments: [
        (["--drop", "a > b"], "child combinator"),
        (["--content", "p:first-child"], "p:first-child"),
        (["--rules", "/nonexistent/rules.json"], "rules file /nonexistent/rules.json"),
    ])
    func invalidRulesAreUsageErrors(_ arguments: [String], _ named: String) throws {
        let run = try cli.newsclean(arguments + [page])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(named), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func badRulesFileIsNamedWithItsProblem() throws {
        let dir = BatchTestDirectory("cli-rules")
        defer { dir.remove() }
        dir.write("typo.json", #"{"dorp": [".ad"]}"#)
        let run = try cli.newsclean(["--rules", dir.url("typo.json"), "-o", dir.url("out"), page])
        #expect(run.status == 2)
        #expect(run.stderr.contains("dorp"))
        #expect(!FileManager.default.fileExists(atPath: dir.url("out")))
    }

    @Test func explainWritesTheAnnotatedPage() throws {
        let run = try cli.newsclean(["--explain", page])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(run.stdout.contains("The Riverton City Council"))
        let dir = BatchTestDirectory("cli-explain")
        defer { dir.remove() }
        let toFile = try cli.newsclean(["--explain", page, "-o", dir.url("explained.html")])
        #expect(toFile.status == 0)
        #expect(try String(contentsOfFile: dir.url("explained.html"), encoding: .utf8) == run.stdout)
        let withInputs = try cli.newsclean(["--explain", page, page])
        #expect(withInputs.status == 2)
        let missing = try cli.newsclean(["--explain", dir.url("none.html")])
        #expect(missing.status == 1)
    }
}
