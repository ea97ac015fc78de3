#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import NewsCleaner
import NewsCleanerWARC
import NewsCleanerSupport

/// newsclean: the batch command line. See `helpText` for the contract.

func usageFailure(_ message: String) -> Never {
    writeAll(2, "newsclean: \(message)\n\(usageLine)\n")
    exit(2)
}

let action: Arguments.Action
do {
    action = try Arguments.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    usageFailure(error.description)
}

let arguments: Arguments
switch action {
case .help:
    writeAll(1, helpText + "\n")
    exit(0)
case .version:
    writeAll(1, "newsclean \(newscleanVersion)\n")
    exit(0)
case .run(let parsed):
    arguments = parsed
}

// A closed standard output must be an EPIPE the run handles (it stops at once, exit 141),
// not a signal that kills a worker mid-write.
signal(SIGPIPE, SIG_IGN)

// Sort the inputs: WARC files (by --warc, by name, or by content) go to the WARC path; page
// files and directories to the page walk; directories are also searched for WARC files.
var pageRoots: [String] = []
var warcInputs: [InputItem] = []
var scanFailures: [(String, BatchError)] = []
let outputDirectory = arguments.outputIsJSONLFile ? nil : arguments.output
for input in arguments.inputs {
    if input == "-" {
        if arguments.warc { warcInputs.append(InputItem(path: "-", relativePath: "stdin")) } else { pageRoots.append(input) }
        continue
    }
    var info = stat()
    let exists = stat(input, &info) == 0
    if exists && info.st_mode & S_IFMT == S_IFDIR {
        if arguments.output == nil && !arguments.streamsToStandardOutput {
            usageFailure("\(input) is a directory: give -o DIR to write one file per page (or -f jsonl)")
        }
        pageRoots.append(input)
        let scan = WarcInputs.scan(input, excluding: outputDirectory.map { [$0] } ?? [], followLinks: arguments.followLinks)
        warcInputs += scan.items
        scanFailures += scan.failures
    } else if exists && (arguments.warc || WarcInputs.hasWarcName(input) || WarcInputs.sniff(input)) {
        warcInputs.append(InputItem(path: input, relativePath: InputWalker.baseName(input)))
    } else {
        pageRoots.append(input)
    }
}

// -f html writes pages: inside an input directory (or beside a file input) they would be read
// as pages by a later run, and a.html would be replaced by its own cleaned copy. Refused.
if let outputDirectory, PageFileName.extensions.contains(arguments.format.fileExtension) {
    let output = WarcInputs.canonical(outputDirectory)
    for input in arguments.inputs where input != "-" {
        var info = stat()
        let isDirectory = stat(input, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        let root = WarcInputs.canonical(isDirectory ? input : { $0.isEmpty ? "." : $0 }((input as NSString).deletingLastPathComponent))
        if output == root || output.hasPrefix(root == "/" ? "/" : root + "/") {
            usageFailure("-f html -o \(outputDirectory): the output directory is inside the input \(input), so its .html outputs would be read as pages (or replace them); choose an output directory outside the inputs")
        }
    }
}

var options = CleanerOptions()
if let maxBytes = arguments.maxBytes { options.maxBytes = maxBytes }
if arguments.noTables { options.includeTables = false }
if let favor = arguments.favor { options.favor = favor }
if arguments.original { options.includeContentHTML = true }

// User rules: every --rules file, then --drop/--content, merged in that order; invalid rules
// are a usage error and nothing is cleaned.
do {
    var rules: Rules?
    for file in arguments.rulesFiles {
        let loaded: Rules
        do {
            loaded = try Rules(contentsOf: URL(fileURLWithPath: file))
        } catch {
            usageFailure("rules file \(file): \(error)")
        }
        rules = (rules ?? Rules()).merging(loaded)
    }
    if !arguments.drops.isEmpty || !arguments.contents.isEmpty {
        let quick: Rules
        do {
            quick = try Rules(drop: arguments.drops, content: arguments.contents)
        } catch {
            usageFailure("--drop/--content: \(error)")
        }
        rules = (rules ?? Rules()).merging(quick)
    }
    options.rules = rules
}

if let page = arguments.explain {
    exit(Explain.run(page: page, options: options, arguments: arguments))
}

var errorsFD: Int32?
if let errorsFile = arguments.errorsFile {
    let fd = open(errorsFile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    if fd < 0 {
        writeAll(2, "newsclean: cannot open errors file \(errorsFile): \(String(cString: strerror(errno)))\n")
        exit(2)
    }
    errorsFD = fd
}

let sink: LineSink?
if let output = arguments.output, arguments.outputIsJSONLFile {
    do {
        sink = try LineSink.file(output)
    } catch {
        writeAll(2, "newsclean: \(error.description)\n")
        exit(1)
    }
} else if arguments.output == nil {
    sink = .standardOutput()
} else {
    sink = nil
}

let formatter = ArticleFormatter(format: arguments.format, links: arguments.links, tables: !arguments.noTables,
                                 metadataHeader: arguments.metadata, title: !arguments.noTitle,
                                 original: arguments.original)
options.metadataFields = formatter.metadataFields                 // only what the output prints
let job = PageJob(
    cleaner: Cleaner(options: options),
    reader: PageReader(maxBytes: options.maxBytes),
    formatter: formatter,
    mapper: outputDirectory.map { OutputPathMapper(directory: $0, fileExtension: arguments.format.fileExtension) },
    sink: sink,
    url: arguments.url,
    encoding: arguments.encoding,
    resume: arguments.resume,
    followLinks: arguments.followLinks,
    warcOnStandardInput: arguments.warc
)
let reporter = Reporter(quiet: arguments.quiet, errorsFD: errorsFD)
// One page to standard output needs one worker; everything else (files, JSON Lines, WARC
// records) uses -j.
let onePageToStdout = arguments.output == nil && !arguments.streamsToStandardOutput
let runner = BatchRunner(job: job, reporter: reporter, jobs: onePageToStdout ? 1 : arguments.jobs)

let signalSources = runner.installSignalHandlers()

for (path, error) in scanFailures { reporter.failed(path: path, error: error) }
let status = runner.run(roots: pageRoots, warcs: warcInputs)
if let errorsFD { close(errorsFD) }
withExtendedLifetime(signalSources) {}
exit(status)
