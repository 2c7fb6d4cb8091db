/// Collects visited itemsets compactly and returns them sorted in the documented order
/// (lexicographic by ascending items, see `Itemset`).
///
/// Sorting dominates collection for large results, so the comparisons avoid walking item
/// lists: with at most `bitKeyItemLimit` items each itemset also gets a bit-set key, and
/// two keys compare in a few word operations (see `bitKeyLess`). Indices are sorted; a caller
/// that only prints the result walks them with `forEachSorted` (items as 32-bit ids, no array
/// per itemset: millions of maximal sets then cost about 4 bytes per item plus 40 per set),
/// and `sorted()` builds each `Itemset` once.
public struct ItemsetCollector {
    /// Largest item count for which bit-set keys are kept (8 words per itemset).
    public static let bitKeyItemLimit = 512

    private var items: [Int32] = []
    private var ends: [Int] = []
    private var supports: [Int] = []
    private let keyWords: Int
    private var keys: [UInt64] = []
    /// The sorted order, once `sort()` has run (adding discards it).
    private var order: [Int]?

    /// `itemCount`: the database's item count (ids are below it); enables bit-set keys.
    public init(itemCount: Int) {
        keyWords = itemCount <= Self.bitKeyItemLimit ? max(1, (itemCount + 63) / 64) : 0
    }

    public var count: Int { supports.count }

    /// Adds one itemset (ascending ids, each below the `itemCount` given at creation).
    public mutating func add(_ itemset: UnsafeBufferPointer<Int>, support: Int) {
        for item in itemset { items.append(Int32(truncatingIfNeeded: item)) }
        ends.append(items.count)
        supports.append(support)
        order = nil
        if keyWords > 0 {
            let base = keys.count
            keys.append(contentsOf: repeatElement(0, count: keyWords))
            for item in itemset { keys[base + item >> 6] |= 1 << UInt64(item & 63) }
        }
    }

    /// The collected itemsets, sorted.
    public func sorted() -> [Itemset] {
        (order ?? sortedOrder()).map { k in
            Itemset(items: items[(k == 0 ? 0 : ends[k - 1]) ..< ends[k]].map(Int.init), support: supports[k])
        }
    }

    /// Sorts now (so that a timed region can include it); `forEachSorted` then reuses it.
    public mutating func sort() {
        if order == nil { order = sortedOrder() }
    }

    /// Calls `body` with each collected itemset (ascending ids) and its support, in sorted order.
    public func forEachSorted(_ body: (_ items: UnsafeBufferPointer<Int32>, _ support: Int) throws -> Void) rethrows {
        let order = self.order ?? sortedOrder()
        try items.withUnsafeBufferPointer { items in
            for k in order {
                let start = k == 0 ? 0 : ends[k - 1]
                try body(UnsafeBufferPointer(rebasing: items[start ..< ends[k]]), supports[k])
            }
        }
    }

    /// Indices of the collected itemsets in sorted order.
    private func sortedOrder() -> [Int] {
        var order = Array(0..<supports.count)
        supports.withUnsafeBufferPointer { supports in
            if keyWords > 0 {
                keys.withUnsafeBufferPointer { keys in
                    let w = keyWords
                    order.sort { a, b in
                        bitKeyLess(keys.baseAddress! + a * w, keys.baseAddress! + b * w, w, supports[a], supports[b])
                    }
                }
            } else {
                items.withUnsafeBufferPointer { items in
                    ends.withUnsafeBufferPointer { ends in
                        order.sort { a, b in
                            listLess(items, a == 0 ? 0 : ends[a - 1], ends[a], b == 0 ? 0 : ends[b - 1], ends[b],
                                     supports[a], supports[b])
                        }
                    }
                }
            }
        }
        return order
    }
}

/// Lexicographic order of two ascending item lists stored in `items`.
@inline(__always)
private func listLess(_ items: UnsafeBufferPointer<Int32>, _ i0: Int, _ iEnd: Int, _ j0: Int, _ jEnd: Int,
                      _ supportA: Int, _ supportB: Int) -> Bool {
    var i = i0, j = j0
    while i < iEnd && j < jEnd {
        if items[i] != items[j] { return items[i] < items[j] }
        i += 1; j += 1
    }
    if (i < iEnd) != (j < jEnd) { return j < jEnd }
    return supportA < supportB
}

/// Lexicographic order of the ascending item lists of two item bit sets `a`, `b`.
/// Let `d` be the smallest item in exactly one of them, say in `b`. Both lists agree before
/// `d`; then `a`'s next item (if any) is above `d`, so `b` comes first — unless `a` has no
/// item after `d`, in which case `a` is a proper prefix of `b` and comes first.
@inline(__always)
private func bitKeyLess(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, _ words: Int,
                        _ supportA: Int, _ supportB: Int) -> Bool {
    for w in 0..<words {
        let diff = a[w] ^ b[w]
        guard diff != 0 else { continue }
        let d = diff & (~diff &+ 1)                    // lowest differing bit
        let aHasD = a[w] & d != 0
        let other = aHasD ? b : a                      // the set without d
        var otherHasMore = other[w] & ~(d | (d &- 1)) != 0
        var k = w + 1
        while !otherHasMore && k < words { otherHasMore = other[k] != 0; k += 1 }
        // The set holding d comes first iff the other one continues after d.
        return aHasD == otherHasMore
    }
    return supportA < supportB
}
