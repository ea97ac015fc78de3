/// Our compact, immutable parse of a page. (Stub until the parser lands.)
public struct Document: Sendable {
    public var charset: String = "utf-8"
}
struct DocumentLoader {
    let options: CleanerOptions
    func load(_ bytes: [UInt8], encodingHint: String?) throws -> Document {
        if bytes.isEmpty { throw CleanerError.empty }
        return Document()
    }
}
