#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import NewsCleaner

/// Test helpers: encode text into legacy charsets with iconv, wrap it in pages, run detection and decoding.
enum CharsetTestSupport {
    /// Encodes `text` from UTF-8 into `iconvName`; nil when a character is not representable.
    static func encode(_ text: String, _ iconvName: String) -> [UInt8]? {
        let cd = iconv_open(iconvName, "UTF-8")
        guard cd != nil, Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var written = -1
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                guard let inBase = inBuf.baseAddress, let outBase = outBuf.baseAddress else { written = 0; return }
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 || inLeft != 0 { return }
                if iconv(cd, nil, nil, &outPtr, &outLeft) == -1 { return }
                written = outBuf.count - outLeft
            }
        }
        return written < 0 ? nil : Array(output[0..<written])
    }

    /// A small page around `body` bytes, with `head` (ASCII markup) in its `<head>`.
    static func page(_ body: [UInt8], head: String = "") -> [UInt8] {
        Array("<!DOCTYPE html>\n<html><head>\(head)<title>News</title></head>\n<body><article><p>".utf8)
            + body + Array("</p></article></body></html>\n".utf8)
    }

    /// Runs the detector over `bytes`.
    static func decide(_ bytes: [UInt8], hint: String? = nil) -> CharsetDecision {
        bytes.withUnsafeBufferPointer { CharsetDetector.decide($0, hint: hint) }
    }

    /// Decodes `bytes` with `decision` and returns the UTF-8 as a String.
    static func decode(_ bytes: [UInt8], _ decision: CharsetDecision) -> String {
        let utf8 = bytes.withUnsafeBufferPointer { Transcoder.toUTF8($0, decision: decision) }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Decodes `bytes` with `decision` and returns the raw UTF-8.
    static func decodeBytes(_ bytes: [UInt8], _ decision: CharsetDecision) -> [UInt8] {
        bytes.withUnsafeBufferPointer { Transcoder.toUTF8($0, decision: decision) }
    }

    /// True when `bytes` is well-formed UTF-8 without NUL (checked independently of the code under test).
    static func isCleanUTF8(_ bytes: [UInt8]) -> Bool {
        !bytes.contains(0) && String(validating: bytes, as: UTF8.self) != nil
    }
}
