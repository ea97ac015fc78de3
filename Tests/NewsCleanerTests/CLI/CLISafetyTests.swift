#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import NewsCleaner
@testable import NewsCleanerWARC

/// The batch's promises under hostile file trees: inputs are never overwritten, outputs never
/// collide silently, links out of the input root are not followed, failed outputs are not
/// published, a closed standard output stops the run, temporary files never pile up, and
/// file names cannot inject control characters into the terminal.
@Suite struct CLISafetyTests {
    let cli = CLITests()

    static let page = "<html><head><title>T</title></head><body><p>A paragraph of article text, long enough to keep.</p></body></html>"

    /// Reads a whole file, or nil.
    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func htmlOutputsInsideAnInputAreRefusedAndInputsStayIntact() throws {
        let dir = BatchTestDirectory("cli-safe")
        defer { dir.remove() }
        dir.write("in/a.html", Self.page)
        dir.write("in/b.html.gz", TestGzip.stored(Array(Self.page.utf8)))
        let before = contents(dir.url("in/a.html"))
        for arguments in [["-f", "html", "-o", dir.url("in"), dir.url("in")],
                          ["-f", "html", "-o", dir.url("in/clean"), dir.url("in")],
                          ["-f", "html", "-o", dir.url("in"), dir.url("in/a.html")]] {
            let run = try cli.newsclean(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("would be read as pages"), "\(run.stderr)")
        }
        #expect(contents(dir.url("in/a.html")) == before)
        #expect(dir.allFiles(below: "in") == ["a.html", "b.html.gz"])
        // Text outputs beside the pages cannot be mistaken for pages: allowed.
        let text = try cli.newsclean(["-q", "-o", dir.url("in"), dir.url("in")])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(contents(dir.url("in/a.html")) == before)
        #expect(dir.allFiles(below: "in") == ["a.html", "a.txt", "b.html.gz", "b.txt"])
    }

    @Test func outputsNeverGoThroughASymbolicLink() throws {
        let dir = BatchTestDirectory("cli-safe")
        defer { dir.remove() }
        dir.write("in/a.html", Self.page)
        dir.write("in/sub/b.html", Self.page)
        dir.mkdir("elsewhere")
        dir.mkdir("out")
        dir.symlink("out/sub", to: dir.url("elsewhere"))
        let run = try cli.newsclean(["-o", dir.url("out"), "--errors", dir.url("e.jsonl"), dir.url("in")])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("symbolic link"), "\(run.stderr)")
        #expect(dir.allFiles(below: "elsewhere").isEmpty)
        #expect(FileManager.default.fileExists(atPath: dir.url("out/a.txt")))

