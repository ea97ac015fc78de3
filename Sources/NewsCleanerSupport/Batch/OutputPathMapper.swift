import NewsCleaner

/// Maps an input's path relative to its root to the output file inside the output directory.
///
/// `a/b/NAME.html.gz` → `DIR/a/b/NAME.txt`: a trailing `.gz` and then a page extension
/// (`.html`, `.htm`, `.xhtml`) are dropped and the format's extension added; other names just
/// get the extension appended (`notes` → `notes.txt`). The result can never leave `DIR`:
/// absolute paths, `..` components and paths without a file name (empty, ending in `/` or
/// `/.`) are refused; `.` and empty components (`a//b`) are dropped.
///
/// ```swift
/// let mapper = OutputPathMapper(directory: "out", fileExtension: "json")
/// try mapper.outputPath(for: "2024/05/story.html.gz")   // "out/2024/05/story.json"
/// ```
package struct OutputPathMapper: Sendable, Equatable {
    package var directory: String
    /// Without the dot: `txt`, `json` …
    package var fileExtension: String

    package init(directory: String, fileExtension: String) {
        self.directory = directory
        self.fileExtension = fileExtension
    }

    /// The output path for `relativePath`; throws `BatchError` of kind `.outputPath` when unsafe.
    package func outputPath(for relativePath: String) throws(BatchError) -> String {
        if relativePath.hasPrefix("/") {
            throw BatchError(.outputPath, "unsafe output path: absolute path \(relativePath)")
        }
        if relativePath.utf8.contains(0) {
            throw BatchError(.outputPath, "unsafe output path: NUL byte")
        }
        // A trailing `/` or `/.` names a directory, not a page file.
        if let lastRaw = relativePath.split(separator: "/", omittingEmptySubsequences: false).last,
           lastRaw.isEmpty || lastRaw == "." {
            throw BatchError(.outputPath, "unsafe output path: no file name in \(relativePath)")
        }
        var components: [Substring] = []
        for component in relativePath.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." {
                throw BatchError(.outputPath, "unsafe output path: '..' in \(relativePath)")
            }
            components.append(component)
        }
        guard let last = components.popLast() else {
            throw BatchError(.outputPath, "unsafe output path: empty name")
        }
        let name = Self.outputName(for: String(last), fileExtension: fileExtension)
        var path = directory.isEmpty ? "." : directory
        for component in components { path = InputWalker.join(path, String(component)) }
        return InputWalker.join(path, name)
    }

    /// `NAME.html.gz` → `NAME.txt`, `NAME.HTM` → `NAME.txt`, `notes` → `notes.txt`.
    package static func outputName(for inputName: String, fileExtension: String) -> String {
        var stem = Substring(inputName)
        if stem.lowercased().hasSuffix(".gz") && stem.count > 3 { stem.removeLast(3) }
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex,
           PageFileName.extensions.contains(stem[stem.index(after: dot)...].lowercased()) {
            stem = stem[..<dot]
        }
        return stem + "." + fileExtension
    }
}
