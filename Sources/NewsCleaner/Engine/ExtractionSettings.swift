/// Every weight and threshold of the text-density engine, in one place. (Filled in with the engine.)
public struct ExtractionSettings: Sendable, Equatable {
    public init() {}
}
