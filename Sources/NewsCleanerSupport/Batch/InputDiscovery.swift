#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NewsCleaner

/// One page to clean, as found by `InputWalker`.
package struct InputItem: Sendable, Equatable {
    /// The path to read (`-` for standard input).
    package var path: String
    /// The path relative to the input root it was found under, `/`-separated; for a file given
    /// directly, its file name. Output paths mirror this, never `path`.
    package var relativePath: String

    package init(path: String, relativePath: String) {
        self.path = path
        self.relativePath = relativePath
    }

    /// Standard input as an item (`relativePath` is `stdin`).
    package static let standardInput = InputItem(path: "-", relativePath: "stdin")

    package var isStandardInput: Bool { path == "-" }
}

/// What the walker found: a page, or a path that could not be walked (reported per page).
package enum DiscoveryEvent: Sendable, Equatable {
    case page(InputItem)
    case failure(path: String, error: BatchError)
}

/// Which file names count as pages inside an input directory.
package enum PageFileName {
    /// Page extensions, lowercase, without the dot; each also counts with `.gz` after it.
    package static let extensions: [String] = ["html", "htm", "xhtml"]

    /// True for `a.html`, `a.HTM`, `a.xhtml.gz` …; false for `a.txt`, `.html`, `a.gz`.
    package static func isPage(_ name: String) -> Bool {
        var lower = name.lowercased()
        if lower.hasSuffix(".gz") { lower.removeLast(3) }
        guard let dot = lower.lastIndex(of: "."), dot != lower.startIndex else { return false }
        return extensions.contains(String(lower[lower.index(after: dot)...]))
    }
}

