#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NewsCleaner
import NewsCleanerWARC
import NewsCleanerSupport

/// Writes all of `text` to a file descriptor (retrying short writes and EINTR).
@discardableResult
func writeAll(_ fd: Int32, _ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
}

/// Writes all of `buffer` to a file descriptor (retrying short writes and EINTR); false on error.
@discardableResult
func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
    writeAllReportingErrno(fd, buffer) == 0
}

/// Writes all of `buffer`; 0 on success, else the errno of the failed write, read on this thread
/// right after the call.
func writeAllReportingErrno(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32 {
    var offset = 0
    while offset < buffer.count {
        let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
            let code = errno
            if code == EINTR { continue }
            return code
        }
        offset += n
    }
    return 0
}

/// The batch's counters and everything said on standard error: failures (one line each),
/// the `--errors` JSONL file, the progress line (only when stderr is a terminal, at most
/// ten times a second) and the final summary.
// @unchecked Sendable: every stored var is read and written only while holding `lock`;
// the lets are immutable after init.
final class Reporter: @unchecked Sendable {
    private let lock = NSLock()
    private let quiet: Bool
    private let showsProgress: Bool
    private let errorsFD: Int32?
    private let start = Date()
    private var lastProgress = Date.distantPast
    private var progressVisible = false
    private(set) var discovered = 0
    private(set) var cleaned = 0
    private(set) var failed = 0
    private(set) var skipped = 0
    private(set) var bytes = 0
    /// Failures where an input could not be read at all (kinds `read` and `walk`): exit status 3.
    private(set) var unreadable = 0
    /// Once set, per-page lines are no longer printed (the run is being torn down).
    private var silenced = false

    init(quiet: Bool, errorsFD: Int32?) {
        self.quiet = quiet
        self.errorsFD = errorsFD
        showsProgress = !quiet && isatty(2) == 1
    }

    var done: Int {
        lock.lock(); defer { lock.unlock() }
        return cleaned + failed + skipped
    }

    var discoveredCount: Int {
        lock.lock(); defer { lock.unlock() }
        return discovered
    }

    var failedCount: Int {
        lock.lock(); defer { lock.unlock() }
        return failed
    }

    /// The exit status of a finished run: 0 all good, 3 some input could not be read (worth a
    /// retry), 1 other failures.
    var exitStatus: Int32 {
        lock.lock(); defer { lock.unlock() }
        if unreadable > 0 { return exitUnreadable }
        return failed > 0 ? 1 : 0
    }

    /// A page that turned out to be something else (WARC data on standard input).
    func notAPage() {
        lock.lock(); defer { lock.unlock() }
        discovered -= 1
    }

    func found() {
        lock.lock(); defer { lock.unlock() }
        discovered += 1
        progressLocked(force: false)
    }

    func succeeded(storedBytes: Int) {
        lock.lock(); defer { lock.unlock() }
        cleaned += 1
        bytes += storedBytes
        progressLocked(force: false)
    }

    func skippedPage() {
        lock.lock(); defer { lock.unlock() }
        skipped += 1
        progressLocked(force: false)
    }

    func failed(path: String, error: any Error) {
        let (kind, message) = Self.describe(error)
        failure(path: path, kind: kind, message: message)
    }

    /// Counts and names one failure: `newsclean: PATH: MESSAGE` on stderr, a line in `--errors`.
    func failure(path: String, kind: String, message: String) {
        lock.lock(); defer { lock.unlock() }
        failed += 1
        if kind == BatchError.Kind.read.rawValue || kind == BatchError.Kind.walk.rawValue { unreadable += 1 }
        if silenced { return }
        clearProgressLocked()
        writeAll(2, Self.printable("newsclean: \(path): \(message)") + "\n")
        if let errorsFD {
            writeAll(errorsFD, "{\"path\":\(JSONRenderer.quote(path)),\"kind\":\(JSONRenderer.quote(kind)),\"message\":\(JSONRenderer.quote(message))}\n")
        }
        progressLocked(force: false)
    }

    /// Stop printing per-page lines (after an interrupt gave up on in-flight pages).
    func silence() {
        lock.lock(); defer { lock.unlock() }
        silenced = true
    }

    /// Redraws the progress line if it is due (called from the main thread's wait loop too).
    func tick() {
        lock.lock(); defer { lock.unlock() }
        progressLocked(force: false)
    }

    /// Removes the progress line, prints the summary unless quiet.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        clearProgressLocked()
        guard !quiet else { return }
        let seconds = max(Date().timeIntervalSince(start), 0)
        let rate = seconds > 0 ? Double(cleaned) / seconds : 0
        let megabytes = Double(bytes) / 1_000_000
        writeAll(2, String(format: "cleaned %d pages, %d failed, %d skipped, %.1f MB in %.2f s (%.1f pages/s)\n",
                           cleaned, failed, skipped, megabytes, seconds, rate))
    }

    /// A per-file summary line on stderr (`newsclean: LINE`), unless quiet.
    func summary(_ line: String) {
        guard !quiet else { return }
        say("newsclean: " + line)
    }

    /// Prints a line on stderr (clearing the progress line first).
    func say(_ line: String) {
        lock.lock(); defer { lock.unlock() }
        clearProgressLocked()
        writeAll(2, Self.printable(line) + "\n")
    }

    /// `text` with control characters escaped as in JSON (`\n`, `\r`, `\t`, `\u001b` …), so
    /// file names cannot move the cursor or recolour the terminal.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0, DEL and C1 control characters.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value)
    }

    private func progressLocked(force: Bool) {
        guard showsProgress, !silenced else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastProgress) >= 0.1 else { return }
        lastProgress = now
        let seconds = now.timeIntervalSince(start)
        let rate = seconds > 0 ? Double(cleaned) / seconds : 0
        let line = String(format: "\r\u{1B}[K%d/%d pages, %d failed, %d skipped, %.1f MB, %.1f pages/s",
                          cleaned + failed + skipped, discovered, failed, skipped, Double(bytes) / 1_000_000, rate)
        writeAll(2, line)
        progressVisible = true
    }

    private func clearProgressLocked() {
        guard progressVisible else { return }
        writeAll(2, "\r\u{1B}[K")
        progressVisible = false
    }

    /// The `--errors` kind and the one-line message for an error.
    static func describe(_ error: any Error) -> (kind: String, message: String) {
        let kind: String, message: String
        switch error {
        case let error as CleanerError: (kind, message) = (error.kind, error.description)
        case let error as BatchError: (kind, message) = (error.kind.rawValue, error.description)
        default: (kind, message) = ("error", String(describing: error))
        }
        // One failure, one stderr line: fold any line breaks a description may carry.
        return (kind, message.split(whereSeparator: \.isNewline).joined(separator: " "))
    }
}
