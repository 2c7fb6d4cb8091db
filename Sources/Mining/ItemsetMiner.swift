/// An algorithm that finds frequent, closed or maximal itemsets of a transaction database.
///
/// Every miner answers the same `MiningQuery` with the same set of itemsets (the shared test
/// suite checks each against `BruteForceMiner`); they differ only in speed and in the order
/// in which `mine` visits results.
public protocol ItemsetMiner: Sendable {
    /// Calls `visit` once for every itemset the query asks for, in the miner's own search
    /// order. `items` holds the item ids in ascending order and is only valid during the call
    /// (copy it to keep it): no array is allocated per itemset, so very large results can be
    /// counted or streamed. An error thrown by `visit` stops the search and is rethrown (e.g.
    /// to give up on a result too large to keep). Throws an `InputError` for an invalid query.
    func mine(_ database: TransactionDatabase, _ query: MiningQuery,
              visit: (_ items: UnsafeBufferPointer<Int>, _ support: Int) throws -> Void) throws
}

extension ItemsetMiner {
    /// All itemsets the query asks for, sorted lexicographically by items (see `Itemset`).
    public func itemsets(_ database: TransactionDatabase, _ query: MiningQuery) throws -> [Itemset] {
        var collector = ItemsetCollector(itemCount: database.itemCount)
        try mine(database, query) { items, support in collector.add(items, support: support) }
        return collector.sorted()
    }

    /// The number of itemsets the query asks for (without storing them).
    public func count(_ database: TransactionDatabase, _ query: MiningQuery) throws -> Int {
        var n = 0
        try mine(database, query) { _, _ in n += 1 }
        return n
    }
}

extension TransactionDatabase {
    /// The itemsets `query` asks for, found by `BitsetMiner`, sorted lexicographically.
    public func itemsets(_ query: MiningQuery) throws -> [Itemset] {
        try BitsetMiner().itemsets(self, query)
    }

    /// The maximal itemsets at an absolute minimum support, optionally only the layer-complete
    /// ones (maximal over all frequent itemsets, then filtered), sorted lexicographically.
    public func maximalItemsets(minimumSupportCount: Int, layerComplete layout: LayerLayout? = nil) throws -> [Itemset] {
        try itemsets(MiningQuery(target: .maximal, minimumSupport: .count(minimumSupportCount),
                                 layerComplete: layout))
    }
}
