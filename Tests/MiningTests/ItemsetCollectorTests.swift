import Mining
import Testing
import TestSupport

/// The collector sorts with bit-set keys up to `bitKeyItemLimit` items and by walking item
/// lists above it; both must give the documented order.
@Suite struct ItemsetCollectorTests {
    @Test(arguments: [5, 64, 65, 130, ItemsetCollector.bitKeyItemLimit, ItemsetCollector.bitKeyItemLimit + 1, 2000])
    func sortsLexicographically(itemCount: Int) {
        var rng = SplitMix(seed: UInt64(itemCount))
        var collector = ItemsetCollector(itemCount: itemCount)
        var seen = Set<[Int]>()
        var all: [Itemset] = []
        for _ in 0..<400 {
            // Few distinct low items, so many sets share prefixes or are prefixes of others.
            let size = Int.random(in: 1...6, using: &rng)
            let pool = itemCount <= 8 ? Array(0..<itemCount)
                : [0, 1, 2, 63, 64, itemCount / 2, itemCount - 2, itemCount - 1].filter { $0 < itemCount }
            let items = Array(Set((0..<size).map { _ in pool.randomElement(using: &rng)! })).sorted()
            guard seen.insert(items).inserted else { continue }
            let support = Int.random(in: 1...9, using: &rng)
            items.withUnsafeBufferPointer { collector.add($0, support: support) }
            all.append(Itemset(items: items, support: support))
        }
        let sorted = collector.sorted()
        #expect(sorted.count == all.count)
        #expect(isInDocumentedOrder(sorted))
        #expect(Set(sorted) == Set(all))
        #expect(sorted == all.sorted())

        // The printing path walks the same order without building arrays.
        var walked: [Itemset] = []
        collector.sort()
        collector.forEachSorted { items, support in walked.append(Itemset(items: items.map(Int.init), support: support)) }
        #expect(walked == sorted)
    }

    @Test func prefixComesFirst() {
        var collector = ItemsetCollector(itemCount: 200)
        for items in [[1, 3], [1, 2, 5], [1, 2], [150], [1, 2, 150], [0, 199]] {
            items.withUnsafeBufferPointer { collector.add($0, support: 1) }
        }
        #expect(collector.sorted().map(\.items) == [[0, 199], [1, 2], [1, 2, 5], [1, 2, 150], [1, 3], [150]])
    }
}
