/// A transaction database over items `0..<itemCount`, stored as one bit row per transaction.
///
/// Rows are `wordsPerRow` 64-bit words; bit `i % 64` of word `i / 64` is item `i`.
/// The bit layout makes subset tests and intersections word-parallel, which is what
/// the miners and the coverage computations spend their time on.
public struct TransactionDatabase: Sendable, Equatable {
    /// Number of distinct item ids (neurons); items are `0..<itemCount`.
    public let itemCount: Int
    /// Number of 64-bit words per transaction row.
    public let wordsPerRow: Int
    /// Row-major bit matrix, `count * wordsPerRow` words.
    public private(set) var bits: [UInt64]
    /// Number of transactions.
    public private(set) var count: Int

    /// An empty database over `itemCount` items.
    public init(itemCount: Int) {
        precondition(itemCount >= 0, "itemCount must be non-negative")
        self.itemCount = itemCount
        self.wordsPerRow = max(1, (itemCount + 63) / 64)
        self.bits = []
        self.count = 0
    }

    /// A database from item lists; duplicates inside a transaction are ignored.
    /// Throws `TransactionError.itemOutOfRange` for an id outside `0..<itemCount`.
    public init(itemCount: Int, transactions: [[Int]]) throws {
        self.init(itemCount: itemCount)
        bits.reserveCapacity(transactions.count * wordsPerRow)
        for (index, items) in transactions.enumerated() {
            for item in items where item < 0 || item >= itemCount {
                throw TransactionError.itemOutOfRange(transaction: index, item: item, itemCount: itemCount)
            }
            append(items)
        }
    }

    /// Appends one transaction (items must be in range; checked by precondition).
    public mutating func append<S: Sequence>(_ items: S) where S.Element == Int {
        let base = bits.count
        bits.append(contentsOf: repeatElement(0, count: wordsPerRow))
        for item in items {
            precondition(item >= 0 && item < itemCount, "item \(item) out of range 0..<\(itemCount)")
            bits[base + item >> 6] |= 1 << UInt64(item & 63)
        }
        count += 1
    }

    /// Appends one transaction given as an array: the same as the generic `append`, but not
    /// generic, so callers in other modules get a compiled loop rather than the unspecialized
    /// generic one (the binarizer appends one row per instance).
    public mutating func append(_ items: [Int]) {
        let base = bits.count
        bits.append(contentsOf: repeatElement(0, count: wordsPerRow))
        for item in items {
            precondition(item >= 0 && item < itemCount, "item \(item) out of range 0..<\(itemCount)")
            bits[base + item >> 6] |= 1 << UInt64(item & 63)
        }
        count += 1
    }

    /// Whether transaction `t` holds `item`.
    @inlinable
    public func contains(_ item: Int, inTransaction t: Int) -> Bool {
        bits[t * wordsPerRow + item >> 6] & (1 << UInt64(item & 63)) != 0
    }

    /// The items of transaction `t`, ascending.
    public func items(ofTransaction t: Int) -> [Int] {
        var result: [Int] = []
        let base = t * wordsPerRow
        for w in 0..<wordsPerRow {
            var word = bits[base + w]
            while word != 0 {
                result.append(w << 6 + word.trailingZeroBitCount)
                word &= word - 1
            }
        }
        return result
    }

    /// All transactions as ascending item lists.
    public var itemLists: [[Int]] { (0..<count).map { items(ofTransaction: $0) } }

    /// Number of items in transaction `t`.
    public func length(ofTransaction t: Int) -> Int {
        let base = t * wordsPerRow
        var n = 0
        for w in 0..<wordsPerRow { n += bits[base + w].nonzeroBitCount }
        return n
    }

    /// The sub-database of the given transactions, in the given order.
    public func selecting<C: Collection>(_ indices: C) -> TransactionDatabase where C.Element == Int {
        var db = TransactionDatabase(itemCount: itemCount)
        db.bits.reserveCapacity(indices.count * wordsPerRow)
        for t in indices {
            db.bits.append(contentsOf: bits[t * wordsPerRow ..< (t + 1) * wordsPerRow])
        }
        db.count = indices.count
        return db
    }
}

/// Errors raised while building a transaction database.
public enum TransactionError: Error, Equatable, CustomStringConvertible {
    case itemOutOfRange(transaction: Int, item: Int, itemCount: Int)

    public var description: String {
        switch self {
        case let .itemOutOfRange(t, item, n):
            return "transaction \(t + 1): item \(item) is outside 0..<\(n)"
        }
    }
}
