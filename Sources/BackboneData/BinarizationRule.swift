/// How an activation row becomes a transaction (its set of "activated" neurons).
public enum BinarizationRule: Sendable, Equatable {
    /// The authors' rule: scale by the neuron weights, then keep the `floor(k · w_l / n)`
    /// highest neurons of each layer `l` (`w_l` its width, `n` all neurons).
    case reference(k: Int)
    /// The `k` highest (weighted) neurons of every layer (all of a layer narrower than `k`).
    case topK(Int)
    /// Neurons whose activation is strictly above `τ` (unweighted).
    case threshold(Double)
    /// Neurons whose activation is strictly above that neuron's `q`-quantile over all rows
    /// (unweighted; the quantile interpolates linearly, NumPy's default — see `Binarizer`).
    case quantile(Double)

    /// The authors' `k` in every driver of theirs.
    public static let referenceK = 50

    /// Whether the rule ranks neurons (and so uses neuron weights).
    public var usesWeights: Bool {
        switch self {
        case .reference, .topK: return true
        case .threshold, .quantile: return false
        }
    }

    /// `reference k=50`, `topk k=5`, `threshold 0.5`, `quantile 0.9`.
    public var description: String {
        switch self {
        case .reference(let k): return "reference k=\(k)"
        case .topK(let k): return "topk k=\(k)"
        case .threshold(let t): return "threshold \(t)"
        case .quantile(let q): return "quantile \(q)"
        }
    }
}

/// Which of two equal (weighted) activations ranks higher in the top-k rules.
public enum TieBreak: String, Sendable, CaseIterable {
    /// The lower neuron id wins (DESIGN.md's rule; the default).
    case lowerIndexFirst = "lower"
    /// The higher neuron id wins: what the authors' `sorted(zip(values, ids), reverse=True)` does.
    case higherIndexFirst = "higher"
}
