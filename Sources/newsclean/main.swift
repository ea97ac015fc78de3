#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import NewsCleaner

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

if arguments.output == nil, let input = arguments.inputs.first, input != "-" {
    var info = stat()
    if stat(input, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
        usageFailure("\(input) is a directory: give -o DIR to write one file per page")
    }
}

var options = CleanerOptions()
if let maxBytes = arguments.maxBytes { options.maxBytes = maxBytes }

var errorsFD: Int32?
if let errorsFile = arguments.errorsFile {
    let fd = open(errorsFile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    if fd < 0 {
        writeAll(2, "newsclean: cannot open errors file \(errorsFile): \(String(cString: strerror(errno)))\n")
        exit(2)
    }
    errorsFD = fd
}

let job = PageJob(
    cleaner: Cleaner(options: options),
    reader: PageReader(maxBytes: options.maxBytes),
    format: arguments.format,
    mapper: arguments.output.map { OutputPathMapper(directory: $0, fileExtension: arguments.format.fileExtension) },
    url: arguments.url,
    encoding: arguments.encoding,
    resume: arguments.resume
)
let reporter = Reporter(quiet: arguments.quiet, errorsFD: errorsFD)
// Standard output mode cleans one page: one worker is enough.
let runner = BatchRunner(job: job, reporter: reporter, jobs: arguments.output == nil ? 1 : arguments.jobs)

let signalSources = runner.installSignalHandlers()

let status = runner.run(roots: arguments.inputs)
if let errorsFD { close(errorsFD) }
withExtendedLifetime(signalSources) {}
exit(status)
