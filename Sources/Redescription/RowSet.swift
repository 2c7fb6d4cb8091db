/// A set of rows of a view (0-based row numbers below `count`), as 64-bit words: what a query
/// evaluates to, and what the measures count.
public struct RowSet: Hashable, Sendable {
    /// The number of rows of the view (the universe).
    public let count: Int
    public private(set) var words: [UInt64]

    /// The empty set (`full: false`) or every row (`full: true`) of a view of `count` rows.
    public init(count: Int, full: Bool = false) {
        precondition(count >= 0)
        self.count = count
        words = Array(repeating: full ? ~0 : 0, count: (count + 63) / 64)
        if full { clearTail() }
    }

    /// The rows listed (each in `0..<count`).
    public init<S: Sequence<Int>>(count: Int, rows: S) {
        self.init(count: count)
        for r in rows { insert(r) }
    }

    public subscript(row: Int) -> Bool {
        words[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    public mutating func insert(_ row: Int) {
        precondition(row >= 0 && row < count, "row \(row) outside 0..<\(count)")
        words[row >> 6] |= 1 << UInt64(row & 63)
    }

    /// How many rows the set holds.
    public var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// The rows in increasing order.
    public var rows: [Int] {
        var out: [Int] = []
        out.reserveCapacity(cardinality)
        for (w, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                out.append(w * 64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return out
    }

    public func intersection(_ other: RowSet) -> RowSet { combined(other) { $0 & $1 } }
    public func union(_ other: RowSet) -> RowSet { combined(other) { $0 | $1 } }

    /// The rows not in the set.
    public var complement: RowSet {
        var out = self
        for i in out.words.indices { out.words[i] = ~out.words[i] }
        out.clearTail()
        return out
    }

    /// `|self ∩ other|` without building the intersection.
    public func intersectionCount(_ other: RowSet) -> Int {
        precondition(count == other.count, "row sets of different views")
        var n = 0
        for i in words.indices { n += (words[i] & other.words[i]).nonzeroBitCount }
        return n
    }

    private func combined(_ other: RowSet, _ op: (UInt64, UInt64) -> UInt64) -> RowSet {
        precondition(count == other.count, "row sets of different views")
        var out = self
        for i in out.words.indices { out.words[i] = op(words[i], other.words[i]) }
        return out
    }

    private mutating func clearTail() {
        let extra = count % 64
        if extra != 0, !words.isEmpty { words[words.count - 1] &= (1 << UInt64(extra)) - 1 }
    }
}
