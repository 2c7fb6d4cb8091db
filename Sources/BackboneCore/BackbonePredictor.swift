/// One class's backbone as the predictor uses it: neurons with their heuristic weights.
public struct ClassBackbone: Sendable, Equatable {
    public var label: Int
    public var neurons: [Int]
    /// One weight per neuron (the reference heuristic's weights, in (0, 1]).
    public var weights: [Double]

    public init(label: Int, neurons: [Int], weights: [Double]) {
        precondition(neurons.count == weights.count, "one weight per neuron")
        self.label = label
        self.neurons = neurons
        self.weights = weights
    }

    public var totalWeight: Double { weights.reduce(0, +) }
}

/// The explanation-augmented predictor (DESIGN.md, "Uses of a backbone"): an instance's
/// transaction (its weighted top-k neurons) scores each class as
/// `Σ weights of the class's backbone neurons that are active / Σ weights of the backbone`;
/// the prediction is the class with the highest score. Ties go to the lower label and are
/// counted (`Prediction.tied`), so a report can say how often the score did not decide.
/// An empty backbone scores 0 (the authors' code divides by zero there).
public struct BackbonePredictor: Sendable {
    /// Backbones in label order (the order ties are broken in).
    public let backbones: [ClassBackbone]

    public init(backbones: [ClassBackbone]) {
        self.backbones = backbones.sorted { $0.label < $1.label }
    }

    public struct Prediction: Sendable, Equatable {
        /// nil when there is no backbone at all.
        public var label: Int?
        public var score: Double
        /// Another class reached the same score.
        public var tied: Bool

        public init(label: Int?, score: Double, tied: Bool) {
            self.label = label
            self.score = score
            self.tied = tied
        }
    }

    /// The score of every backbone (same order as `backbones`) for a transaction given as
    /// one flag per neuron.
    public func scores(active: [Bool]) -> [Double] {
        backbones.map { b in
            let total = b.totalWeight
            guard total > 0 else { return 0 }
            var hit = 0.0
            for (i, w) in zip(b.neurons, b.weights) where i < active.count && active[i] { hit += w }
            return hit / total
        }
    }

    public func predict(active: [Bool]) -> Prediction {
        let s = scores(active: active)
        guard let best = s.indices.max(by: { s[$0] < s[$1] || (s[$0] == s[$1] && $0 > $1) }) else {
            return Prediction(label: nil, score: 0, tied: false)
        }
        let tied = s.indices.contains { $0 != best && s[$0] == s[best] }
        return Prediction(label: backbones[best].label, score: s[best], tied: tied)
    }

    /// The score of the backbone of `label` (nil when that class has no backbone).
    public func score(of label: Int, active: [Bool]) -> Double? {
        guard let k = backbones.firstIndex(where: { $0.label == label }) else { return nil }
        return scores(active: active)[k]
    }
}
