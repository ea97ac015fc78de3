// Temporary stand-in until the charset detector lands: UTF-8 passthrough.
enum CharsetSource: String, Sendable { case hint, bom, declared, utf8Valid, statistical, fallback }
struct CharsetDecision: Sendable, Equatable { var charset: String; var source: CharsetSource; var bomLength: Int }
enum CharsetDetector {
    static func decide(_ bytes: UnsafeBufferPointer<UInt8>, hint: String?) -> CharsetDecision {
        CharsetDecision(charset: "utf-8", source: .fallback, bomLength: 0)
    }
}
enum Transcoder {
    static func toUTF8(_ bytes: UnsafeBufferPointer<UInt8>, decision: CharsetDecision) -> [UInt8] {
        Array(String(decoding: bytes, as: UTF8.self).utf8)
    }
}