        // A linked folder inside the input tree, written beside the pages: nothing lands outside.
        dir.write("in2/x.html", Self.page)
        dir.symlink("in2/linked", to: dir.url("elsewhere"))
        dir.write("elsewhere/y.html", Self.page)
        let inTree = try cli.newsclean(["-o", dir.url("in2"), "--follow-links", dir.url("in2")])
        #expect(inTree.status == 1, "\(inTree.stderr)")
        #expect(dir.allFiles(below: "elsewhere") == ["y.html"])
    }

    @Test(arguments: ["1", "4"])
    func collisionsAreNamedFailures(jobs: String) throws {
        let dir = BatchTestDirectory("cli-safe")
        defer { dir.remove() }
        for name in ["a.html", "a.htm", "a.xhtml"] { dir.write("in/\(name)", Self.page) }
        dir.write("in/a.html.gz", TestGzip.stored(Array(Self.page.utf8)))
        dir.write("in/other.html", Self.page)
        let out = dir.url("out")
        let run = try cli.newsclean(["-j", jobs, "-o", out, "--errors", dir.url("e.jsonl"), dir.url("in")])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("cleaned 2 pages, 3 failed"), "\(run.stderr)")
        let errors = try cli.jsonLines(contents(dir.url("e.jsonl")) ?? "")
        #expect(errors.count == 3)
        #expect(errors.allSatisfy { $0["kind"] as? String == "output-collision" })
        #expect(dir.allFiles(below: "out") == ["a.txt", "other.txt"])

        // --resume does not hide them.
        let again = try cli.newsclean(["-j", jobs, "--resume", "-o", out, dir.url("in")])
        #expect(again.status == 1)
        #expect(again.stderr.contains("0 pages, 3 failed, 2 skipped"), "\(again.stderr)")

        // Two roots sharing a name, and a page and a WARC sharing a stem with -f jsonl.
        dir.write("r1/x.html", Self.page)
        dir.write("r2/x.html", Self.page)
        let roots = try cli.newsclean(["-j", jobs, "-o", dir.url("out2"), dir.url("r1"), dir.url("r2")])
        #expect(roots.status == 1)
        #expect(roots.stderr.contains("newsclean: \(dir.url("r2/x.html")): output \(dir.url("out2/x.txt")) is already written for \(dir.url("r1/x.html"))"), "\(roots.stderr)")
        let warc = CLIWarcTests.response(uri: "https://example.test/x", id: 1, body: Array(Self.page.utf8))
        dir.write("mixed/x.html", Self.page)
        dir.write("mixed/x.warc", warc)
        let mixed = try cli.newsclean(["-j", jobs, "-f", "jsonl", "-o", dir.url("out3"), dir.url("mixed")])
        #expect(mixed.status == 1)
        #expect(mixed.stderr.contains("newsclean: \(dir.url("mixed/x.warc")): output"), "\(mixed.stderr)")
    }

    @Test func linksLeavingTheInputRootAreNotFollowed() throws {
        let dir = BatchTestDirectory("cli-safe")
        defer { dir.remove() }
        dir.write("secret.txt", "<p>top secret outside the tree</p>")
        dir.write("in/a.html", Self.page)
        dir.symlink("in/passwd.html", to: dir.url("secret.txt"))
        dir.symlink("in/env.html", to: "/proc/self/environ")
        dir.symlink("in/inside.html", to: "a.html")
        setenv("NEWSCLEAN_TEST_SECRET", "leaked-secret-value", 1)
        let run = try cli.newsclean(["-f", "jsonl", "-o", dir.url("all.jsonl"), "--errors", dir.url("e.jsonl"), dir.url("in")])
        let output = contents(dir.url("all.jsonl")) ?? ""
        #expect(!output.contains("top secret"))
        #expect(!output.contains("leaked-secret-value"))
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("cleaned 2 pages, 2 failed"), "\(run.stderr)")
        let kinds = try cli.jsonLines(contents(dir.url("e.jsonl")) ?? "").map { $0["kind"] as? String ?? "" }
        #expect(kinds == ["symlink-outside", "symlink-outside"])
        // --follow-links allows them.
        let followed = try cli.newsclean(["-q", "--follow-links", "-f", "jsonl", dir.url("in/passwd.html"), dir.url("in")])
        #expect(followed.stdout.contains("top secret"))
    }

    @Test func failedJSONLOutputIsNotPublishedAndNamesTheRealError() throws {
        let dir = BatchTestDirectory("cli-safe")
        defer { dir.remove() }
        let body = String(repeating: "A sentence of article text that is long enough. ", count: 20)
        for index in 0..<40 { dir.write("in/p\(index).html", "<html><body><p>\(body)</p></body></html>") }
        let binary = try #require(CLITests.binary)
        // A file size limit makes writes fail with EFBIG (SIGXFSZ ignored, inherited by exec).
        let run = try cli.newsclean(["-c", "trap '' XFSZ; ulimit -f 16; exec \"$0\" \"$@\"", binary,
                                     "-j", "3", "-o", dir.url("out/all.jsonl"), dir.url("in")], shell: true)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.url("out/all.jsonl")))
        #expect(dir.allFiles(below: "out").isEmpty, "\(dir.allFiles(below: "out"))")
        #expect(run.stderr.contains("File too large"), "\(run.stderr)")
        #expect(!run.stderr.contains("No such file"), "\(run.stderr)")
    }

    /// `-f jsonl > FILE` on a file that cannot grow (EFBIG here; ENOSPC alike): the real errno
    /// is named, the run takes no more pages (a few in flight may still report the same error),
    /// and the file ends with the last whole line, nothing torn, nothing after it.
    @Test func failedWriteToRedirectedStandardOutputStopsWithWholeLines() throws {
        let dir = BatchTestDirectory("cli-safe")
        defer { dir.remove() }
        let body = String(repeating: "A sentence of article text that is long enough. ", count: 20)
        for index in 0..<200 { dir.write("in/p\(index).html", "<html><body><p>\(body)</p></body></html>") }
        let binary = try #require(CLITests.binary)
        let out = dir.url("all.jsonl")
        let run = try cli.newsclean(["-c", "trap '' XFSZ; ulimit -f 16; exec \"$0\" \"$@\" > '\(out)'", binary,
                                     "-j", "2", "-f", "jsonl", dir.url("in")], shell: true)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("File too large"), "\(run.stderr)")
        #expect(!run.stderr.contains("No such file"), "\(run.stderr)")
        let reports = run.stderr.components(separatedBy: "File too large").count - 1
        #expect(reports >= 1 && reports <= 4, "\(reports) pages reported the failed write: the run went on")
        let bytes = FileManager.default.contents(atPath: out) ?? Data()
        #expect(!bytes.isEmpty)
        #expect(bytes.last == UInt8(ascii: "\n"), "torn last line")
        let lines = try cli.jsonLines(String(decoding: bytes, as: UTF8.self))
        #expect(lines.count == String(decoding: bytes, as: UTF8.self).split(separator: "\n").count)
    }

    /// The same for WARC records written to a redirected standard output.
    @Test func failedWriteOfWarcRecordsToStandardOutputKeepsWholeLines() throws {
        let dir = BatchTestDirectory("cli-safe")
        defer { dir.remove() }
        let body = Array(("<html><body><p>" + String(repeating: "A sentence of article text that is long enough. ", count: 20)
            + "</p></body></html>").utf8)
        let records = (1...150).flatMap { CLIWarcTests.response(uri: "https://example.test/\($0)", id: $0, body: body) }
        dir.write("x.warc", records)
        let binary = try #require(CLITests.binary)
        let out = dir.url("all.jsonl")
        let run = try cli.newsclean(["-c", "trap '' XFSZ; ulimit -f 16; exec \"$0\" \"$@\" > '\(out)'", binary,
                                     "-j", "2", dir.url("x.warc")], shell: true)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("File too large"), "\(run.stderr)")
        let bytes = FileManager.default.contents(atPath: out) ?? Data()
        #expect(!bytes.isEmpty)
        #expect(bytes.last == UInt8(ascii: "\n"), "torn last line")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(try cli.jsonLines(text).count == text.split(separator: "\n").count)
        // Reading stopped at the failure: far fewer than the 150 records were cleaned.
        let cleaned = run.stderr.range(of: #"(\d+) cleaned"#, options: .regularExpression).map { Int(run.stderr[$0].split(separator: " ")[0]) ?? 0 } ?? -1
        #expect(cleaned >= 0 && cleaned < 100, "\(cleaned) records cleaned after the output failed: \(run.stderr)")
    }

    @Test func closedStandardOutputStopsThePageRun() throws {
        let dir = BatchTestDirectory("cli-safe")
        defer { dir.remove() }
        for index in 0..<3000 { dir.write("in/p\(index).html", Self.page) }
        let binary = try #require(CLITests.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-q", "-j", "1", "-f", "jsonl", dir.url("in")]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        _ = pipe.fileHandleForReading.availableData
        try pipe.fileHandleForReading.close()
        let closed = Date()
        while process.isRunning && Date().timeIntervalSince(closed) < 20 { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(closed) < 5)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 141)
    }

    @Test func staleTemporariesAreRemovedAndLongNamesWork() throws {
        let dir = BatchTestDirectory("cli-safe")
        defer { dir.remove() }
        let long = String(repeating: "n", count: 241)     // long.html → long.txt: 245 characters
        dir.write("in/\(long).html", Self.page)
        dir.write("in/sub/a.html", Self.page)
        // Left by a killed run (a PID that cannot exist), in both the old and the new naming.
        dir.write("out/.a.txt.tmp.2147483646.3", "torn")
        dir.write("out/sub/.nc.2147483646.7.tmp", "torn")
        // A live process's temporary (ours) is kept.
        dir.write("out/sub/.x.txt.tmp.\(getpid()).1", "in flight")
        let run = try cli.newsclean(["--resume", "-o", dir.url("out"), dir.url("in")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(dir.allFiles(below: "out") == ["\(long).txt", "sub", "sub/.x.txt.tmp.\(getpid()).1", "sub/a.txt"])
    }

    @Test func controlCharactersInNamesAreEscapedOnStandardError() throws {
        let dir = BatchTestDirectory("cli-safe")
        defer { dir.remove() }
        dir.write("in/bad\nname\u{1B}[31m\r.html", [UInt8]())
        let run = try cli.newsclean(["-o", dir.url("out"), dir.url("in")])
        #expect(run.status == 1)
        #expect(!run.stderr.contains("\u{1B}"))
        #expect(!run.stderr.contains("\r"))
        #expect(run.stderr.contains("bad\\nname\\u001b[31m\\r.html: empty input\n"), "\(run.stderr)")
    }
}
