import FileSupport

/// The frequent items of a database, recoded and stored vertically for the depth-first miners.
///
/// Items whose support is below the minimum can never be part of a frequent itemset, so they
/// are dropped; the rest are recoded `0..<itemCount` by ascending support (ties: lower
/// original id first). Searching rare items first keeps the early branches small, the order
/// Eclat, LCM and MAFIA all use. Each item's tid-list is a bit vector over the transactions
/// (`tidWords` 64-bit words): intersecting two tid-lists is `tidWords` ANDs, and a support is
/// a population count. With a few thousand transactions this beats sorted tid-lists on
/// dense data, where most items occur in half of the transactions.
final class VerticalBitsets {
    let transactionCount: Int
    let tidWords: Int
    /// Number of frequent (recoded) items.
    let itemCount: Int
    /// `originalItem[r]` is the database id of recoded item `r`.
    let originalItem: [Int]
    /// `support[r]` is the number of transactions holding recoded item `r`.
    let support: [Int]
    /// `itemCount * tidWords` words; item `r`'s tid-list starts at `tids + r * tidWords`.
    let tids: UnsafeMutablePointer<UInt64>

    /// Largest tid-list storage accepted, in 64-bit words (4 GiB): beyond it the data is far
    /// from the dense shape this layout is for.
    static let maxWords = 1 << 29

    init(_ database: TransactionDatabase, minimumSupportCount: Int) throws {
        transactionCount = database.count
        tidWords = max(1, (database.count + 63) / 64)
        var counts = [Int](repeating: 0, count: database.itemCount)
        database.bits.withUnsafeBufferPointer { bits in
            for t in 0..<database.count {
                for w in 0..<database.wordsPerRow {
                    var word = bits[t * database.wordsPerRow + w]
                    while word != 0 {
                        counts[w << 6 + word.trailingZeroBitCount] += 1
                        word &= word - 1
                    }
                }
            }
        }
        let frequent = (0..<database.itemCount)
            .filter { counts[$0] >= minimumSupportCount }
            .sorted { counts[$0] != counts[$1] ? counts[$0] < counts[$1] : $0 < $1 }
        originalItem = frequent
        support = frequent.map { counts[$0] }
        itemCount = frequent.count
        guard itemCount * tidWords <= Self.maxWords else {
            throw InputError("\(itemCount) frequent items × \(database.count) transactions need \(itemCount * tidWords / (1 << 27)) GiB of bit-vector tid-lists; raise the minimum support")
        }

        var recoded = [Int](repeating: -1, count: database.itemCount)
        for (r, item) in frequent.enumerated() { recoded[item] = r }
        tids = .allocate(capacity: max(1, itemCount * tidWords))
        tids.initialize(repeating: 0, count: max(1, itemCount * tidWords))
        database.bits.withUnsafeBufferPointer { bits in
            for t in 0..<database.count {
                let tidBit: UInt64 = 1 << UInt64(t & 63)
                for w in 0..<database.wordsPerRow {
                    var word = bits[t * database.wordsPerRow + w]
                    while word != 0 {
                        let r = recoded[w << 6 + word.trailingZeroBitCount]
                        if r >= 0 { tids[r * tidWords + t >> 6] |= tidBit }
                        word &= word - 1
                    }
                }
            }
        }
    }

    deinit { tids.deallocate() }

    /// Writes the tid-list of the empty itemset (every transaction) to `destination`.
    func fillAllTransactions(_ destination: UnsafeMutablePointer<UInt64>) {
        destination.initialize(repeating: 0, count: tidWords)
        for t in 0..<transactionCount { destination[t >> 6] |= 1 << UInt64(t & 63) }
    }
}

// Word-parallel helpers on bit vectors of `n` words.

/// `|a ∩ b|`.
@inline(__always)
func intersectionCount(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, _ n: Int) -> Int {
    var c = 0
    for w in 0..<n { c &+= (a[w] & b[w]).nonzeroBitCount }
    return c
}

/// `destination = a ∩ b`, returning `|a ∩ b|`.
@inline(__always)
func intersect(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>,
               into destination: UnsafeMutablePointer<UInt64>, _ n: Int) -> Int {
    var c = 0
    for w in 0..<n {
        let x = a[w] & b[w]
        destination[w] = x
        c &+= x.nonzeroBitCount
    }
    return c
}

/// Whether `a ⊆ b`.
@inline(__always)
func isSubset(_ a: UnsafePointer<UInt64>, of b: UnsafePointer<UInt64>, _ n: Int) -> Bool {
    for w in 0..<n where a[w] & ~b[w] != 0 { return false }
    return true
}

@inline(__always)
func testBit(_ bits: UnsafePointer<UInt64>, _ i: Int) -> Bool {
    bits[i >> 6] & (1 << UInt64(i & 63)) != 0
}

@inline(__always)
func setBit(_ bits: UnsafeMutablePointer<UInt64>, _ i: Int) {
    bits[i >> 6] |= 1 << UInt64(i & 63)
}
