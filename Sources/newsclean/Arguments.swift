import Foundation
import NewsCleaner
import NewsCleanerWARC
import NewsCleanerSupport

/// The one place the version lives.
let newscleanVersion = "0.1.0"

/// Seconds in-flight pages may take to finish after the first SIGINT/SIGTERM.
let interruptGraceSeconds: Double = 3

/// Exit status when an input could not be read at all (missing, permission, I/O error): a
/// caller may retry, unlike 1 (pages or records failed or damaged).
let exitUnreadable: Int32 = 3

/// Exit status when standard output was closed by its reader (as a SIGPIPE death would give).
let exitBrokenPipe: Int32 = 141

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
newsclean \(newscleanVersion): extract the main article from saved news pages and WARC files.

usage: newsclean [options] INPUT...

INPUT is a page file (any name; gzip is detected by its magic bytes), a WARC file
(*.warc, *.warc.gz, or any file whose content is a WARC), a directory (searched
recursively for *.html, *.htm, *.xhtml, the same names ending in .gz, and *.warc,
*.warc.gz; symbolic links are followed while they stay inside that directory, loops
are reported), or - for standard input (a WARC there is recognised by its content).

Without -o, one INPUT (a file or -) is cleaned to standard output; with -f jsonl, or
for WARC inputs, any number of inputs print JSON Lines to standard output.
With -o DIR, every page gets one output file mirroring its path below the INPUT
directory it was found in: IN/a/b/NAME.html.gz -> DIR/a/b/NAME.txt (the extension
follows -f: .txt .md .html .json .jsonl); a file INPUT writes DIR/NAME.txt, standard
input writes DIR/stdin.txt; a WARC IN/a/b/X.warc.gz writes DIR/a/b/X.jsonl.
With -o FILE.jsonl (a name ending in .jsonl), every page and WARC record goes to that
one file as JSON Lines, one line per page in the order pages finish (input order
within a WARC file). Outputs are written atomically (hidden temporary file, then
rename; stale temporary files of killed runs are removed); inputs are never modified:
-f html refuses an output directory inside an input, no output is written through a
symbolic link, and two inputs with the same output file (a.html, a.htm, a.html.gz) are
a failure for every one but the first found.

WARC files always give JSON Lines: one object per cleaned HTML record (response or
resource, HTTP status 2xx), with url = WARC-Target-URI, warc_date, warc_record_id and
the json fields; records of one file are cleaned in parallel (-j) and written in
input order. Each WARC file gets a summary line on standard error (records, html,
cleaned, skipped, failed, damaged offsets); damaged stretches are named by offset.

options:
  -o, --output DIR|FILE.jsonl  write one file per page below DIR, or all to FILE.jsonl
  -f, --format FORMAT   text (default), markdown, html (a clean HTML document), json
                        (one indented object per page: title, author, date, url,
                        text, blocks … and source), jsonl (one such object per line)
      --links           markdown and html keep the article's links
      --original        html: the page's own HTML of the article (its container's
                        subtree with images and figures, sanitised: no scripts, styles,
                        event attributes or javascript: URLs; URLs resolved)
      --no-tables       leave tables out
      --no-title        text: leave out the title line (the body only, as benchmark
                        truths are written)
      --metadata        text and markdown start with a metadata header (title, author,
                        date, site, url, language)
      --favor MODE      precision, recall or balanced (default): what the cleaner
                        prefers when it is unsure whether a block belongs to the article
      --warc            read file inputs and - as WARC whatever their names
      --rules FILE      user rules (JSON: drop/content/keep selectors, vocabulary,
                        settings, per host); repeatable, later files add to earlier ones
      --drop SELECTOR   always remove elements matching SELECTOR (repeatable)
      --content SELECTOR  the article is the element matching SELECTOR (repeatable)
      --explain PAGE    write PAGE as HTML with every block outlined green (kept) or red
                        (removed) with its score and reason, to standard output or -o FILE;
                        nothing is cleaned (takes --url, --encoding, --favor and the rules)
  -j, --jobs N          pages (or WARC records) cleaned in parallel (default: \(ProcessInfo.processInfo.activeProcessorCount), the active processors)
      --url URL         the pages' URL, passed to the cleaner (resolves links, json url)
      --encoding NAME   charset hint that wins over the page: a name (koi8-r) or a
                        Content-Type value ("text/html; charset=koi8-r")
      --max-bytes N     refuse pages larger than N bytes, also after gunzip
                        (suffixes k, m, g = KiB, MiB, GiB; default \(defaultMaxBytesText))
      --follow-links    read through symbolic links that leave their input directory
                        (by default they are named as failures and not read)
      --resume          skip pages whose output exists and is not older than the input
      --errors FILE     write one JSON line {"path","kind","message"} per failure
  -q, --quiet           no progress and no summary on standard error
  -h, --help            show this help and exit
      --version         print the version and exit
      --                end of options (later arguments are inputs)
Values may also be attached: --output=DIR, -oDIR, -j4.

Progress is shown on standard error when it is a terminal; a one-line summary
follows unless -q. Failed pages are named on standard error (newsclean: PATH: reason)
and do not stop the run.

