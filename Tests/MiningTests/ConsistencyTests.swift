import Mining
import Testing
import TestSupport

/// Beyond brute force's reach (30–60 items), the three targets must still agree with their
/// definitions: closed = frequent sets with no one-item extension of equal support, maximal =
/// frequent sets with no frequent one-item extension, both derived here from the frequent
/// sets the miner lists. This exercises deep maximal searches and long lists of found sets.
@Suite struct ConsistencyTests {
    @Test(arguments: [(UInt64(11), 30, 60, 0.7, 0.4), (12, 40, 80, 0.75, 0.5), (13, 60, 40, 0.35, 0.2),
                      (14, 24, 200, 0.5, 0.15)])
    func targetsAgreeWithDefinitions(seed: UInt64, items: Int, transactions: Int, density: Double, support: Double) throws {
        var rng = SplitMix(seed: seed)
        let db = randomDatabase(itemCount: items, transactions: transactions, density: density, using: &rng)
        let miner = BitsetMiner()
        let frequent = try miner.itemsets(db, MiningQuery(target: .frequent, minimumSupport: .fraction(support)))
        let minCount = try MinimumSupport.fraction(support).count(forTransactionCount: db.count)
        #expect(frequent.count > 100)

        // Supports checked directly against the transactions.
        for set in frequent.prefix(500) {
            let direct = (0..<db.count).filter { t in set.items.allSatisfy { db.contains($0, inTransaction: t) } }.count
            #expect(direct == set.support)
            #expect(direct >= minCount)
        }

        var supportOf: [[Int]: Int] = [:]
        for set in frequent { supportOf[set.items] = set.support }
        var closed: [Itemset] = []
        var maximal: [Itemset] = []
        for set in frequent {
            var isClosed = true, isMaximal = true
            for item in 0..<items where !set.items.contains(item) {
                let bigger = (set.items + [item]).sorted()
                if let s = supportOf[bigger] {
                    isMaximal = false
                    if s == set.support { isClosed = false; break }
                }
            }
            if isClosed { closed.append(set) }
            if isMaximal { maximal.append(set) }
        }
        #expect(try miner.itemsets(db, MiningQuery(target: .closed, minimumSupport: .fraction(support))) == closed)
        #expect(try miner.itemsets(db, MiningQuery(target: .maximal, minimumSupport: .fraction(support))) == maximal)

        // Layer-complete maximal = the maximal ones that are layer-complete.
        let layout = try LayerLayout(widths: [items / 2, items / 3, items - items / 2 - items / 3])
        let filtered = maximal.filter { layout.isLayerComplete($0.items) }
        let q = MiningQuery(target: .maximal, minimumSupport: .fraction(support), layerComplete: layout)
        #expect(try miner.itemsets(db, q) == filtered)
    }
}
