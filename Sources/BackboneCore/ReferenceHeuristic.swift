import Mining

/// The authors' Section 4 heuristic for one group (DESIGN.md, "Heuristics", 1):
///
/// 1. `maxMinsup`: from support 1.0 step down by `δ = max(0.01, 1/|T|)` until the maximal
///    itemsets include a layer-complete one.
/// 2. From there keep stepping down; at each level score the layer-complete maximal itemsets
///    `P` against the group's transactions (`FScore`); accept the level while its F-score is
///    at least the best so far; stop at the first drop.
/// 3. The backbone is the union of the accepted levels' itemsets; a neuron's weight is the
///    support level where it first appeared divided by `maxMinsup` (in (0, 1]).
///
/// Where the authors' code hangs on `input()` or divides by zero (no layer-complete itemset
/// at any level), this returns `.noLayerCompleteItemset` and the caller reports it.
public struct ReferenceHeuristic: Sendable {
    /// Stop descending (and say so) when one level has more maximal itemsets than this.
    public var itemsetLimit: Int

    public init(itemsetLimit: Int = 2_000_000) {
        self.itemsetLimit = itemsetLimit
    }

    public struct Level: Sendable, Equatable {
        public var support: Double
        public var supportCount: Int
        public var itemsets: Int
        public var fScore: Double
        public var accepted: Bool
    }

    public struct Backbone: Sendable, Equatable {
        /// Neurons, ascending.
        public var neurons: [Int]
        /// Weight of each neuron in `neurons` (same order).
        public var weights: [Double]
        public var maxMinsup: Double
        /// Every level visited, the last one being the first rejected (if any).
        public var levels: [Level]
        /// Why the descent stopped.
        public var stopReason: String

        /// `(neuron, weight)` pairs sorted by weight descending, then neuron ascending — the
        /// order of the authors' explanation files.
        public var weightedNeurons: [(neuron: Int, weight: Double)] {
            zip(neurons, weights).map { ($0, $1) }.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.neuron < $1.neuron }
        }
    }

    public enum Outcome: Sendable, Equatable {
        case backbone(Backbone)
        /// No support level has a layer-complete maximal itemset (the authors' code hangs here).
        case noLayerCompleteItemset
        case emptyGroup
    }

    public func run(_ database: TransactionDatabase, layout: LayerLayout) throws -> Outcome {
        guard database.count > 0 else { return .emptyGroup }
        var ladder = SupportLadder(database: database, layout: layout)
        guard let top = try ladder.maxMinsup() else { return .noLayerCompleteItemset }
        let scorer = FScore(database: database)

        var firstSeen: [Int: Double] = [:]
        var levels: [Level] = []
        var best = -Double.infinity
        var k = top.index
        var stopReason = "F-score dropped"
        while let s = ladder.level(k) {
            let p = try ladder.layerCompleteMaximal(at: s)
            let count = try ladder.count(at: s)
            if p.count > itemsetLimit {
                stopReason = "level \(s) has \(p.count) maximal itemsets, over the limit \(itemsetLimit)"
                break
            }
            let f = scorer.score(p)
            let accepted = f >= best
            levels.append(Level(support: s, supportCount: count, itemsets: p.count, fScore: f, accepted: accepted))
            guard accepted else { break }
            best = f
            for set in p { for i in set.items where firstSeen[i] == nil { firstSeen[i] = s } }
            k += 1
            if ladder.level(k) == nil { stopReason = "reached the lowest support level" }
        }
        let neurons = firstSeen.keys.sorted()
        return .backbone(Backbone(neurons: neurons, weights: neurons.map { firstSeen[$0]! / top.level },
                                  maxMinsup: top.level, levels: levels, stopReason: stopReason))
    }
}

/// The authors' F-score of a set of itemsets `P` against transactions: `tp` = activated
/// neurons of a transaction that lie in some itemset of `P`; `fp` = activated neurons in none;
/// `fn` = itemset neurons a transaction lacks, summed over itemsets and transactions;
/// `F = 2PR/(P+R)` with `P = tp/(tp+fp)`, `R = tp/(tp+fn)` (0 when undefined).
struct FScore {
    let database: TransactionDatabase

    func score(_ itemsets: [Itemset]) -> Double {
        let w = database.wordsPerRow
        var union = [UInt64](repeating: 0, count: w)
        var masks: [[UInt64]] = []
        masks.reserveCapacity(itemsets.count)
        for set in itemsets {
            var m = [UInt64](repeating: 0, count: w)
            for i in set.items { m[i >> 6] |= 1 << UInt64(i & 63) }
            for k in 0..<w { union[k] |= m[k] }
            masks.append(m)
        }
        var tp = 0, fp = 0, fn = 0
        database.bits.withUnsafeBufferPointer { bits in
            for t in 0..<database.count {
                let row = t * w
                for k in 0..<w {
                    let words = bits[row + k]
                    tp += (words & union[k]).nonzeroBitCount
                    fp += (words & ~union[k]).nonzeroBitCount
                }
                for m in masks {
                    for k in 0..<w { fn += (m[k] & ~bits[row + k]).nonzeroBitCount }
                }
            }
        }
        let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
        let recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}
