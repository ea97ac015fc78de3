import Foundation
import NewsCleaner
import Testing

// Golden tests: NewsCleaner's current text output for known pages, kept in files, so any change
// of behaviour shows up as a diff to review. They record behaviour, not the truth (QualityTests
// measures against the truth).
//
// - TestPages/<case>/source.html → TestPages/<case>/expected.txt (every folder with both files);
// - TestPages/aeb/html/ID.html.gz → TestPages/aeb/expected/ID.txt (every AEB page).
//
// Hand-written cases (with meta.json) are the truth: the recorder never overwrites them.
// Re-record after an intended change: tools/update-golden (NEWSCLEANER_RECORD=1 swift test
// --filter Golden), then review `git diff TestPages` before committing.

/// Golden-file comparison and recording.
enum Golden {
    /// Environment variable that switches the tests from comparing to writing expected files.
    static let recordVariable = "NEWSCLEANER_RECORD"
    /// Lines of agreeing context shown before the first difference.
    static let contextBefore = 3
    /// Lines of each side shown from the first difference on.
    static let linesAfter = 4
    /// Input file of a `TestPages/<case>/` folder.
    static let sourceName = "source.html"
    /// Expected-output file of a `TestPages/<case>/` folder.
    static let expectedName = "expected.txt"
    /// A case folder holding this file was written by hand: its expected.txt is the truth.
    static let handWrittenMarker = "meta.json"
    /// The command that re-records, named in failure messages.
    static let recordCommand = "tools/update-golden"

    /// True when the run writes expected files instead of comparing.
    static var recording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

