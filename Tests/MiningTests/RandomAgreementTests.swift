import Mining
import Testing
import TestSupport

/// Seeded random databases on which the fast miner must equal the brute-force one, for every
/// target, with and without filters. Each seed draws its own shape (items, transactions,
/// density, support, filters), so the cases cover sparse to dense and tiny to 16 items.
@Suite struct RandomAgreementTests {
    struct Case: CustomStringConvertible {
        let database: TransactionDatabase
        let query: MiningQuery
        var description: String {
            "\(database.count) transactions over \(database.itemCount) items, \(query.target), support \(query.minimumSupport), sizes \(query.minSize)...\(query.maxSize.map(String.init) ?? "∞"), layers \(query.layerComplete?.widths.description ?? "none")"
        }
    }

    static func randomCase(seed: UInt64, target: MiningTarget) -> Case {
        var rng = SplitMix(seed: seed)
        let itemCount = Int.random(in: 1...16, using: &rng)
        let transactions = Int.random(in: 0...40, using: &rng)
        let density = [0.15, 0.3, 0.5, 0.7, 0.9].randomElement(using: &rng)!
        let db = randomDatabase(itemCount: itemCount, transactions: transactions, density: density, using: &rng)
        let support: MinimumSupport = Bool.random(using: &rng)
            ? .count(Int.random(in: 1...max(1, transactions / 2 + 1), using: &rng))
            : .fraction([0.05, 0.1, 0.25, 0.3, 0.5, 0.7, 1.0].randomElement(using: &rng)!)
        var minSize = 1
        var maxSize: Int? = nil
        var layout: LayerLayout? = nil
        if Bool.random(using: &rng) { minSize = Int.random(in: 1...4, using: &rng) }
        if Bool.random(using: &rng) { maxSize = Int.random(in: minSize...(minSize + 4), using: &rng) }
        if Bool.random(using: &rng) {
            // Random widths that add up to the item count.
            var widths: [Int] = []
            var left = itemCount
            while left > 0 {
                let w = Int.random(in: 1...left, using: &rng)
                widths.append(w)
                left -= w
            }
            layout = try! LayerLayout(widths: widths)
        }
        return Case(database: db, query: MiningQuery(target: target, minimumSupport: support,
                                                      minSize: minSize, maxSize: maxSize,
                                                      layerComplete: layout))
    }

    @Test(arguments: MiningTarget.allCases)
    func bitsetMinerEqualsBruteForce(target: MiningTarget) throws {
        for seed in UInt64(1)...300 {
            let c = Self.randomCase(seed: seed, target: target)
            let expected = try BruteForceMiner().itemsets(c.database, c.query)
            let result = try BitsetMiner().itemsets(c.database, c.query)
            #expect(result == expected, "seed \(seed): \(c)")
            #expect(isInDocumentedOrder(result), "seed \(seed): \(c)")
        }
    }

    /// Dense layered data like the activation transactions (every transaction has the same
    /// number of items per layer), where maximal sets are long and the search deep.
    @Test(arguments: [0.3, 0.5, 0.7])
    func layeredTopKDataAgrees(supportFraction: Double) throws {
        var rng = SplitMix(seed: 2024)
        let layout = try LayerLayout(widths: [8, 5, 3])
        let picks = [4, 2, 1]
        for round in 0..<20 {
            var db = TransactionDatabase(itemCount: 16)
            // A few prototypes with noise, so transactions share large itemsets.
            let prototypes = (0..<3).map { _ in
                (0..<3).map { l in Array(layout.range(ofLayer: l).shuffled(using: &rng).prefix(picks[l])) }
            }
            for _ in 0..<Int.random(in: 10...60, using: &rng) {
                let p = prototypes.randomElement(using: &rng)!
                var items: [Int] = []
                for l in 0..<3 {
                    var chosen = p[l]
                    if Double.random(in: 0..<1, using: &rng) < 0.4 {
                        let outside = layout.range(ofLayer: l).filter { !chosen.contains($0) }
                        chosen[Int.random(in: 0..<chosen.count, using: &rng)] = outside.randomElement(using: &rng)!
                    }
                    items += chosen
                }
                db.append(items)
            }
            for target in MiningTarget.allCases {
                for complete in [nil, layout] {
                    let q = MiningQuery(target: target, minimumSupport: .fraction(supportFraction), layerComplete: complete)
                    let expected = try BruteForceMiner().itemsets(db, q)
                    let result = try BitsetMiner().itemsets(db, q)
                    #expect(result == expected, "round \(round), \(target), layer-complete \(complete != nil)")
                }
            }
        }
    }
}
