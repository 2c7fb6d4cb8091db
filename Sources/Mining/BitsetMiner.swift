/// The fast miner for dense data: frequent items recoded by ascending support, bit-vector
/// tid-lists (`VerticalBitsets`), and a depth-first search per target — Eclat for frequent
/// (`FrequentSearch`), LCM's prefix-preserving closure extension for closed
/// (`ClosedSearch`), MAFIA-style search with local maximal-set lists for maximal
/// (`MaximalSearch`). Designed for ~100–300 items at ~50 % density and up to a few thousand
/// transactions: a tid-list is then a few dozen words and an intersection a few dozen ANDs.
/// Memory: the tid-lists, one tid-list and one item list per search depth, and for maximal
/// mining the found maximal sets as item bit sets plus their per-depth index lists.
public struct BitsetMiner: ItemsetMiner {
    public init() {}

    public func mine(_ database: TransactionDatabase, _ query: MiningQuery,
                     visit: (_ items: UnsafeBufferPointer<Int>, _ support: Int) throws -> Void) throws {
        let q = try query.resolved(for: database)
        let bitsets = try VerticalBitsets(database, minimumSupportCount: q.minimumSupportCount)
        let filter = SearchFilter(query: q, bitsets: bitsets)
        try withoutActuallyEscaping(visit) { visit in
            let emitter = ResultEmitter(filter: filter, bitsets: bitsets, visit: visit)
            switch q.target {
            case .frequent: try FrequentSearch(bitsets: bitsets, filter: filter, emitter: emitter).run()
            case .closed: try ClosedSearch(bitsets: bitsets, filter: filter, emitter: emitter).run()
            case .maximal: try MaximalSearch(bitsets: bitsets, filter: filter, emitter: emitter).run()
            }
        }
    }
}
