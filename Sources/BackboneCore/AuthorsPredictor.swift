/// The authors' `exp_prediction` (ExplanationAugmentedPredictor.py) as their code computes
/// it, defects included (REFERENCE.md), so their number can be printed beside ours:
///
/// - the instance's "active" neurons are its `k` highest weighted activations over the whole
///   network (not per layer), Python's `sorted(zip(values, indices), reverse=True)`: ties go
///   to the higher neuron index;
/// - the activations are multiplied by the neuron weights in place, so the second call on the
///   same row multiplies them again (`weightPower` 2: their correct-backbone predictor is the
///   second call);
/// - the rank decay (`mul -= 0.02`) is reset before it is used, so it never applies;
/// - argmax with a strict `>` from -1 in the explanation's key order: ties go to the first key;
///   an empty backbone would divide by zero (here: that class is skipped);
/// - their accuracy compares a string key with an integer class for every misclassified
///   instance, so each of those counts as wrong (`AuthorsPredictor.accuracyAsTheirCodeComputesIt`).
public struct AuthorsPredictor: Sendable {
    /// Backbones in the explanation file's key order.
    public let backbones: [ClassBackbone]
    public let k: Int
    /// How many times the neuron weights multiply the activations (1 on their first call, 2 on the second).
    public let weightPower: Int

    public init(backbones: [ClassBackbone], k: Int = 50, weightPower: Int = 2) {
        self.backbones = backbones
        self.k = k
        self.weightPower = weightPower
    }

    /// Their top-k: indices of the k largest `a_i · w_i^power`, ties to the higher index.
    public func topK<C: Collection>(activations: C, neuronWeights: [Double]) -> [Int] where C.Element == Double, C.Index == Int {
        var values: [(Double, Int)] = []
        values.reserveCapacity(activations.count)
        for (offset, a) in activations.enumerated() {
            var v = a
            for _ in 0..<weightPower { v *= neuronWeights[offset] }
            values.append((v, offset))
        }
        values.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 > $1.1 }
        return values.prefix(k).map(\.1)
    }

    public func predict<C: Collection>(activations: C, neuronWeights: [Double]) -> Int? where C.Element == Double, C.Index == Int {
        let top = Set(topK(activations: activations, neuronWeights: neuronWeights))
        var best: Int?
        var bestValue = -1.0
        for b in backbones {
            let total = b.totalWeight
            guard total != 0 else { continue }
            var sum = 0.0
            for (i, w) in zip(b.neurons, b.weights) where top.contains(i) { sum += w }
            let value = sum / total
            if value > bestValue { best = b.label; bestValue = value }
        }
        return best
    }

    /// Their `t / (t + f)`: an instance counts as right only if the network got it right and the
    /// prediction equals its label (for the network's mistakes their comparison is always false).
    public static func accuracyAsTheirCodeComputesIt(truth: [Int], network: [Int], predicted: [Int?]) -> Double {
        var right = 0
        for k in truth.indices where network[k] == truth[k] && predicted[k] == truth[k] { right += 1 }
        return Double(right) / Double(max(1, truth.count))
    }
}
