#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NewsCleaner
@testable import NewsCleanerWARC
import Testing

/// WARC input under hostile files: signals, memory, bogus lengths, undecodable responses,
/// WARC data on standard input without `--warc`, and a closed standard output.
@Suite struct CLIWarcSafetyTests {
    let cli = CLITests()

    static let html = Array("<html><head><title>T</title></head><body><p>A paragraph of article text, long enough to keep.</p></body></html>".utf8)

    static func good(_ id: Int) -> [UInt8] {
        CLIWarcTests.response(uri: "https://example.test/\(id)", id: id, body: html)
    }

    /// A response record with raw HTTP headers and body.
    static func raw(_ id: Int, http: String, body: [UInt8]) -> [UInt8] {
        CLIWarcTests.record(type: "response", uri: "https://example.test/\(id)", id: id,
                            contentType: "application/http; msgtype=response", content: Array(http.utf8) + body)
    }

    /// Peak resident memory of a running process (VmHWM), polled until it exits.
    static func peakKilobytes(_ process: Process) -> Int {
        var peak = 0
        while process.isRunning {
            if let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
               let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kb = Int(line.split(separator: " ").dropFirst().first ?? "") {
                peak = max(peak, kb)
            }
            usleep(20_000)
        }
        return peak
    }

    @Test func sigtermHonoursTheGracePeriodInWarcMode() throws {
        let pipe = Pipe()
        let start = Date()
        var sent = Date()
        let run = try cli.newsclean(["-q", "--warc", "-"], stdinPipe: pipe, timeout: 30) { process in
            pipe.fileHandleForWriting.write(Data(Self.good(1)))
            usleep(1_000_000)    // one record in, then standard input stays open and silent
            sent = Date()
            kill(process.processIdentifier, SIGTERM)
        }
        try? pipe.fileHandleForWriting.close()
        #expect(run.reason == .exit)
        #expect(run.status == 143)
        #expect(Date().timeIntervalSince(sent) < 6, "took \(Date().timeIntervalSince(start)) s")
    }

