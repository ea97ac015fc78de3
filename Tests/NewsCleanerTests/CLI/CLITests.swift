#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import NewsCleaner

/// End-to-end tests of the `newsclean` binary built next to the test bundle.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var reason: Process.TerminationReason
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
    }

    /// The built binary: next to the test bundle, else `.build/debug/newsclean` of this package.
    static let binary: String? = {
        var candidates: [String] = []
        if let dir = Bundle.main.executableURL?.deletingLastPathComponent() {
            candidates.append(dir.appendingPathComponent("newsclean").path)
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("newsclean").path)
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/newsclean").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs the binary (or, with `shell`, `/bin/sh` with `arguments`) and collects its outputs.
    func newsclean(_ arguments: [String], stdin: Data? = nil, stdinPipe: Pipe? = nil, cwd: String? = nil,
                   timeout: TimeInterval = 60, shell: Bool = false, whileRunning: ((Process) -> Void)? = nil) throws -> Run {
        let binary = try #require(Self.binary, "newsclean binary not found next to the tests or in .build/debug; run `swift build` first")
        let scratch = BatchTestDirectory("cli-io")
        defer { scratch.remove() }
        let outPath = scratch.url("stdout"), errPath = scratch.url("stderr")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell ? "/bin/sh" : binary)
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        if let stdin {
            let inPath = scratch.url("stdin")
            _ = FileManager.default.createFile(atPath: inPath, contents: stdin)
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        } else if let stdinPipe {
            process.standardInput = stdinPipe
        } else {
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        }
        try process.run()
        whileRunning?(process)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Issue.record("newsclean \(arguments) did not finish within \(timeout) s")
        }
        process.waitUntilExit()
        let out = FileManager.default.contents(atPath: outPath) ?? Data()
        let err = FileManager.default.contents(atPath: errPath) ?? Data()
        return Run(status: process.terminationStatus, reason: process.terminationReason,
                   stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                   stdoutBytes: out)
    }

    /// A small input tree: good pages (plain, gzip, nested), an empty file, random bytes, a
    /// corrupt gzip and a non-page file.
    func makeTree(_ dir: BatchTestDirectory, withFailures: Bool = true) {
        dir.write("in/a.html", "<html><head><title>A</title></head><body><p>Alpha paragraph.</p></body></html>")
        dir.write("in/sub/b.htm", "<p>Beta</p>")
        dir.write("in/sub/deep/c.xhtml.gz", TestGzip.stored(Array("<p>Gamma</p>".utf8)))
        dir.write("in/sub/notes.txt", "not a page")
        if withFailures {
            dir.write("in/empty.html", [UInt8]())
            dir.write("in/sub/random.html", pseudoRandomBytes(4096))
            dir.write("in/sub/broken.html.gz", Array(TestGzip.stored(Array("<p>cut</p>".utf8)).prefix(12)))
        }
    }

    func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func modificationTime(_ path: String) -> timespec? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mtim : nil
    }

    @Test func binaryIsBuilt() {
        #expect(Self.binary != nil, "newsclean binary not found next to the tests or in .build/debug; run `swift build` first")
    }

    @Test func versionAndHelp() throws {
        let version = try newsclean(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^newsclean \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
        let help = try newsclean(["--help"])
        #expect(help.status == 0)
        for option in ["--output", "--format", "--jobs", "--url", "--encoding", "--max-bytes", "--quiet",
                       "--resume", "--errors", "--help", "--version", "-o,", "-f,", "-j,", "-q,"] {
            #expect(help.stdout.contains(option), "help lacks \(option)")
        }
    }

    @Test(arguments: [
        [String](),                       // no inputs
        ["--bogus", "x.html"],            // unknown option
        ["-z", "x.html"],                 // unknown short option
        ["x.html", "-o"],                 // missing value
        ["-j", "0", "-o", "out", "x"],    // bad -j
        ["-j", "many", "-o", "out", "x"],
        ["--jobs=-3", "-o", "out", "x"],
        ["-f", "yaml", "x.html"],         // bad format
        ["--max-bytes", "12q", "x.html"],
        ["--quiet=yes", "x.html"],
        ["a.html", "b.html"],             // several inputs without -o
    ])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let run = try newsclean(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.hasPrefix("newsclean: "))
        #expect(run.stderr.contains("usage: newsclean"))
        #expect(run.stdout.isEmpty)
    }

    @Test func directoryWithoutOutputIsAUsageError() throws {
        let dir = BatchTestDirectory("cli")
        defer { dir.remove() }
        makeTree(dir, withFailures: false)
        let run = try newsclean([dir.url("in")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("-o DIR"))
    }

    @Test func batchWritesMirrorAndNamesFailures() throws {
        let dir = BatchTestDirectory("cli")
        defer { dir.remove() }
        makeTree(dir)
        let run = try newsclean(["-o", dir.url("out"), "--errors", dir.url("errors.jsonl"), "-j", "3", dir.url("in")])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let outputs = Set(dir.allFiles(below: "out"))
        for expected in ["a.txt", "sub/b.txt", "sub/deep/c.txt"] {
            #expect(outputs.contains(expected), "missing \(expected) in \(outputs.sorted())")
        }
        #expect(!outputs.contains { $0.contains("empty") || $0.contains("broken") || $0.contains("notes") })
        #expect(!outputs.contains { $0.contains(".tmp") })
        // Failures are named one per line with a reason; the others are still written.
        let emptyPath = dir.url("in/empty.html"), brokenPath = dir.url("in/sub/broken.html.gz")
        #expect(run.stderr.contains("newsclean: \(emptyPath): empty input\n"))
        #expect(run.stderr.contains("newsclean: \(brokenPath): corrupt gzip"))
        // Random bytes: the stub engine cleans them, the real one refuses them; either way
        // exactly one of "named failure" and "output written" holds.
        let randomPath = dir.url("in/sub/random.html")
        #expect(run.stderr.contains("newsclean: \(randomPath): ") != outputs.contains("sub/random.txt"))

        let lines = try jsonLines(try String(contentsOfFile: dir.url("errors.jsonl"), encoding: .utf8))
        let byPath = Dictionary(uniqueKeysWithValues: lines.map { ($0["path"] as? String ?? "", $0) })
        #expect(byPath[emptyPath]?["kind"] as? String == "empty")
        #expect(byPath[emptyPath]?["message"] as? String == "empty input")
        #expect(byPath[brokenPath]?["kind"] as? String == "corrupt-gzip")
        #expect(lines.allSatisfy { Set($0.keys) == ["path", "kind", "message"] })
        let failed = lines.count
        #expect(run.stderr.range(of: #"cleaned \d+ pages, \#(failed) failed, 0 skipped, \d+\.\d MB in \d+\.\d\d s \(\d+\.\d pages/s\)\n$"#,
                                 options: .regularExpression) != nil, "\(run.stderr)")
        // Inputs are never modified.
        #expect(FileManager.default.contents(atPath: emptyPath) == Data())
    }

    @Test func cleanBatchExitsZeroAndQuietIsSilent() throws {
        let dir = BatchTestDirectory("cli")
        defer { dir.remove() }
        makeTree(dir, withFailures: false)
        let run = try newsclean(["-q", "--output=\(dir.url("out"))", dir.url("in")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(dir.allFiles(below: "out").filter { $0.hasSuffix(".txt") }.sorted() == ["a.txt", "sub/b.txt", "sub/deep/c.txt"])
        let loud = try newsclean(["-o", dir.url("out2"), "-j1", dir.url("in")])
        #expect(loud.status == 0)
        #expect(loud.stderr.hasPrefix("cleaned 3 pages, 0 failed, 0 skipped, "))
    }

    /// `--encoding` takes a whole HTTP Content-Type value, quoted and in any case, and wins over the page.
    @Test func encodingTakesAContentTypeValue() throws {
        let dir = BatchTestDirectory("cli")
        defer { dir.remove() }
        let text = "Правительство одобрило законопроект о поддержке малого бизнеса, сообщили в среду."
        let koi8 = try #require(CharsetTestSupport.encode(text, "KOI8-R"))
        dir.write("page.html", Array("<html><head><meta charset=windows-1251></head><body><p>".utf8) + koi8 + Array("</p></body></html>".utf8))
        let run = try newsclean(["--no-title", "--encoding", "Text/HTML; Charset=\"KOI8-R\"", dir.url("page.html")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(text))
    }

    @Test func jsonOutputsAreValidJSON() throws {
        let dir = BatchTestDirectory("cli")
        defer { dir.remove() }
        makeTree(dir, withFailures: false)
        let run = try newsclean(["-q", "-f", "json", "--url", "https://example.com/\"a\"", "-o", dir.url("out"), dir.url("in")])
        #expect(run.status == 0, "\(run.stderr)")
        let files = dir.allFiles(below: "out").filter { $0.hasSuffix(".json") }.sorted()
        #expect(files == ["a.json", "sub/b.json", "sub/deep/c.json"])
        for file in files {
            let data = try #require(FileManager.default.contents(atPath: dir.url("out/" + file)))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(object.keys.contains("title"))
            #expect(object["text"] is String)
            #expect(object["blocks"] is [Any])
            #expect((object["source"] as? String)?.hasPrefix(dir.url("in/")) == true)
            #expect(object["url"] as? String == "https://example.com/\"a\"")
        }
    }

    @Test func singleFileAndStdinPrintToStdout() throws {
        let dir = BatchTestDirectory("cli")
        defer { dir.remove() }
        makeTree(dir, withFailures: false)
        let file = dir.url("in/sub/deep/c.xhtml.gz")
        let json = try newsclean(["-q", "-f", "json", file])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
        #expect(object["source"] as? String == file)
        #expect(json.stdout.hasSuffix("}\n"))

        let text = try newsclean(["-q", file])
        #expect(text.status == 0)
        #expect(text.stderr.isEmpty)

        let gz = Data(TestGzip.stored(Array("<p>from stdin</p>".utf8)))
        let stdin = try newsclean(["-q", "-f", "json", "-"], stdin: gz)
        #expect(stdin.status == 0, "\(stdin.stderr)")
        let fromStdin = try #require(try JSONSerialization.jsonObject(with: stdin.stdoutBytes) as? [String: Any])
        #expect(fromStdin["source"] as? String == "-")

        let toDir = try newsclean(["-q", "-o", dir.url("out"), "-"], stdin: gz)
        #expect(toDir.status == 0)
        #expect(dir.allFiles(below: "out") == ["stdin.txt"])

        let single = try newsclean(["-q", "-o", dir.url("out1"), dir.url("in/a.html")])
        #expect(single.status == 0)
        #expect(dir.allFiles(below: "out1") == ["a.txt"])

        let empty = try newsclean([dir.url("in/none.html")], stdin: Data())
        #expect(empty.status == 3)    // an unreadable input: exit 3 (worth a retry), not 1
        #expect(empty.stderr.contains("newsclean: \(dir.url("in/none.html")): cannot read: No such file or directory"))
        let emptyStdin = try newsclean(["-"], stdin: Data())
        #expect(emptyStdin.status == 1)
        #expect(emptyStdin.stderr.contains("newsclean: -: empty input"))
    }

    @Test func resumeSkipsUpToDateOutputs() throws {
        let dir = BatchTestDirectory("cli")
        defer { dir.remove() }
        makeTree(dir, withFailures: false)
        let out = dir.url("out")
        let first = try newsclean(["-o", out, dir.url("in")])
        #expect(first.status == 0)
        let outputs = ["a.txt", "sub/b.txt", "sub/deep/c.txt"].map { out + "/" + $0 }
        let before = outputs.map { modificationTime($0) }
        #expect(before.allSatisfy { $0 != nil })

        let second = try newsclean(["--resume", "-o", out, dir.url("in")])
        #expect(second.status == 0)
        #expect(second.stderr.hasPrefix("cleaned 0 pages, 0 failed, 3 skipped, "), "\(second.stderr)")
        let after = outputs.map { modificationTime($0) }
        for (b, a) in zip(before, after) {
            #expect(b?.tv_sec == a?.tv_sec && b?.tv_nsec == a?.tv_nsec)
        }

        // An input newer than its output is cleaned again; the others stay skipped.
        var times = [timeval(tv_sec: time(nil) + 100, tv_usec: 0), timeval(tv_sec: time(nil) + 100, tv_usec: 0)]
        #expect(utimes(dir.url("in/a.html"), &times) == 0)
        let third = try newsclean(["--resume", "-o", out, dir.url("in")])
        #expect(third.status == 0)
        #expect(third.stderr.hasPrefix("cleaned 1 pages, 0 failed, 2 skipped, "), "\(third.stderr)")
        let redone = modificationTime(outputs[0])
        #expect(redone?.tv_sec != before[0]?.tv_sec || redone?.tv_nsec != before[0]?.tv_nsec)

        // Without --resume everything is cleaned again.
        let fourth = try newsclean(["-o", out, dir.url("in")])
        #expect(fourth.stderr.hasPrefix("cleaned 3 pages, 0 failed, 0 skipped, "))
    }

    @Test func failedWritesAreErrorsAndTheRunContinues() throws {
        let dir = BatchTestDirectory("cli")
        defer { dir.remove() }
        makeTree(dir, withFailures: false)
        // out/sub is a regular file, so out/sub/b.txt cannot be written (even as root).
        dir.write("out/sub", "blocker")
        let run = try newsclean(["-o", dir.url("out"), "--errors", dir.url("errors.jsonl"), dir.url("in")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("newsclean: \(dir.url("in/sub/b.htm")): cannot create directory"))
        #expect(dir.allFiles(below: "out").sorted() == ["a.txt", "sub"])
        let lines = try jsonLines(try String(contentsOfFile: dir.url("errors.jsonl"), encoding: .utf8))
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0["kind"] as? String == "write" })
    }

    @Test func symlinkLoopsAndFifosAreReportedPerPage() throws {
        let dir = BatchTestDirectory("cli")
        defer { dir.remove() }
        makeTree(dir, withFailures: false)
        dir.symlink("in/sub/loop", to: "..")
        #expect(mkfifo(dir.url("in/pipe.html"), 0o644) == 0)
        let run = try newsclean(["-o", dir.url("out"), dir.url("in")], timeout: 20)
        #expect(run.status == 1)
        #expect(run.stderr.contains("newsclean: \(dir.url("in/sub/loop")): directory already visited"))
        #expect(run.stderr.contains("newsclean: \(dir.url("in/pipe.html")): not a regular file"))
        #expect(run.stderr.contains("cleaned 3 pages, 2 failed"))
    }

    @Test func outputDirectoryInsideTheInputIsNotWalked() throws {
        let dir = BatchTestDirectory("cli")
        defer { dir.remove() }
        makeTree(dir, withFailures: false)
        dir.write("in/clean/stale.html", "<p>an old output tree must not be read</p>")
        let run = try newsclean(["-f", "json", "-o", dir.url("in/clean"), dir.url("in")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("cleaned 3 pages, 0 failed, 0 skipped, "), "\(run.stderr)")
        #expect(!dir.allFiles(below: "in/clean").contains("stale.json"))
    }

    @Test func maxBytesRefusesLargePagesAndGzipBombs() throws {
        let dir = BatchTestDirectory("cli")
        defer { dir.remove() }
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 3000)
        dir.write("in/big.html", big)
        dir.write("in/bomb.html.gz", TestGzip.stored(big + big + big))
        dir.write("in/small.html", "<p>ok</p>")
        let run = try newsclean(["--max-bytes", "2500", "-o", dir.url("out"), "--errors", dir.url("e.jsonl"), dir.url("in")])
        #expect(run.status == 1)
        let lines = try jsonLines(try String(contentsOfFile: dir.url("e.jsonl"), encoding: .utf8))
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0["kind"] as? String == "too-large" })
        #expect(dir.allFiles(below: "out") == ["small.txt"])
    }

    /// Standard input that never ends keeps one page in flight; the signal must still end the run.
    func interrupt(_ signals: [Int32], expect status: Int32) throws {
        let dir = BatchTestDirectory("cli")
        defer { dir.remove() }
        let pipe = Pipe()
        let run = try newsclean(["-o", dir.url("out"), "-"], stdinPipe: pipe, timeout: 20) { process in
            usleep(1_000_000)    // let it install its signal handlers and block on stdin
            for number in signals {
                kill(process.processIdentifier, number)
                usleep(100_000)
            }
        }
        try? pipe.fileHandleForWriting.close()
        #expect(run.reason == .exit)
        #expect(run.status == status)
        #expect(run.stderr.contains("interrupted: 0 of 1 pages done\n"), "\(run.stderr)")
        #expect(dir.allFiles(below: "out").isEmpty)
    }

    @Test func sigintTwiceAbandonsAtOnce() throws {
        try interrupt([SIGINT, SIGINT], expect: 130)
    }

    @Test func sigtermStopsAfterTheGracePeriod() throws {
        try interrupt([SIGTERM], expect: 143)
    }
}
