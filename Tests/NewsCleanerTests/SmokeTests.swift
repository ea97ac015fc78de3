import Testing
@testable import NewsCleaner

@Test func emptyInputIsRefused() {
    #expect(throws: CleanerError.empty) { try Cleaner().clean(html: [UInt8](), url: nil) }
}
