#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NewsCleaner
import NewsCleanerWARC
import NewsCleanerSupport

/// Which inputs are WARC files, and finding WARC files inside input directories.
enum WarcInputs {
    /// Name endings that mark a WARC file (lowercase).
    static let suffixes = [".warc", ".warc.gz"]
    /// Bytes read from a file to sniff whether it is a WARC (enough to inflate a gzip
    /// member's first line).
    static let sniffBytes = 4096

    /// True for `x.warc` and `x.warc.gz` (any case).
    static func hasWarcName(_ path: String) -> Bool {
        let lower = path.lowercased()
        return suffixes.contains { lower.hasSuffix($0) && lower.count > $0.count }
    }

    /// True when the regular file at `path` starts like a WARC (`WarcReader.looksLikeWarc`).
    /// FIFOs and other special files are never read here.
    static func sniff(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var prefix = [UInt8](repeating: 0, count: sniffBytes)
        let count = prefix.withUnsafeMutableBytes { read(fd, $0.baseAddress, sniffBytes) }
        guard count > 0 else { return false }
        return WarcReader.looksLikeWarc(Array(prefix.prefix(count)))
    }

    /// The WARC files below `root` (recursively, by name), with paths relative to `root`,
    /// sorted; directories resolving to one of `excluding` (the output directory) are skipped.
    /// Symbolic links to directories are not followed here, so a link loop cannot repeat files.
    /// A link to a WARC file outside `root` is a `.symlinkOutside` failure unless `followLinks`.
    static func scan(_ root: String, excluding: [String], followLinks: Bool = false)
        -> (items: [InputItem], failures: [(String, BatchError)]) {
        let excluded = Set(excluding.map(canonical))
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return ([], []) }
        let rootReal = InputWalker.realPath(root) ?? root
        var items: [InputItem] = []
        var failures: [(String, BatchError)] = []
        while let relative = enumerator.nextObject() as? String {
            let path = root.hasSuffix("/") ? root + relative : root + "/" + relative
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if type == .typeDirectory {
                if excluded.contains(canonical(path)) { enumerator.skipDescendants() }
                continue
            }
            guard hasWarcName(relative) else { continue }
            if !followLinks, type == .typeSymbolicLink, !InputWalker.staysInside(path, root: rootReal) {
                failures.append((path, BatchError(.symlinkOutside,
                    "symbolic link leaves the input directory; not followed (--follow-links allows it)")))
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            items.append(InputItem(path: path, relativePath: relative))
        }
        return (items.sorted { $0.relativePath < $1.relativePath }, failures)
    }

    /// `path` made absolute and free of `.`/`..`/symbolic links, for comparing directories.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// The output file for a WARC with `relativePath` below `directory`: `a/b/X.warc.gz` →
    /// `DIR/a/b/X.jsonl`.
    static func outputPath(for relativePath: String, directory: String) throws(BatchError) -> String {
        var stem = relativePath
        for suffix in suffixes.reversed() where stem.lowercased().hasSuffix(suffix) && stem.count > suffix.count {
            stem.removeLast(suffix.count)
            break
        }
        // The mapper's own checks (no `..`, no absolute path); the stem has no page extension left
        // to strip unless the name was X.html.warc, which then becomes X.jsonl as well.
        return try OutputPathMapper(directory: directory, fileExtension: OutputFormat.jsonl.fileExtension)
            .outputPath(for: stem)
    }
}
