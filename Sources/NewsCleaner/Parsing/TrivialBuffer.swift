/// A growable array of bitwise-copyable elements in memory of its own, for the parse's hot
/// tables: the builder's nodes, attributes, text and open elements, the pre-pass's token table.
/// An `Array` property checks its buffer's uniqueness out of line on every append and element
/// write, several times per SAX event, and its `append(contentsOf:)` costs about a hundred
/// instructions a call; here an append is a capacity check and a copy. Indexing is
/// bounds-checked. `take()` hands the elements over as an array and frees the memory, `free()`
/// frees it; the buffer must not be used after either.
///
/// ```swift
/// var nodes = TrivialBuffer<Int32>(capacity: 64)
/// nodes.append(7)
/// let array = nodes.take()   // [7]
/// ```
struct TrivialBuffer<Element: BitwiseCopyable> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    /// Smallest capacity allocated.
    private static var minimumCapacity: Int { 16 }

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, TrivialBuffer.minimumCapacity)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    subscript(_ i: Int) -> Element {
        unsafeAddress {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count))
            return UnsafePointer(base + i)
        }
        nonmutating unsafeMutableAddress {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count))
            return base + i
        }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Appends three elements with one capacity check (a table row).
    @inline(__always)
    mutating func append(_ a: Element, _ b: Element, _ c: Element) {
        if count &+ 3 > capacity { grow(to: count + 3) }
        (base + count).initialize(to: a)
        (base + count + 1).initialize(to: b)
        (base + count + 2).initialize(to: c)
        count &+= 3
    }

    /// Appends four elements with one capacity check (a table row).
    @inline(__always)
    mutating func append(_ a: Element, _ b: Element, _ c: Element, _ d: Element) {
        if count &+ 4 > capacity { grow(to: count + 4) }
        (base + count).initialize(to: a)
        (base + count + 1).initialize(to: b)
        (base + count + 2).initialize(to: c)
        (base + count + 3).initialize(to: d)
        count &+= 4
    }

    /// Appends `length` elements copied from `elements`.
    @inline(__always)
    mutating func append(_ elements: UnsafePointer<Element>, _ length: Int) {
        if count + length > capacity { grow(to: count + length) }
        (base + count).initialize(from: elements, count: length)
        count += length
    }

    @inline(__always)
    mutating func removeLast() -> Element {
        precondition(count > 0)
        count -= 1
        return base[count]
    }

    /// Drops the elements from `newCount` on.
    @inline(__always)
    mutating func truncate(to newCount: Int) {
        if newCount < count { count = newCount }
    }

    private mutating func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: size)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = size
    }

    /// The elements as an array; the buffer is freed and must not be used again.
    mutating func take() -> [Element] {
        let elements = Array(UnsafeBufferPointer(start: base, count: count))
        free()
        return elements
    }

    /// Frees the buffer; it must not be used again.
    mutating func free() {
        base.deallocate()
        count = 0
        capacity = 0
    }
}
