#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import NewsCleaner
@testable import NewsCleanerSupport

@Suite struct InputDiscoveryTests {
    private func walk(_ roots: [String], opener: InputWalker.DirectoryOpener? = nil) -> (pages: [InputItem], failures: [(String, BatchError)]) {
        var walker = InputWalker(roots: roots, openDirectory: opener)
        var pages: [InputItem] = []
        var failures: [(String, BatchError)] = []
        var steps = 0
        while let event = walker.next() {
            steps += 1
            precondition(steps < 10_000, "walker does not terminate")
            switch event {
            case .page(let item): pages.append(item)
            case .failure(let path, let error): failures.append((path, error))
            }
        }
        return (pages, failures)
    }

    @Test func pageNames() {
        for name in ["a.html", "a.HTML", "a.htm", "a.xhtml", "a.html.gz", "a.HTM.GZ", "x.y.xhtml.gz"] {
            #expect(PageFileName.isPage(name), "\(name)")
        }
        for name in ["a.txt", "a.gz", ".html", ".html.gz", "html", "a.html.bak", "a.shtml", "a.gz.html.zip"] {
            #expect(!PageFileName.isPage(name), "\(name)")
        }
    }

    @Test func findsPageExtensionsAndGzipRecursively() {
        let dir = BatchTestDirectory("walk")
        defer { dir.remove() }
        dir.write("in/a.html", "x")
        dir.write("in/b.HTM", "x")
        dir.write("in/c.xhtml.gz", TestGzip.stored(Array("x".utf8)))
        dir.write("in/sub/d.htm.gz", "x")
        dir.write("in/sub/deeper/e.html", "x")
        dir.write("in/sub/notes.txt", "x")
        dir.write("in/sub/f.gz", "x")
        dir.write("in/.html", "x")
        dir.mkdir("in/empty")
        let result = walk([dir.url("in") + "/"])
        #expect(result.failures.isEmpty)
        #expect(result.pages.map(\.relativePath).sorted() ==
                ["a.html", "b.HTM", "c.xhtml.gz", "sub/d.htm.gz", "sub/deeper/e.html"])
        for page in result.pages {
            #expect(page.path == dir.url("in/") + page.relativePath)
        }
    }

    @Test func explicitFileIsAPageWhateverItsName() {
        let dir = BatchTestDirectory("walk")
        defer { dir.remove() }
        let file = dir.write("notes.txt", "x")
        let result = walk([file, "-"])
        #expect(result.pages == [InputItem(path: file, relativePath: "notes.txt"), .standardInput])
    }

    @Test func missingRootIsAFailure() {
        let result = walk(["/nonexistent/newsclean/input"])
        #expect(result.pages.isEmpty)
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.1.kind == .read)
    }

    @Test func symlinkLoopIsReportedOnceAndTheWalkEnds() {
        let dir = BatchTestDirectory("walk")
        defer { dir.remove() }
        dir.write("in/a/page.html", "x")
        dir.symlink("in/a/up", to: "..")          // in/a/up -> in
        dir.symlink("in/self", to: ".")           // in/self -> in
        let result = walk([dir.url("in")])
        #expect(result.pages.map(\.relativePath) == ["a/page.html"])
        #expect(result.failures.count == 2)
        #expect(result.failures.allSatisfy { $0.1.kind == .symlinkLoop })
    }

    @Test func symlinkToOutsideDirectoryIsReportedAndFollowedOnlyWhenAllowed() {
        let dir = BatchTestDirectory("walk")
        defer { dir.remove() }
        dir.write("elsewhere/p.html", "x")
        dir.write("in/a/q.html", "x")
        dir.symlink("in/linked", to: dir.url("elsewhere"))
        let result = walk([dir.url("in")])
        #expect(result.failures.map { $0.1.kind } == [.symlinkOutside])
        #expect(result.failures.first?.0 == dir.url("in/linked"))
        #expect(result.pages.count == 1)
        var walker = InputWalker(roots: [dir.url("in")], followsLinksOutside: true)
        var pages: [String] = []
        while let event = walker.next() { if case .page(let item) = event { pages.append(item.relativePath) } }
        #expect(pages.contains("linked/p.html"))
    }

    @Test func unreadableDirectoryIsAFailureAndTheWalkContinues() {
        let dir = BatchTestDirectory("walk")
        defer { dir.remove() }
        dir.write("in/ok/a.html", "x")
        dir.write("in/locked/b.html", "x")
        let locked = dir.url("in/locked")
        let result: (pages: [InputItem], failures: [(String, BatchError)])
        if getuid() == 0 {
            // Root reads any directory, so simulate the permission error at opendir.
            result = walk([dir.url("in")], opener: { path in
                if path == locked { errno = EACCES; return nil }
                return opendir(path)
            })
        } else {
            chmod(locked, 0)
            result = walk([dir.url("in")])
            chmod(locked, 0o755)
        }
        #expect(result.pages.map(\.relativePath) == ["ok/a.html"])
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.0 == locked)
        #expect(result.failures.first?.1.kind == .walk)
        #expect(result.failures.first?.1.message.contains("Permission denied") == true)
    }

    @Test func fifoAndDanglingLinksNamedLikePagesAreFailures() {
        let dir = BatchTestDirectory("walk")
        defer { dir.remove() }
        dir.write("in/a.html", "x")
        #expect(mkfifo(dir.url("in/pipe.html"), 0o644) == 0)
        dir.symlink("in/gone.html", to: "missing.html")
        dir.symlink("in/gone-other", to: "missing")      // not page-like: ignored
        let result = walk([dir.url("in")])
        #expect(result.pages.map(\.relativePath) == ["a.html"])
        let kinds = Dictionary(uniqueKeysWithValues: result.failures.map { (InputWalker.baseName($0.0), $0.1.kind) })
        #expect(kinds == ["pipe.html": .notAFile, "gone.html": .read])
    }

    @Test func excludedDirectoryIsSkippedSilently() {
        let dir = BatchTestDirectory("walk")
        defer { dir.remove() }
        dir.write("in/a.html", "x")
        dir.write("in/out/old.html", "x")
        var walker = InputWalker(roots: [dir.url("in")], excluding: [dir.url("in/out"), dir.url("missing")])
        var events: [DiscoveryEvent] = []
        while let event = walker.next() { events.append(event) }
        #expect(events == [.page(InputItem(path: dir.url("in/a.html"), relativePath: "a.html"))])
        // An excluded root is still walked.
        var rootWalker = InputWalker(roots: [dir.url("in/out")], excluding: [dir.url("in/out")])
        #expect(rootWalker.next() == .page(InputItem(path: dir.url("in/out/old.html"), relativePath: "old.html")))
    }

    @Test func baseName() {
        #expect(InputWalker.baseName("a/b/") == "b")
        #expect(InputWalker.baseName("a/b.html") == "b.html")
        #expect(InputWalker.baseName("b") == "b")
        #expect(InputWalker.baseName("/") == "/")
    }
}
