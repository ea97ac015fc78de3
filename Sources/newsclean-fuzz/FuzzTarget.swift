import Foundation
import NewsCleaner

// The libFuzzer target over `Cleaner.clean` (issue 6, item 3).
//
// Built two ways:
// - by tools/fuzz with `-sanitize=fuzzer,address -D NEWSCLEAN_FUZZER`: `FuzzerMain` hands the
//   command line to libFuzzer's driver, which calls `LLVMFuzzerTestOneInput` for every input.
//   (SwiftPM links executables with `main` aliased to the module's own entry point, so libFuzzer's
//   `main` cannot be used; `LLVMFuzzerRunDriver` is libFuzzer's documented way round that.)
// - by a normal `swift build`: `ReproducerMain` below is the entry point and runs the files named
//   on the command line through the same function (reproducer mode), so a crasher found by the
//   fuzzer can be replayed in a debugger or under plain ASan without libFuzzer.

/// Every input goes through the whole pipeline with default options, as bytes and with a
/// charset hint taken from the input itself, so the hint path is fuzzed too.
enum FuzzTarget {
    /// Charset hints cycled through by the first input byte.
    static let hints: [String?] = [nil, nil, nil, "utf-8", "windows-1252", "shift_jis", "x-no-such-charset", ""]

    /// Cleans one input; errors are the expected outcome for most fuzz inputs and are ignored,
    /// but a result must hold text free of NUL bytes.
    static func run(_ bytes: [UInt8]) -> Article? {
        let hint = bytes.first.map { hints[Int($0) % hints.count] } ?? nil
        let cleaner = Cleaner()
        guard let article = try? cleaner.clean(html: bytes, encoding: hint) else { return nil }
        if article.text.utf8.contains(0) {
            fatalError("NUL byte in the cleaned text")
        }
        return article
    }
}

/// libFuzzer's entry point: one input, return 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { [UInt8](UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = FuzzTarget.run(bytes)
    return 0
}

#if NEWSCLEAN_FUZZER
/// libFuzzer's driver (`int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *, size_t))`),
/// declared by symbol name: its arguments are plain pointers, passed the same way by Swift and C.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Fuzzing mode: libFuzzer parses the command line (corpus directories, -runs=, -max_len= …).
@main
enum FuzzerMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, { data, size in fuzzTestOneInput(data, size) }))
    }
}
#else
/// Reproducer mode: `newsclean-fuzz [--print] FILE...` runs each file through the fuzz target
/// and reports its outcome (and the cleaned text with `--print`).
@main
enum ReproducerMain {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let printText = arguments.first == "--print"
        if printText { arguments.removeFirst() }
        if arguments.isEmpty {
            FileHandle.standardError.write(Data("usage: newsclean-fuzz [--print] FILE...  (replays fuzz inputs)\n".utf8))
            exit(2)
        }
        for path in arguments {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): unreadable")
                continue
            }
            let start = DispatchTime.now().uptimeNanoseconds
            let article = FuzzTarget.run([UInt8](data))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let outcome = article.map { "\($0.text.utf8.count) bytes of text" } ?? "refused"
            print("\(path): \(data.count) bytes, \(outcome), \(String(format: "%.3f", seconds)) s")
            if printText, let article { print(article.text) }
        }
    }
}
#endif
