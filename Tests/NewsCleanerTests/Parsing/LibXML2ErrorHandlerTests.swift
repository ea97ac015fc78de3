import CLibXML2
import Foundation
import NewsCleaner
import Testing

/// Structured errors that reached `countingHandler` (the test's stand-in for FoundationXML,
/// Kanna or Fuzi: another libxml2 user on the same thread).
nonisolated(unsafe) private var reportedErrors = 0

private let countingHandler: xmlStructuredErrorFunc = { _, _ in reportedErrors += 1 }

/// libxml2's error handlers are per thread and shared with every libxml2 user in the process:
/// a clean must leave them exactly as it found them.
@Suite(.serialized) struct LibXML2ErrorHandlerTests {
    @Test func errorHandlersAreLeftAsFound() throws {
        let previousGeneric = __xmlGenericError().pointee
        let previousGenericContext = __xmlGenericErrorContext().pointee
        let previousStructured = __xmlStructuredError().pointee
        let previousStructuredContext = __xmlStructuredErrorContext().pointee
        defer {
            xmlSetGenericErrorFunc(previousGenericContext, previousGeneric)
            xmlSetStructuredErrorFunc(previousStructuredContext, previousStructured)
        }
        let marker = UnsafeMutableRawPointer(bitPattern: 0x5EED)
        xmlSetStructuredErrorFunc(marker, countingHandler)
        let genericBefore = __xmlGenericError().pointee.map { unsafeBitCast($0, to: UnsafeRawPointer.self) }
        let genericContextBefore = __xmlGenericErrorContext().pointee

        // Broken markup: libxml2 has plenty to complain about during these parses.
        _ = try Cleaner().clean(html: Array("<html><body><p>Unclosed <b><i>tags</b> &bogus; <div <<< </table>".utf8))
        _ = try Cleaner().explain(html: Array("<p>More <span>broken</p> markup</div>".utf8))

        let structuredAfter = __xmlStructuredError().pointee.map { unsafeBitCast($0, to: UnsafeRawPointer.self) }
        #expect(structuredAfter == unsafeBitCast(countingHandler, to: UnsafeRawPointer.self))
        #expect(__xmlStructuredErrorContext().pointee == marker)
        #expect(__xmlGenericError().pointee.map { unsafeBitCast($0, to: UnsafeRawPointer.self) } == genericBefore)
        #expect(__xmlGenericErrorContext().pointee == genericContextBefore)

        // And the other user's handler still hears about its own errors.
        reportedErrors = 0
        let broken = "<root><unclosed></root>"
        let doc = broken.withCString { xmlReadMemory($0, Int32(strlen($0)), "test.xml", nil, 0) }
        if let doc { xmlFreeDoc(doc) }
        #expect(reportedErrors > 0)
    }
}
