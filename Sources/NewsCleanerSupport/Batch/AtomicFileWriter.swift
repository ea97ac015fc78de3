#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NewsCleaner

/// Writes files atomically: the bytes go to a hidden temporary file in the destination's
/// directory (`.NAME.tmp.PID.N`), which is then renamed over the destination, so readers see
/// either the old file or the complete new one, never a torn one. On any failure the
/// temporary file is removed.
///
/// Thread-safe: workers share one writer. `abandon()` (for SIGINT/SIGTERM) removes every
/// temporary file still in flight and refuses later writes, so an interrupted run leaves no
/// temporary files behind.
///
/// ```swift
/// let writer = AtomicFileWriter()
/// try writer.write(Array("hello\n".utf8), to: "out/a/b.txt")   // creates out/a as needed
/// ```
// @unchecked Sendable: the mutable state (`counter`, `live`, `abandoned`) is only touched
// while holding `lock`.
package final class AtomicFileWriter: @unchecked Sendable {
    private let lock = NSLock()
    private var counter = 0
    private var live = Set<String>()
    private var abandoned = false
    /// Directories already swept of stale temporary files in this run.
    private var swept = Set<String>()
    /// Create missing parent directories (like `mkdir -p`). Default: on.
    package let createsDirectories: Bool
    /// Permission bits for new files (before umask).
    package let mode: mode_t

    package init(createsDirectories: Bool = true, mode: mode_t = 0o666) {
        self.createsDirectories = createsDirectories
        self.mode = mode
    }

    /// The hidden temporary name used for `path`: `dir/.nc.PID.N.tmp`. It does not repeat the
    /// file name, so it is short whatever the name's length (NAME_MAX is 255 bytes).
    package static func temporaryPath(for path: String, pid: Int32, serial: Int) -> String {
        let directory = parent(of: path)
        return (directory.map { $0 + "/" } ?? "") + ".nc.\(pid).\(serial).tmp"
    }

    /// The process ID in a temporary name of this writer (`.nc.PID.N.tmp`, or the older
    /// `.NAME.tmp.PID.N`), or nil for any other name.
    package static func temporaryOwner(_ name: String) -> Int32? {
        guard name.hasPrefix(".") else { return nil }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let isNumber = { (part: Substring) in !part.isEmpty && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) }
        if parts.count == 5, parts[1] == "nc", parts[4] == "tmp", isNumber(parts[2]), isNumber(parts[3]) {
            return Int32(parts[2])
        }
        if parts.count >= 5, parts[parts.count - 3] == "tmp", isNumber(parts[parts.count - 2]), isNumber(parts[parts.count - 1]) {
            return Int32(parts[parts.count - 2])
        }
        return nil
    }

    /// Removes the temporary files in `directory` left by processes that no longer run (a
    /// `kill -9`); returns how many were removed. Files of live processes are kept.
    @discardableResult
    package static func removeStaleTemporaries(in directory: String) -> Int {
        guard let dir = opendir(directory) else { return 0 }
        defer { closedir(dir) }
        var removed = 0
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    String(cString: $0)
                }
            }
            guard let pid = temporaryOwner(name), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH && unlink(InputWalker.join(directory, name)) == 0 { removed += 1 }
        }
        return removed
    }

    /// The temporary files being written right now (for tests and diagnostics).
    package var temporariesInFlight: [String] {
        lock.lock(); defer { lock.unlock() }
        return Array(live)
    }

    /// Writes `string` as UTF-8.
    package func write(_ string: String, to path: String) throws(BatchError) {
        var copy = string
        let result: Result<Void, BatchError> = copy.withUTF8 { buffer in
            do throws(BatchError) {
                try write(UnsafeRawBufferPointer(buffer), to: path)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Writes `bytes`.
    package func write(_ bytes: [UInt8], to path: String) throws(BatchError) {
        let result: Result<Void, BatchError> = bytes.withUnsafeBytes { buffer in
            do throws(BatchError) {
                try write(buffer, to: path)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Writes the bytes in `buffer` to `path` atomically.
    package func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws(BatchError) {
        if createsDirectories, let directory = Self.parent(of: path) {
            try Self.makeDirectories(directory)
        }
        let directory = Self.parent(of: path) ?? "."
        lock.lock()
        let sweep = swept.insert(directory).inserted
        lock.unlock()
        if sweep { Self.removeStaleTemporaries(in: directory) }
        guard let temporary = register(path) else {
            throw BatchError(.write, "cannot write \(path): interrupted")
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if fd < 0 {
            let code = errno
            unregister(temporary)
            throw .system(.write, "cannot write \(path)", errno: code)
        }
        var failure: Int32 = 0
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            offset += n
        }
        if close(fd) != 0 && failure == 0 && errno != EINTR { failure = errno }
        if failure == 0 {
            lock.lock()
            // Once abandoned, the temporary may already be gone; do not publish.
            let stillLive = live.contains(temporary)
            if stillLive && rename(temporary, path) != 0 { failure = errno }
            if !stillLive { failure = EINTR }
            live.remove(temporary)
            lock.unlock()
            if failure == 0 { return }
        }
        unlink(temporary)
        unregister(temporary)
        throw .system(.write, "cannot write \(path)", errno: failure)
    }

    /// Removes every temporary file in flight and refuses later writes; returns how many were removed.
    @discardableResult
    package func abandon() -> Int {
        lock.lock(); defer { lock.unlock() }
        abandoned = true
        var removed = 0
        for temporary in live where unlink(temporary) == 0 { removed += 1 }
        live.removeAll()
        return removed
    }

    private func register(_ path: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        if abandoned { return nil }
        counter += 1
        let temporary = Self.temporaryPath(for: path, pid: getpid(), serial: counter)
        live.insert(temporary)
        return temporary
    }

    private func unregister(_ temporary: String) {
        lock.lock(); defer { lock.unlock() }
        live.remove(temporary)
    }

    /// The directory part of `path`, or nil for a bare name.
    static func parent(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `mkdir -p`: creates `directory` and its missing parents.
    package static func makeDirectories(_ directory: String) throws(BatchError) {
        var info = stat()
        if stat(directory, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            throw .system(.write, "cannot create directory \(directory)", errno: ENOTDIR)
        }
        if let parent = parent(of: directory), parent != directory {
            try makeDirectories(parent)
        }
        if mkdir(directory, 0o777) != 0 {
            let code = errno
            // Another worker may have created it in the meantime.
            if code == EEXIST, stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return }
            throw .system(.write, "cannot create directory \(directory)", errno: code)
        }
    }
}
