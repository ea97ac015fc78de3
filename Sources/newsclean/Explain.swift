import Foundation
import NewsCleaner
import NewsCleanerWARC
import NewsCleanerSupport

/// `newsclean --explain PAGE`: the page as HTML with the engine's decisions drawn on it
/// (`Cleaner.explain`), to standard output or to the `-o` file (written atomically).
enum Explain {
    /// Runs the explanation; returns the exit status (0, or 1 when the page cannot be read or parsed).
    static func run(page: String, options: CleanerOptions, arguments: Arguments) -> Int32 {
        do {
            let bytes = try PageReader(maxBytes: options.maxBytes).read(page).bytes
            let html = try Cleaner(options: options).explain(html: bytes, url: arguments.url, encoding: arguments.encoding)
            if let output = arguments.output {
                try AtomicFileWriter().write(html, to: output)
            } else if !writeAll(1, html) {
                throw BatchError.system(.write, "cannot write standard output", errno: errno)
            }
            return 0
        } catch {
            let (_, message) = Reporter.describe(error)
            writeAll(2, "newsclean: \(page): \(message)\n")
            return 1
        }
    }
}