    @Test func oversizeRecordsAreSkippedByStreamingPastThem() throws {
        let dir = BatchTestDirectory("cli-warc-mem")
        defer { dir.remove() }
        let filler = [UInt8](repeating: UInt8(ascii: "a"), count: 20 << 20)
        var file: [UInt8] = []
        for id in 1...8 {
            let body = Array("<html><body><p>".utf8) + filler + Array("</p></body></html>".utf8)
            file += try Gzip.compress(CLIWarcTests.response(uri: "https://example.test/big\(id)", id: id, body: body))
        }
        file += try Gzip.compress(Self.good(9))
        dir.write("big.warc.gz", file)
        var peak = 0
        let run = try cli.newsclean(["-j", "2", "--max-bytes", "1m", "-f", "jsonl", "--errors", dir.url("e.jsonl"),
                                     dir.url("big.warc.gz")], timeout: 120) { process in
            peak = Self.peakKilobytes(process)
        }
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == 1)
        #expect(peak < 60_000, "peak RSS \(peak) kB")   // main held each record: 104 MB here; skipping: 26 MB
        let errors = try cli.jsonLines(String(decoding: FileManager.default.contents(atPath: dir.url("e.jsonl")) ?? Data(), as: UTF8.self))
        #expect(errors.count == 8, "\(run.stderr)")
        #expect(errors.allSatisfy { ($0["message"] as? String ?? "").contains("offset") })
    }


    /// Records just under `--max-bytes` cannot pile up: the first record's line blocks on a
    /// standard output nobody reads, and the reader must stop once the records it has read hold
    /// the byte budget (`jobs` records of the largest size), not run on to the count window
    /// (4 × jobs records). Here: 8 records of 0.9 × 8 MiB with `-j 2`.
    @Test func recordsJustUnderTheLimitArePacedByBytes() throws {
        let binary = try #require(CLITests.binary)
        let dir = BatchTestDirectory("cli-warc-budget")
        defer { dir.remove() }
        let limit = 8 << 20
        let paragraph = "<p>" + String(repeating: "Words of a long article paragraph, kept by the cleaner. ", count: 40) + "</p>\n"
        let long = Array(("<html><head><title>Long</title></head><body><article>"
            + String(repeating: paragraph, count: 80) + "</article></body></html>").utf8)   // a line over 64 KiB
        var file = try Gzip.compress(CLIWarcTests.response(uri: "https://example.test/long", id: 1, body: long))
        // Cheap to refuse (a PDF signature), so only the reader's pace decides what is held.
        let big = Array("%PDF-1.7 ".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: limit * 9 / 10)
        for id in 2...9 {
            file += try Gzip.compress(CLIWarcTests.response(uri: "https://example.test/big\(id)", id: id, body: big))
        }
        dir.write("near.warc.gz", file)
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-q", "-j", "2", "--max-bytes", "8m", dir.url("near.warc.gz")]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        // Standard output is not read yet: wait until the peak stops growing (the reader waits).
        var peak = 0, stableSince = Date()
        let started = Date()
        while process.isRunning && Date().timeIntervalSince(stableSince) < 3 && Date().timeIntervalSince(started) < 60 {
            if let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
               let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kb = Int(line.split(separator: " ").dropFirst().first ?? ""), kb > peak {
                peak = kb
                stableSince = Date()
            }
            usleep(50_000)
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)    // the eight refused records are failures
        #expect(String(decoding: out, as: UTF8.self).split(separator: "\n").count == 1)
        // Each queued big record holds its 7.2 MiB body; the budget admits two, the reader
        // holds a third (64 MB measured); the count window alone let eight pile up (155 MB).
        #expect(peak < 100_000, "peak RSS \(peak) kB")
    }
    @Test(arguments: [false, true])
    func bogusContentLengthResynchronises(gzip: Bool) throws {
        let dir = BatchTestDirectory("cli-warc-len")
        defer { dir.remove() }
        var bogus = Self.good(2)
        let text = String(decoding: bogus, as: UTF8.self)
        let declared = text.range(of: #"Content-Length: \d+\r\n\r\nHTTP"#, options: .regularExpression)!
        bogus = Array(text.replacingCharacters(in: declared, with: "Content-Length: 1000000000000\r\n\r\nHTTP").utf8)
        let records = [Self.good(1), bogus, Self.good(3), Self.good(4)]
        let bytes = gzip ? try records.map { try Gzip.compress($0) }.flatMap { $0 } : records.flatMap { $0 }
        dir.write("bogus.warc" + (gzip ? ".gz" : ""), bytes)
        let run = try cli.newsclean(["-f", "jsonl", dir.url("bogus.warc" + (gzip ? ".gz" : ""))])
        #expect(run.status == 1, "\(run.stderr)")
        let urls = run.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["url"] as? String
        }
        #expect(urls == ["https://example.test/1", "https://example.test/3", "https://example.test/4"], "\(run.stderr)")
    }

    @Test func undecodableHTMLResponsesAreNamedFailures() throws {
        let dir = BatchTestDirectory("cli-warc-drop")
        defer { dir.remove() }
        let bomb = try Gzip.compress([UInt8](repeating: UInt8(ascii: "x"), count: 200_000))
        var corrupt = try Gzip.compress(Self.html)
        corrupt.replaceSubrange(12..<20, with: [UInt8](repeating: 0xff, count: 8))
        let records: [[UInt8]] = [
            Self.good(1),
            Self.raw(2, http: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n", body: [1, 2, 3, 4]),
            Self.raw(3, http: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n", body: corrupt),
            Self.raw(4, http: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n", body: bomb),
            Self.raw(5, http: "", body: Self.html),
            Self.good(6),
        ]
        var offsets: [Int] = []
        var position = 0
        for record in records { offsets.append(position); position += record.count }
        dir.write("drops.warc", records.flatMap { $0 })
        let run = try cli.newsclean(["--max-bytes", "100k", "-f", "jsonl", "--errors", dir.url("e.jsonl"), dir.url("drops.warc")])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == 2)
        for offset in offsets[1...4] {
            #expect(run.stderr.contains("offset \(offset)"), "offset \(offset) not named: \(run.stderr)")
        }
        let errors = try cli.jsonLines(String(decoding: FileManager.default.contents(atPath: dir.url("e.jsonl")) ?? Data(), as: UTF8.self))
        #expect(errors.count == 4)
    }

    @Test func standardInputWithoutTheFlagIsSniffed() throws {
        let records = [Self.good(1), Self.good(2)]
        let gz = Data(try records.map { try Gzip.compress($0) }.flatMap { $0 })
        let run = try cli.newsclean(["-q", "-"], stdin: gz)
        #expect(run.status == 0, "\(run.stderr)")
        let urls = run.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["url"] as? String
        }
        #expect(urls == ["https://example.test/1", "https://example.test/2"])
    }

    @Test func closedStandardOutputStopsAWarcRun() throws {
        let binary = try #require(CLITests.binary)
        signal(SIGPIPE, SIG_IGN)    // writing to the stopped process must fail, not kill the tests
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-q", "--warc", "-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        // More than the 4 KiB the reader sniffs first, so records come out while input stays open.
        try input.fileHandleForWriting.write(contentsOf: Data((1...12).flatMap { Self.good($0) }))
        _ = output.fileHandleForReading.availableData
        try output.fileHandleForReading.close()
        // More records keep coming; standard input never ends.
        for id in 13...15 {
            if !process.isRunning { break }
            do { try input.fileHandleForWriting.write(contentsOf: Data(Self.good(id))) } catch { break }
            usleep(200_000)
        }
        let closed = Date()
        while process.isRunning && Date().timeIntervalSince(closed) < 10 { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 141)
    }
}