exit status: 0 every page cleaned, 1 some pages or WARC records failed or a WARC file
was damaged, 2 usage error, 3 some input could not be read (missing, permission, I/O
error: worth a retry; wins over 1), 141 standard output was closed by its reader (the
run stops at once), 130/143 interrupted by SIGINT/SIGTERM: no new pages are
started, pages in flight get \(Int(interruptGraceSeconds)) s to finish (a second signal: none), their temporary
files are removed.
"""

struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
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
    /// `-f` was given (an `-o FILE.jsonl` then must agree with it).
    var formatGiven = false
    /// `-o` names one JSON Lines file (it ends in `.jsonl`) instead of a directory.
    var outputIsJSONLFile: Bool { output.map { $0.lowercased().hasSuffix(".jsonl") } ?? false }
    var links = false
    /// `--original`: `-f html` writes the container's own sanitised subtree.
    var original = false
    var noTables = false
    /// `--no-title`: the text format starts with the body.
    var noTitle = false
    var metadata = false
    /// `--warc`: file inputs and `-` are WARC files whatever their names.
    var warc = false
    var favor: CleanerOptions.Favor?
    /// `--explain PAGE`: write the page annotated with the engine's decisions instead of cleaning.
    var explain: String?
    /// `--rules FILE`, in order.
    var rulesFiles: [String] = []
    /// `--drop SELECTOR`, in order.
    var drops: [String] = []
    /// `--content SELECTOR`, in order.
    var contents: [String] = []
    var jobs = max(1, ProcessInfo.processInfo.activeProcessorCount)
    var url: String?
    var encoding: String?
    var maxBytes: Int?
    var quiet = false
    var resume = false
    var errorsFile: String?
    /// `--follow-links`: read through symbolic links that leave their input directory.
    var followLinks = false

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
            let flags: Set<String> = ["--quiet", "--resume", "--help", "--version", "--links", "--no-tables",
                                      "--no-title", "--metadata", "--warc", "--original", "--follow-links"]
            if flags.contains(name) && inline != nil {
                throw UsageError("option \(name) takes no value")
            }
            switch name {
            case "--help": return .help
            case "--version": return .version
            case "--quiet": result.quiet = true
            case "--resume": result.resume = true
            case "--links": result.links = true
            case "--original": result.original = true
            case "--no-tables": result.noTables = true
            case "--no-title": result.noTitle = true
            case "--metadata": result.metadata = true
            case "--warc": result.warc = true
            case "--follow-links": result.followLinks = true
            case "--explain":
                let page = try value(for: name, inline: inline)
                guard !page.isEmpty else { throw UsageError("option --explain needs a page file (or -)") }
                result.explain = page
            case "--rules":
                let file = try value(for: name, inline: inline)
                guard !file.isEmpty else { throw UsageError("option --rules needs a file") }
                result.rulesFiles.append(file)
            case "--drop":
                let selector = try value(for: name, inline: inline)
                guard !selector.isEmpty else { throw UsageError("option --drop needs a selector") }
                result.drops.append(selector)
            case "--content":
                let selector = try value(for: name, inline: inline)
                guard !selector.isEmpty else { throw UsageError("option --content needs a selector") }
                result.contents.append(selector)
            case "--favor":
                let text = try value(for: name, inline: inline)
                guard let favor = CleanerOptions.Favor(rawValue: text.lowercased()) else {
                    let names = CleanerOptions.Favor.allCases.map(\.rawValue).joined(separator: ", ")
                    throw UsageError("unknown --favor '\(text)' (expected \(names))")
                }
                result.favor = favor
            case "-o", "--output":
                let dir = try value(for: name, inline: inline)
                guard !dir.isEmpty else { throw UsageError("option \(name) needs a directory or a FILE.jsonl") }
                result.output = dir
            case "-f", "--format":
                let text = try value(for: name, inline: inline)
                guard let format = OutputFormat(rawValue: text.lowercased()) else {
                    throw UsageError("unknown format '\(text)' (expected \(OutputFormat.names))")
                }
                result.format = format
                result.formatGiven = true
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
        if result.explain != nil {
            guard result.inputs.isEmpty else {
                throw UsageError("--explain takes its page as its value; no other inputs")
            }
            return .run(result)
        }
        guard !result.inputs.isEmpty else { throw UsageError("no inputs") }
        if result.outputIsJSONLFile {
            if result.formatGiven && result.format != .jsonl {
                throw UsageError("-o FILE.jsonl writes JSON Lines: it cannot be used with -f \(result.format.rawValue)")
            }
            result.format = .jsonl
        }
        if result.output == nil && result.inputs.count > 1 && !result.streamsToStandardOutput {
            throw UsageError("several inputs need -o DIR (or -f jsonl to print JSON Lines)")
        }
        if result.original && result.format != .html {
            throw UsageError("--original is an html output: it needs -f html")
        }
        if result.inputs.filter({ $0 == "-" }).count > 1 {
            throw UsageError("standard input (-) can be named only once")
        }
        return .run(result)
    }

    /// Without `-o`, several inputs (or a directory) can print to standard output: JSON Lines
    /// (`-f jsonl`), or WARC inputs (which always give JSON Lines).
    var streamsToStandardOutput: Bool {
        format == .jsonl || warc || inputs.allSatisfy { WarcInputs.hasWarcName($0) }
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
