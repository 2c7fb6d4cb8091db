import FileSupport

/// The reference miner: enumerates every subset of the items that occur and applies the
/// definitions literally. Exponential (`2^k` sets for `k` occurring items), so it refuses
/// more than `maxItems` items; it exists to check the fast miners on small databases.
public struct BruteForceMiner: ItemsetMiner {
    /// Largest number of occurring items it accepts.
    public static let maxItems = 20

    public init() {}

    public func mine(_ database: TransactionDatabase, _ query: MiningQuery,
                     visit: (_ items: UnsafeBufferPointer<Int>, _ support: Int) throws -> Void) throws {
        let q = try query.resolved(for: database)
        let occurring = (0..<database.itemCount).filter { item in
            (0..<database.count).contains { database.contains(item, inTransaction: $0) }
        }
        let k = occurring.count
        guard k <= Self.maxItems else {
            throw InputError("the brute-force miner enumerates all subsets of the occurring items; \(k) items is more than its limit of \(Self.maxItems)")
        }
        // Each transaction as a bit mask over the occurring items.
        let masks: [UInt32] = (0..<database.count).map { t in
            var m: UInt32 = 0
            for (bit, item) in occurring.enumerated() where database.contains(item, inTransaction: t) {
                m |= 1 << UInt32(bit)
            }
            return m
        }
        // support[S] = number of transactions whose mask contains S. Count each mask, then
        // push counts down to subsets one bit at a time (subset-sum transform): after bits
        // 0...b, support[S] counts the masks that contain S on bits 0...b and equal it above.
        let subsetCount = 1 << k
        var support = [Int](repeating: 0, count: subsetCount)
        for mask in masks { support[Int(mask)] += 1 }
        for bit in 0..<k {
            for s in 0..<subsetCount where s & (1 << bit) == 0 {
                support[s] += support[s | 1 << bit]
            }
        }
        var items: [Int] = []
        for s in 1..<subsetCount where support[s] >= q.minimumSupportCount {
            // Supersets with one more item decide closed and maximal.
            var isClosed = true, isMaximal = true
            for bit in 0..<k where s & (1 << bit) == 0 {
                let superSupport = support[s | 1 << bit]
                if superSupport == support[s] { isClosed = false }
                if superSupport >= q.minimumSupportCount { isMaximal = false }
            }
            switch q.target {
            case .frequent: break
            case .closed: if !isClosed { continue }
            case .maximal: if !isMaximal { continue }
            }
            items.removeAll(keepingCapacity: true)
            for bit in 0..<k where s & (1 << bit) != 0 { items.append(occurring[bit]) }
            guard q.passesFilters(items) else { continue }
            try items.withUnsafeBufferPointer { try visit($0, support[s]) }
        }
    }
}
