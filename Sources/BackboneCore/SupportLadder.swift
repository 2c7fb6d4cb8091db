import Mining

/// The support levels the authors' search walks: from 1.0 down in steps of
/// `δ = max(0.01, 1/|T|)` (DESIGN.md, "Heuristics"). Level `k` is `1 − k·δ`, turned into an
/// absolute count with the project's one rounding rule (`MinimumSupport.fraction`).
/// Mining results are cached per count, since neighbouring levels often share a count.
struct SupportLadder {
    let database: TransactionDatabase
    let layout: LayerLayout
    let step: Double
    private var cache: [Int: [Itemset]] = [:]

    init(database: TransactionDatabase, layout: LayerLayout) {
        self.database = database
        self.layout = layout
        self.step = max(0.01, 1.0 / Double(max(1, database.count)))
    }

    /// Support of level `k` (k = 0 is 1.0); nil once the level is not positive.
    func level(_ k: Int) -> Double? {
        let s = 1.0 - Double(k) * step
        return s > 1e-12 ? s : nil
    }

    func count(at level: Double) throws -> Int {
        try MinimumSupport.fraction(min(1, level)).count(forTransactionCount: database.count)
    }

    /// The layer-complete maximal itemsets at a support level.
    mutating func layerCompleteMaximal(at level: Double) throws -> [Itemset] {
        let c = try count(at: level)
        if let hit = cache[c] { return hit }
        let found = try database.maximalItemsets(minimumSupportCount: c, layerComplete: layout)
        cache[c] = found
        return found
    }

    /// `maxMinsup`: the first level (from the top) whose layer-complete maximal itemsets are
    /// not empty, with its index; nil when no level has one.
    mutating func maxMinsup() throws -> (index: Int, level: Double)? {
        var k = 0
        while let s = level(k) {
            if try !layerCompleteMaximal(at: s).isEmpty { return (k, s) }
            k += 1
        }
        return nil
    }
}