    /// `TestPages/<case>/` folders to check: those with source.html and expected.txt
    /// (when recording, every folder with source.html, so new cases get their first expected.txt).
    static var caseNames: [String] {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: TestPages.root.path)) ?? []
        return names.filter { name in
            let folder = TestPages.root.appendingPathComponent(name)
            guard fm.fileExists(atPath: folder.appendingPathComponent(sourceName).path) else { return false }
            return recording || fm.fileExists(atPath: folder.appendingPathComponent(expectedName).path)
        }.sorted()
    }

    /// Compares `actual` with the file (or writes it when recording); a mismatch is one issue with a diff.
    static func check(_ actual: String, against expectedFile: URL, name: String, handWritten: Bool = false,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let shownPath = relativePath(expectedFile)
        if recording && !handWritten {
            try FileManager.default.createDirectory(at: expectedFile.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: expectedFile, options: .atomic)
            return
        }
        guard let data = FileManager.default.contents(atPath: expectedFile.path) else {
            Issue.record("\(name): \(shownPath) is missing; run \(recordCommand) to record it",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if let diff = diff(expected: expected, actual: actual) {
            let message = "golden mismatch for \(name) (\(shownPath)), \(diff)\n"
                + "If the change is intended, run \(recordCommand) and review git diff TestPages."
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    /// A short unified-style diff from the first differing line, or nil when the texts are equal.
    ///
    /// `  ` agreeing context, `- ` expected, `+ ` actual; lines that differ only in invisible
    /// characters are shown quoted and escaped.
    static func diff(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        if expected.isEmpty || actual.isEmpty {
            let (what, text, sign) = expected.isEmpty ? ("expected", actual, "+ ") : ("actual", expected, "- ")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let shown = lines.prefix(contextBefore + linesAfter).map { sign + $0 }
            return (["\(what) text is empty; the other side starts:"] + shown).joined(separator: "\n")
        }
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var first = 0
        while first < left.count, first < right.count, left[first] == right[first] { first += 1 }
        let leftEnd = min(left.count, first + linesAfter)
        let rightEnd = min(right.count, first + linesAfter)
        let subtle = first < left.count && first < right.count
            && left[first].trimmingCharacters(in: .whitespaces) == right[first].trimmingCharacters(in: .whitespaces)
        func show(_ line: Substring) -> String { subtle ? String(reflecting: String(line)) : String(line) }

        var out = ["first difference at line \(first + 1) (expected \(left.count) lines, actual \(right.count)):",
                   "--- expected", "+++ actual",
                   "@@ -\(first + 1) +\(first + 1) @@"]
        for line in left[max(0, first - contextBefore)..<first] { out.append("  " + line) }
        for line in left[first..<leftEnd] { out.append("- " + show(line)) }
        if leftEnd < left.count { out.append("- … \(left.count - leftEnd) more") }
        for line in right[first..<rightEnd] { out.append("+ " + show(line)) }
        if rightEnd < right.count { out.append("+ … \(right.count - rightEnd) more") }
        return out.joined(separator: "\n")
    }

    /// `path` relative to the package root, for messages.
    static func relativePath(_ url: URL) -> String {
        let root = TestPages.packageRoot.path + "/"
        return url.path.hasPrefix(root) ? String(url.path.dropFirst(root.count)) : url.path
    }
}

@Suite struct GoldenTests {
    @Test("TestPages/<case>/source.html gives expected.txt", arguments: Golden.caseNames)
    func namedCase(_ name: String) throws {
        let folder = TestPages.root.appendingPathComponent(name)
        let html = try Data(contentsOf: folder.appendingPathComponent(Golden.sourceName))
        let article = try Cleaner().clean(html: [UInt8](html))
        // A case with meta.json was written by hand: its expected.txt is the truth, never re-recorded.
        let handWritten = FileManager.default.fileExists(atPath: folder.appendingPathComponent(Golden.handWrittenMarker).path)
        try Golden.check(article.text, against: folder.appendingPathComponent(Golden.expectedName), name: name,
                         handWritten: handWritten)
    }

    @Test("TestPages/aeb/expected/ exists and has no stale files")
    func aebExpectedFolder() throws {
        if Golden.recording { return }
        let path = TestPages.aebExpected.path
        guard FileManager.default.fileExists(atPath: path) else {
            Issue.record("\(Golden.relativePath(TestPages.aebExpected)) does not exist: run \(Golden.recordCommand) to record the AEB golden files")
            return
        }
        let pages = Set(TestPages.aebIDs)
        let stale = try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { $0.hasSuffix(".txt") && !pages.contains(String($0.dropLast(".txt".count))) }
        #expect(stale.isEmpty, "expected files without a page in TestPages/aeb/html: \(stale.sorted())")
    }

    @Test("TestPages/aeb/html/ID.html.gz gives expected/ID.txt", arguments: TestPages.aebIDs)
    func aebPage(_ id: String) throws {
        let article = try Cleaner().clean(html: try TestPages.aebPage(id))
        try Golden.check(article.text, against: TestPages.aebExpected.appendingPathComponent(id + ".txt"),
                         name: "aeb/\(id)")
    }
}

@Suite struct GoldenDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(Golden.diff(expected: "a\nb\n", actual: "a\nb\n") == nil)
    }

    @Test func diffNamesTheFirstDifferingLineWithContext() throws {
        let expected = "title\n\none\ntwo\nthree\nfour\n"
        let actual = "title\n\none\ntwo\nTHREE\nfour\n"
        let diff = try #require(Golden.diff(expected: expected, actual: actual))
        #expect(diff == [
            "first difference at line 5 (expected 7 lines, actual 7):",
            "--- expected", "+++ actual", "@@ -5 +5 @@",
            "  ", "  one", "  two",
            "- three", "- four", "- ",
            "+ THREE", "+ four", "+ ",
        ].joined(separator: "\n"))
    }

    @Test func emptyOutputIsNamed() throws {
        let diff = try #require(Golden.diff(expected: "Title\n\nBody\n", actual: ""))
        #expect(diff.hasPrefix("actual text is empty; the other side starts:\n- Title"))
    }

    @Test func whitespaceOnlyDifferencesAreShownEscaped() throws {
        let diff = try #require(Golden.diff(expected: "a\nb", actual: "a\nb "))
        #expect(diff.contains("- \"b\""))
        #expect(diff.contains("+ \"b \""))
    }
}
