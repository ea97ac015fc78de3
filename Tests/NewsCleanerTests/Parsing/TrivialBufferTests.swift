import Testing
@testable import NewsCleaner

/// The parse's one growable buffer keeps every element through growth, whichever append fills it.
@Suite struct TrivialBufferTests {
    @Test func growsAcrossEveryAppendAndHandsOverInOrder() {
        var buffer = TrivialBuffer<Int32>(capacity: 1)
        var expected: [Int32] = []
        for i in Int32(0)..<100 {
            switch i % 4 {
            case 0: buffer.append(i); expected.append(i)
            case 1: buffer.append(i, i + 1000, i + 2000); expected += [i, i + 1000, i + 2000]
            case 2: buffer.append(i, -i, i, -i); expected += [i, -i, i, -i]
            default:
                let run = [Int32](repeating: i, count: Int(i))   // a bulk copy larger than the capacity doubled
                run.withUnsafeBufferPointer { buffer.append($0.baseAddress!, $0.count) }
                expected += run
            }
        }
        #expect(buffer.count == expected.count)
        buffer[3] = 77
        expected[3] = 77
        #expect(buffer[3] == 77)
        buffer.truncate(to: expected.count - 5)
        expected.removeLast(5)
        #expect(buffer.removeLast() == expected.removeLast())
        #expect(buffer.take() == expected)
    }

    @Test func holdsStructsBytewise() {
        var nodes = TrivialBuffer<Document.Attribute>(capacity: 2)
        for i in 0..<40 { nodes.append(Document.Attribute(name: .class, start: Int32(i), length: Int32(2 * i))) }
        let taken = nodes.take()
        #expect(taken.count == 40)
        #expect(taken.enumerated().allSatisfy { $0.element.name == .class && $0.element.start == Int32($0.offset) && $0.element.length == Int32(2 * $0.offset) })
    }
}
