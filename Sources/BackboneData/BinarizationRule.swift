import FileSupport

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

extension BinarizationRule {
    /// The rules by name, as users pick them.
    public enum Kind: String, Sendable, CaseIterable {
        case reference, topk, threshold, quantile
    }

    /// The rule `kind` with its parameter: `k` for reference and topk (default `referenceK`),
    /// `threshold` and `quantile` for those rules. A parameter the rule does not use, or a
    /// missing or out-of-range one, is an `InputError` about that parameter.
    public init(kind: Kind, k: Int?, threshold: Double?, quantile: Double?) throws {
        let given: [(InputSubject, Bool, Set<Kind>)] = [(.k, k != nil, [.reference, .topk]),
                                                         (.threshold, threshold != nil, [.threshold]),
                                                         (.quantile, quantile != nil, [.quantile])]
        for (subject, present, users) in given where present && !users.contains(kind) {
            throw InputError(subject: subject, "only the \(users.map(\.rawValue).sorted().joined(separator: " and ")) rule\(users.count > 1 ? "s use" : " uses") it (the rule is \(kind.rawValue))")
        }
        switch kind {
        case .reference, .topk:
            let k = k ?? Self.referenceK
            guard k >= 1 else { throw InputError(subject: .k, "k must be at least 1, got \(k)") }
            self = kind == .reference ? .reference(k: k) : .topK(k)
        case .threshold:
            guard let threshold, threshold.isFinite else { throw InputError(subject: .threshold, "the threshold rule needs a finite threshold T") }
            self = .threshold(threshold)
        case .quantile:
            guard let quantile, quantile >= 0, quantile <= 1 else { throw InputError(subject: .quantile, "the quantile rule needs a quantile Q in [0, 1]") }
            self = .quantile(quantile)
        }
    }
}
