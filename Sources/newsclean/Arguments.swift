import Foundation
import NewsCleaner

/// The one place the version lives.
let newscleanVersion = "0.1.0"

/// Seconds in-flight pages may take to finish after the first SIGINT/SIGTERM.
let interruptGraceSeconds: Double = 3

/// `CleanerOptions().maxBytes` as the help shows it (`256m`).
let defaultMaxBytesText: String = {
    let bytes = CleanerOptions().maxBytes
    for (suffix, shift) in [("g", 30), ("m", 20), ("k", 10)] where bytes % (1 << shift) == 0 {
        return "\(bytes >> shift)\(suffix)"
    }
    return String(bytes)
}()

let usageLine = "usage: newsclean [options] INPUT...  (try 'newsclean --help')"

let helpText = """
newsclean \(newscleanVersion): extract the main article from saved news pages.

usage: newsclean [options] INPUT...

INPUT is a page file (any name; gzip is detected by its magic bytes), a directory
(searched recursively for *.html, *.htm, *.xhtml and the same names ending in .gz;
symbolic links are followed, loops are reported), or - for standard input.

Without -o, exactly one INPUT (a file or -) is cleaned to standard output.
With -o DIR, every page gets one output file mirroring its path below the INPUT
directory it was found in: IN/a/b/NAME.html.gz -> DIR/a/b/NAME.txt (.json with
-f json); a file INPUT writes DIR/NAME.txt, standard input writes DIR/stdin.txt.
Outputs are written atomically (hidden temporary file, then rename); inputs are
never modified.

options:
  -o, --output DIR      write one file per page below DIR (created if missing)
  -f, --format FORMAT   text (default) or json (one JSON object: title, text,
                        blocks [{kind, text, level}], source, url)
  -j, --jobs N          pages cleaned in parallel (default: \(ProcessInfo.processInfo.activeProcessorCount), the active processors)
      --url URL         the pages' URL, passed to the cleaner and written in json
      --encoding NAME   charset hint (e.g. windows-1252) that wins over the page
      --max-bytes N     refuse pages larger than N bytes, also after gunzip
                        (suffixes k, m, g = KiB, MiB, GiB; default \(defaultMaxBytesText))
      --resume          skip pages whose output exists and is not older than the input
      --errors FILE     write one JSON line {"path","kind","message"} per failed page
  -q, --quiet           no progress and no summary on standard error
  -h, --help            show this help and exit
      --version         print the version and exit
      --                end of options (later arguments are inputs)
Values may also be attached: --output=DIR, -oDIR, -j4.

Progress is shown on standard error when it is a terminal; a one-line summary
follows unless -q. Failed pages are named on standard error (newsclean: PATH: reason)
and do not stop the run.

exit status: 0 every page cleaned, 1 some pages failed, 2 usage error,
130/143 interrupted by SIGINT/SIGTERM: no new pages are started, pages in flight get
\(Int(interruptGraceSeconds)) s to finish (a second signal: none), their temporary files are removed.
"""

struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum OutputFormat: String, Sendable, CaseIterable {
    case text, json
    var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .json: return "json"
        }
    }
}

struct Arguments: Sendable {
    enum Action: Sendable {
        case run(Arguments)
        case help
        case version
    }

    var inputs: [String] = []
    var output: String?
    var format: OutputFormat = .text
    var jobs = max(1, ProcessInfo.processInfo.activeProcessorCount)
    var url: String?
    var encoding: String?
    var maxBytes: Int?
    var quiet = false
    var resume = false
    var errorsFile: String?

    static let maxJobs = 1024

    /// Parses the arguments after the program name.
    static func parse(_ arguments: [String]) throws(UsageError) -> Action {
        var result = Arguments()
        var index = 0
        var onlyInputs = false

        func value(for option: String, inline: String?) throws(UsageError) -> String {
            if let inline { return inline }
            index += 1
            guard index < arguments.count else { throw UsageError("option \(option) needs a value") }
            return arguments[index]
        }

        while index < arguments.count {
            let argument = arguments[index]
            defer { index += 1 }
            if onlyInputs || argument == "-" || !argument.hasPrefix("-") {
                result.inputs.append(argument)
                continue
            }
            if argument == "--" {
                onlyInputs = true
                continue
            }
            var name: String
            var inline: String?
            if argument.hasPrefix("--") {
                if let equals = argument.firstIndex(of: "=") {
                    name = String(argument[..<equals])
                    inline = String(argument[argument.index(after: equals)...])
                } else {
                    name = argument
                }
            } else {
                // Short options: -q, -qj4, -o DIR, -oDIR.
                var rest = Substring(argument.dropFirst())
                name = ""
                while let letter = rest.first {
                    rest = rest.dropFirst()
                    switch letter {
                    case "q": result.quiet = true
                    case "h": return .help
                    case "o", "f", "j":
                        name = "-" + String(letter)
                        inline = rest.isEmpty ? nil : String(rest)
                        rest = ""
                    default:
                        throw UsageError("unknown option -\(letter)")
                    }
                }
                if name.isEmpty { continue }
            }
            let flags: Set<String> = ["--quiet", "--resume", "--help", "--version"]
            if flags.contains(name) && inline != nil {
                throw UsageError("option \(name) takes no value")
            }
            switch name {
            case "--help": return .help
            case "--version": return .version
            case "--quiet": result.quiet = true
            case "--resume": result.resume = true
            case "-o", "--output":
                let dir = try value(for: name, inline: inline)
                guard !dir.isEmpty else { throw UsageError("option \(name) needs a directory") }
                result.output = dir
            case "-f", "--format":
                let text = try value(for: name, inline: inline)
                guard let format = OutputFormat(rawValue: text.lowercased()) else {
                    throw UsageError("unknown format '\(text)' (expected text or json)")
                }
                result.format = format
            case "-j", "--jobs":
                let text = try value(for: name, inline: inline)
                guard let jobs = Int(text), jobs >= 1, jobs <= maxJobs else {
                    throw UsageError("bad job count '\(text)' (expected 1...\(maxJobs))")
                }
                result.jobs = jobs
            case "--url": result.url = try value(for: name, inline: inline)
            case "--encoding":
                let text = try value(for: name, inline: inline)
                guard !text.isEmpty else { throw UsageError("option --encoding needs a charset name") }
                result.encoding = text
            case "--max-bytes":
                let text = try value(for: name, inline: inline)
                guard let bytes = parseSize(text), bytes >= 1 else {
                    throw UsageError("bad byte count '\(text)' (expected a positive number, optionally with k, m or g)")
                }
                result.maxBytes = bytes
            case "--errors":
                let file = try value(for: name, inline: inline)
                guard !file.isEmpty else { throw UsageError("option --errors needs a file") }
                result.errorsFile = file
            default:
                throw UsageError("unknown option \(name)")
            }
        }
        guard !result.inputs.isEmpty else { throw UsageError("no inputs") }
        if result.output == nil && result.inputs.count > 1 {
            throw UsageError("several inputs need -o DIR")
        }
        return .run(result)
    }

    /// `4096`, `64k`, `256M`, `1g` → bytes; nil when malformed or overflowing.
    static func parseSize(_ text: String) -> Int? {
        var digits = Substring(text)
        var multiplier = 1
        switch digits.last.map({ Character($0.lowercased()) }) {
        case "k": multiplier = 1 << 10
        case "m": multiplier = 1 << 20
        case "g": multiplier = 1 << 30
        default: break
        }
        if multiplier > 1 { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let number = Int(digits) else { return nil }
        let (product, overflow) = number.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : product
    }
}
