#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NewsCleaner

/// Why one page of a batch could not be handled (file-system side; the cleaning side throws
/// `CleanerError`).
///
/// ```swift
/// catch let error as BatchError { print(error.kind.rawValue, error.description) }
/// ```
package struct BatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A short machine-readable name, used in `--errors` JSONL lines.
    package enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The input file could not be opened or read (missing, vanished, permission …).
        case read
        /// A directory could not be opened or listed while walking the inputs.
        case walk
        /// A directory was reached again through a symbolic link.
        case symlinkLoop = "symlink-loop"
        /// A symbolic link below an input directory points outside it (not followed unless
        /// the walker is told to).
        case symlinkOutside = "symlink-outside"
        /// Two inputs map to the same output file; the first one found keeps it.
        case outputCollision = "output-collision"
        /// The input is not a regular file (FIFO, socket, device …).
        case notAFile = "not-a-file"
        /// The output path would leave the output directory or is empty.
        case outputPath = "output-path"
        /// The output could not be written (read-only directory, disk full …).
        case write
    }

    package var kind: Kind
    /// One line, no trailing newline.
    package var message: String

    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// An error for a failed system call, with the C library's text for `code`.
    package static func system(_ kind: Kind, _ what: String, errno code: Int32) -> BatchError {
        BatchError(kind, "\(what): \(String(cString: strerror(code)))")
    }

    package var description: String { message }
}
