import Foundation

/// Ablation on held-out rows: zero a set of hidden units (their outputs become 0) and measure,
/// on the rows of a class, top-1 accuracy and the mean drop of the true class's probability
/// against the intact network.
public struct Ablation: Sendable {
    public struct Outcome: Sendable, Equatable {
        public var instances: Int
        /// Rows still predicted as their true class.
        public var correct: Int
        /// Mean over the rows of `p_true(intact) − p_true(ablated)`.
        public var probabilityDrop: Double

        public var accuracy: Double { instances == 0 ? .nan : Double(correct) / Double(instances) }
    }

    /// Mean and sample standard deviation (n − 1) of some draws.
    public struct Spread: Sendable, Equatable {
        public var mean: Double
        public var sd: Double

        public init<C: Collection>(_ values: C) where C.Element == Double {
            let n = Double(values.count)
            mean = values.reduce(0, +) / n
            let m = mean
            sd = values.count < 2 ? 0 : (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot()
        }
    }

    public let network: UnitNetwork
    public let rows: NetworkRows
    /// The intact network's probability of each row's true class.
    public let intactProbability: [Double]

    public init(network: UnitNetwork, rows: NetworkRows) {
        self.network = network
        self.rows = rows
        var scratch = UnitNetwork.Scratch(network)
        intactProbability = (0 ..< rows.rowCount).map { r in
            Self.run(network, rows, r, ablated: nil, &scratch).probability
        }
    }

    /// The rows whose label is `label`.
    public func rows(ofClass label: Int) -> [Int] { rows.labels.indices.filter { rows.labels[$0] == label } }

    /// The outcome on `indices` with `units` ablated (none: the intact network).
    public func outcome(ablating units: [Int], on indices: [Int]) -> Outcome {
        outcomes(ablating: [units], on: indices)[0]
    }

    /// `draws` random unit sets matched to `units` layer by layer: as many units in each layer,
    /// drawn uniformly without replacement from that layer. They depend only on `seed` and `stream`.
    public func randomSets(like units: [Int], draws: Int, seed: UInt64, stream: UInt64) -> [[Int]] {
        let layout = network.layout
        var perLayer = [Int](repeating: 0, count: layout.layerCount)
        for u in units { perLayer[layout.layer(of: u)] += 1 }
        var generator = SeededGenerator(seed: seed, stream: stream)
        var pools = layout.widths.indices.map { Array(layout.range(ofLayer: $0)) }
        return (0 ..< draws).map { _ in
            var set: [Int] = []
            for l in pools.indices {
                // Partial Fisher–Yates: the first perLayer[l] entries become a uniform sample.
                for i in 0 ..< perLayer[l] {
                    pools[l].swapAt(i, i + generator.below(pools[l].count - i))
                    set.append(pools[l][i])
                }
            }
            return set.sorted()
        }
    }

    /// The outcome on `indices` of each of `sets`.
    public func outcomes(ablating sets: [[Int]], on indices: [Int]) -> [Outcome] {
        var scratch = UnitNetwork.Scratch(network)
        var mask = [Bool](repeating: false, count: network.unitCount)
        return sets.map { set in
            for u in set { mask[u] = true }
            defer { for u in set { mask[u] = false } }
            return outcome(mask: set.isEmpty ? nil : mask, on: indices, &scratch)
        }
    }

    func outcome(mask: [Bool]?, on indices: [Int], _ scratch: inout UnitNetwork.Scratch) -> Outcome {
        var correct = 0
        var drop = 0.0
        for r in indices {
            let result = Self.run(network, rows, r, ablated: mask, &scratch)
            if result.correct { correct += 1 }
            drop += intactProbability[r] - result.probability
        }
        return Outcome(instances: indices.count, correct: correct, probabilityDrop: indices.isEmpty ? .nan : drop / Double(indices.count))
    }

    static func run(_ network: UnitNetwork, _ rows: NetworkRows, _ r: Int, ablated: [Bool]?,
                    _ scratch: inout UnitNetwork.Scratch) -> (correct: Bool, probability: Double) {
        rows.values.withUnsafeBufferPointer { values in
            network.forward(UnsafeBufferPointer(rebasing: values[r * rows.width ..< (r + 1) * rows.width]),
                            from: rows.start, ablated: ablated, into: &scratch)
        }
        let truth = rows.outputs[r]
        return (UnitNetwork.argmax(scratch.logits) == truth, UnitNetwork.probability(scratch.logits, truth))
    }
}

/// A small seeded generator (PCG, 64-bit state, RXS-M-XS output) for reproducible random unit
/// sets; `below(n)` maps a word to `0..<n` by a multiply-high (bias below 2⁻⁴⁰ for any set size).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    private let increment: UInt64

    public init(seed: UInt64, stream: UInt64 = 0) {
        increment = stream << 1 | 1
        state = 0
        _ = next()
        state &+= seed
        _ = next()
    }

    public mutating func next() -> UInt64 {
        let old = state
        state = old &* 6_364_136_223_846_793_005 &+ increment
        let word = ((old >> ((old >> 59) &+ 5)) ^ old) &* 12_605_985_483_714_917_081
        return (word >> 43) ^ word
    }

    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0, "below(0)")
        return Int(UInt64(n).multipliedFullWidth(by: next()).high)
    }
}
