#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import NewsCleaner
@testable import NewsCleanerSupport

@Suite struct AtomicFileWriterTests {
    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func temporaryNameIsHiddenInTheSameDirectory() {
        #expect(AtomicFileWriter.temporaryPath(for: "out/a/b.txt", pid: 42, serial: 7) == "out/a/.nc.42.7.tmp")
        #expect(AtomicFileWriter.temporaryPath(for: "b.txt", pid: 1, serial: 2) == ".nc.1.2.tmp")
        #expect(AtomicFileWriter.temporaryOwner(".nc.42.7.tmp") == 42)
        #expect(AtomicFileWriter.temporaryOwner(".b.txt.tmp.42.7") == 42)
        #expect(AtomicFileWriter.temporaryOwner("b.txt.tmp.42.7") == nil)
        #expect(AtomicFileWriter.temporaryOwner(".nc.x.7.tmp") == nil)
        #expect(AtomicFileWriter.temporaryOwner(".notes.txt") == nil)
    }

    @Test func writesCreatesParentsAndLeavesNoTemporary() throws {
        let dir = BatchTestDirectory("writer")
        defer { dir.remove() }
        let writer = AtomicFileWriter()
        let target = dir.url("out/a/b/page.txt")
        try writer.write("héllo\n", to: target)
        #expect(contents(target) == "héllo\n")
        try writer.write("second", to: target)
        #expect(contents(target) == "second")
        #expect(dir.allFiles() == ["out", "out/a", "out/a/b", "out/a/b/page.txt"])
        #expect(writer.temporariesInFlight.isEmpty)
    }

    @Test func failsWhenAParentIsARegularFile() {
        // Root may write anywhere, so provoke the failure with a file where a directory must be.
        let dir = BatchTestDirectory("writer")
        defer { dir.remove() }
        dir.write("out/blocker", "I am a file")
        let writer = AtomicFileWriter()
        #expect(throws: BatchError.self) { try writer.write("x", to: dir.url("out/blocker/page.txt")) }
        #expect(throws: BatchError.self) { try writer.write("x", to: dir.url("out/blocker/deeper/page.txt")) }
        do {
            try writer.write("x", to: dir.url("out/blocker/page.txt"))
        } catch {
            #expect(error.kind == .write)
            #expect(error.message.contains("Not a directory"))
        }
        #expect(dir.allFiles() == ["out", "out/blocker"])
        #expect(contents(dir.url("out/blocker")) == "I am a file")
    }

    @Test func failedRenameRemovesTheTemporary() {
        // The temporary is created and written, then rename(2) onto a non-empty directory fails.
        let dir = BatchTestDirectory("writer")
        defer { dir.remove() }
        dir.write("out/page.txt/keep", "x")
        let writer = AtomicFileWriter()
        #expect(throws: BatchError.self) { try writer.write("data", to: dir.url("out/page.txt")) }
        #expect(dir.allFiles(below: "out") == ["page.txt", "page.txt/keep"])
        #expect(writer.temporariesInFlight.isEmpty)
    }

    @Test func abandonRefusesLaterWrites() {
        let dir = BatchTestDirectory("writer")
        defer { dir.remove() }
        let writer = AtomicFileWriter()
        #expect(writer.abandon() == 0)
        #expect(throws: BatchError.self) { try writer.write("x", to: dir.url("late.txt")) }
        #expect(dir.allFiles().isEmpty)
    }

    @Test func concurrentWritersDoNotCollide() throws {
        let dir = BatchTestDirectory("writer")
        defer { dir.remove() }
        let writer = AtomicFileWriter()
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            // Half the writers share a target: the last rename wins, never a torn file.
            let name = index % 2 == 0 ? "shared.txt" : "own-\(index).txt"
            try? writer.write(String(repeating: "\(index % 10)", count: 10_000), to: dir.url("out/sub/\(name)"))
        }
        let files = dir.allFiles(below: "out/sub")
        #expect(files.count == 33)
        #expect(!files.contains { $0.hasPrefix(".") })
        let shared = contents(dir.url("out/sub/shared.txt")) ?? ""
        #expect(shared.count == 10_000 && Set(shared).count == 1)
    }
}