/// Finds the pages under the batch inputs lazily, one directory listing at a time.
///
/// - A file input is a page whatever its name; a directory input is walked recursively and
///   its files named like pages (`PageFileName.isPage`) are yielded; `-` is standard input.
/// - Memory: the walker holds one open directory and the list of directories still to visit,
///   never the list of files, so it can feed a bounded queue however large the tree is.
/// - Symbolic links are followed while they stay inside the input directory they were found
///   in; a link whose target leaves it (`passwd.html → /etc/passwd`, `/proc/self/environ`) is
///   reported as `.symlinkOutside` and not read, unless `followsLinksOutside` is set. Every
///   directory's (device, inode) is remembered, so a link back to a visited directory is
///   reported once as `.symlinkLoop` instead of looping.
/// - Unreadable directories, dangling links named like pages and non-regular files named like
///   pages are reported as `.failure` events; the walk goes on.
///
/// ```swift
/// var walker = InputWalker(roots: ["pages/"])
/// while let event = walker.next() { … }
/// ```
package struct InputWalker: IteratorProtocol, Sequence {
    /// Opens a directory; replaceable so tests can simulate unreadable directories as root.
    package typealias DirectoryOpener = (String) -> OpaquePointer?

    private struct Pending {
        var path: String
        var relative: String
        /// The real path of the input directory this one was reached from.
        var rootReal: String
    }

    private struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private var roots: [String]
    private var rootIndex = 0
    private var pending: [Pending] = []
    private var current: (dir: OpaquePointer, pending: Pending)?
    private var visited = Set<FileID>()
    private var excluded = Set<FileID>()
    private let openDirectory: DirectoryOpener
    /// Follow links whose target is outside the input directory.
    package let followsLinksOutside: Bool

    /// - Parameter excluding: directories skipped silently below the roots (the output
    ///   directory, so `newsclean -o in/clean in` does not read its own outputs); paths that do
    ///   not exist are ignored.
    /// - Parameter followsLinksOutside: follow symbolic links whose target leaves the input
    ///   directory (default: report them as `.symlinkOutside`).
    package init(roots: [String], excluding: [String] = [], followsLinksOutside: Bool = false,
                openDirectory: DirectoryOpener? = nil) {
        self.roots = roots
        self.followsLinksOutside = followsLinksOutside
        self.openDirectory = openDirectory ?? { path in opendir(path) }
        for path in excluding {
            var info = stat()
            if stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
                excluded.insert(FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
            }
        }
    }

    /// Closes the directory in progress (call when abandoning the walk early).
    package mutating func close() {
        if let current { closedir(current.dir) }
        current = nil
        pending.removeAll()
        rootIndex = roots.count
    }

    package mutating func next() -> DiscoveryEvent? {
        while true {
            if let (dir, place) = current {
                errno = 0
                guard let entry = readdir(dir) else {
                    closedir(dir)
                    current = nil
                    continue
                }
                let name = Self.name(of: entry)
                if name == "." || name == ".." || name.isEmpty { continue }
                let type = entry.pointee.d_type
                let path = Self.join(place.path, name)
                let relative = place.relative.isEmpty ? name : place.relative + "/" + name
                if type == UInt8(DT_REG) {
                    if PageFileName.isPage(name) { return .page(InputItem(path: path, relativePath: relative)) }
                    continue
                }
                if type != UInt8(DT_DIR) && type != UInt8(DT_LNK) && type != UInt8(DT_UNKNOWN) {
                    if PageFileName.isPage(name) {
                        return .failure(path: path, error: BatchError(.notAFile, "not a regular file"))
                    }
                    continue
                }
                if !followsLinksOutside, type == UInt8(DT_LNK) || (type == UInt8(DT_UNKNOWN) && Self.isLink(path)),
                   !Self.staysInside(path, root: place.rootReal) {
                    return .failure(path: path, error: BatchError(.symlinkOutside,
                        "symbolic link leaves the input directory; not followed (--follow-links allows it)"))
                }
                if let event = examine(path: path, relative: relative, name: name, explicit: false, rootReal: place.rootReal) {
                    return event
                }
                continue
            }
            if let next = pending.popLast() {
                guard let dir = openDirectory(next.path) else {
                    let code = errno
                    return .failure(path: next.path, error: .system(.walk, "cannot open directory", errno: code))
                }
                current = (dir, next)
                continue
            }
            guard rootIndex < roots.count else { return nil }
            let root = roots[rootIndex]
            rootIndex += 1
            if root == "-" { return .page(.standardInput) }
            if let event = examine(path: root, relative: "", name: Self.baseName(root), explicit: true,
                                   rootReal: Self.realPath(root) ?? root) {
                return event
            }
        }
    }

    /// Classifies a path that may be a link: a page, a failure, or a directory queued for later (nil).
    private mutating func examine(path: String, relative: String, name: String, explicit: Bool,
                                  rootReal: String) -> DiscoveryEvent? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            // A dangling link matters only if it looks like a page or was asked for by name.
            guard explicit || PageFileName.isPage(name) else { return nil }
            return .failure(path: path, error: .system(.read, "cannot read", errno: code))
        }
        let format = info.st_mode & S_IFMT
        if format == S_IFDIR {
            let id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            // An input root is walked even when excluded (`-o in in` writes beside the pages).
            if !explicit && excluded.contains(id) { return nil }
            guard visited.insert(id).inserted else {
                return .failure(path: path, error: BatchError(.symlinkLoop, "directory already visited (symbolic link loop)"))
            }
            pending.append(Pending(path: path, relative: relative, rootReal: rootReal))
            return nil
        }
        if explicit {
            // A file named on the command line is a page whatever its name (FIFOs included).
            return .page(InputItem(path: path, relativePath: name))
        }
        guard PageFileName.isPage(name) else { return nil }
        guard format == S_IFREG else {
            return .failure(path: path, error: BatchError(.notAFile, "not a regular file"))
        }
        return .page(InputItem(path: path, relativePath: relative))
    }

    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: entry.pointee.d_name) { tuple in
            tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                String(cString: $0)
            }
        }
    }

    /// True when `path` is a symbolic link.
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// `realpath(3)` of `path`, or nil.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// True when `path` resolves to `root` or below it (a dangling link counts as inside: it
    /// reads nothing and is reported as unreadable).
    package static func staysInside(_ path: String, root: String) -> Bool {
        guard let real = realPath(path) else { return true }
        return real == root || real.hasPrefix(root == "/" ? "/" : root + "/")
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The last path component, ignoring trailing slashes (`a/b/` → `b`, `/` → `/`).
    package static func baseName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        if let slash = trimmed.lastIndex(of: "/"), trimmed.count > 1 {
            return String(trimmed[trimmed.index(after: slash)...])
        }
        return String(trimmed)
    }
}
