#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NewsCleaner
import NewsCleanerWARC
import NewsCleanerSupport

/// A stream of whole outputs (pages or JSON lines) from several threads into one place:
/// standard output, or one file written under a hidden temporary name and renamed into place
/// by `commit()` (so a reader never sees a half-written file under the final name; an
/// interrupted or failed run leaves no file). Each `write` is atomic with respect to the others,
/// so lines from different workers never interleave. After a failed write nothing more is
/// written; when standard output is a regular file (`> all.jsonl`), the torn part of the failed
/// write is cut off, so the file ends with the last whole line.
// @unchecked Sendable: `fd` and `closed` are only touched while holding `lock`.
final class LineSink: @unchecked Sendable {
    private let lock = NSLock()
    private var fd: Int32
    private var closed = false
    /// The errno of the first failed write: the file is then never published.
    private var failure: Int32?
    /// Where the bytes go until `commit()`; nil for standard output.
    let temporaryPath: String?
    /// The final name; nil for standard output.
    let path: String?
    /// Standard output is a regular file: a failed write can be cut back to where it began.
    private let rewindable: Bool

    /// Serial numbers for temporary names, unique within the process.
    nonisolated(unsafe) private static var serial = 0
    private static let serialLock = NSLock()
    /// Permission bits of created files (before the umask), as `AtomicFileWriter` uses.
    static let fileMode: mode_t = 0o666

    private init(fd: Int32, temporaryPath: String?, path: String?) {
        self.fd = fd
        self.temporaryPath = temporaryPath
        self.path = path
        var info = stat()
        rewindable = path == nil && fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// True once a write failed (every later write is refused).
    var hasFailed: Bool {
        lock.lock(); defer { lock.unlock() }
        return failure != nil
    }

    /// Standard output (never closed).
    static func standardOutput() -> LineSink { LineSink(fd: 1, temporaryPath: nil, path: nil) }

    /// A new file at `path`, created (with its directories) under a temporary name.
    static func file(_ path: String) throws(BatchError) -> LineSink {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try AtomicFileWriter.makeDirectories(directory) }
        AtomicFileWriter.removeStaleTemporaries(in: directory.isEmpty ? "." : directory)
        serialLock.lock()
        serial += 1
        let number = serial
        serialLock.unlock()
        let temporary = AtomicFileWriter.temporaryPath(for: path, pid: getpid(), serial: number)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw .system(.write, "cannot create \(temporary)", errno: errno) }
        return LineSink(fd: fd, temporaryPath: temporary, path: path)
    }

    /// Writes all of `text` in one go; nil on success, else the errno of the failed write
    /// (captured on the writing thread). After a failure every later write fails the same way.
    func write(_ text: String) -> Int32? {
        lock.lock(); defer { lock.unlock() }
        if let failure { return failure }
        guard !closed else { return EBADF }
        var copy = text
        let start = rewindable ? lseek(fd, 0, SEEK_CUR) : -1
        let code = copy.withUTF8 { writeAllReportingErrno(fd, UnsafeRawBufferPointer($0)) }
        if code != 0 {
            // Cut a torn line off a redirected standard output (a pipe cannot be cut: its reader
            // sees a torn last line, and nothing after it).
            if start >= 0 && ftruncate(fd, start) == 0 { lseek(fd, start, SEEK_SET) }
            failure = code
            return code
        }
        return nil
    }

    /// Closes the temporary file and renames it to `path` (nothing for standard output).
    func commit() throws(BatchError) {
        lock.lock(); defer { lock.unlock() }
        guard let temporaryPath, let path, !closed else { return }
        closed = true
        if let failure {
            // A torn last line must not be published under the final name.
            close(fd)
            unlink(temporaryPath)
            throw .system(.write, "cannot write \(path) (not published)", errno: failure)
        }
        let closeFailed = close(fd) != 0
        if closeFailed || rename(temporaryPath, path) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw .system(.write, "cannot write \(path)", errno: code)
        }
    }

    /// Closes and removes the temporary file (nothing for standard output).
    func abandon() {
        lock.lock(); defer { lock.unlock() }
        guard let temporaryPath, !closed else { return }
        closed = true
        close(fd)
        unlink(temporaryPath)
    }
}
