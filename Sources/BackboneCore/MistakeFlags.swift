/// Mistake flags from the misclassified-group backbones (DESIGN.md, "Uses of a backbone").
///
/// A misclassified-group backbone of class `c` holds the neurons that the training instances
/// of true class `c` the network got wrong share, minus the neurons of class `c`'s
/// correct-group backbone. For an instance the network predicts as `p`, the flag is raised
/// when the misclassified backbone of some class `c ≠ p` scores strictly higher than class
/// `p`'s correct-group backbone (scores as in `BackbonePredictor`); the suggested class is the
/// best-scoring such `c` (ties: lower label), i.e. "this looks like a `c` the network gets
/// wrong". When `p` has no correct-group backbone its score counts as 0.
public struct MistakeFlags: Sendable {
    public let correct: BackbonePredictor
    public let misclassified: BackbonePredictor

    public init(correct: BackbonePredictor, misclassified: BackbonePredictor) {
        self.correct = correct
        self.misclassified = misclassified
    }

    public struct Flag: Sendable, Equatable {
        public var flagged: Bool
        /// The misclassified backbone's class when flagged.
        public var suggested: Int?
        public var correctScore: Double
        public var mistakeScore: Double

        public init(flagged: Bool, suggested: Int?, correctScore: Double, mistakeScore: Double) {
            self.flagged = flagged
            self.suggested = suggested
            self.correctScore = correctScore
            self.mistakeScore = mistakeScore
        }
    }

    public func flag(active: [Bool], networkPrediction p: Int) -> Flag {
        let own = correct.score(of: p, active: active) ?? 0
        let s = misclassified.scores(active: active)
        var best: Int?
        for k in s.indices where misclassified.backbones[k].label != p && !misclassified.backbones[k].neurons.isEmpty {
            if best == nil || s[k] > s[best!] { best = k }
        }
        guard let b = best else { return Flag(flagged: false, suggested: nil, correctScore: own, mistakeScore: 0) }
        let flagged = s[b] > own
        return Flag(flagged: flagged, suggested: flagged ? misclassified.backbones[b].label : nil,
                    correctScore: own, mistakeScore: s[b])
    }
}

/// How a set of mistake flags fares against the network's actual mistakes on held-out data,
/// and what replacing each flagged prediction by a suggested class does to accuracy.
public struct FlagOutcome: Sendable, Equatable {
    public var instances: Int
    public var networkMistakes: Int
    public var flagged: Int
    /// Flagged instances the network actually got wrong.
    public var flaggedMistakes: Int
    /// `flaggedMistakes / networkMistakes` (nil when the network made no mistake).
    public var recall: Double?
    /// `flaggedMistakes / flagged` (nil when nothing was flagged).
    public var precision: Double?
    public var networkAccuracy: Double
    /// Accuracy after replacing every flagged prediction by its suggested class.
    public var replacedAccuracy: Double
    /// Flagged mistakes the replacement makes right.
    public var fixed: Int
    /// Correct predictions the replacement makes wrong.
    public var broken: Int

    public var accuracyChange: Double { replacedAccuracy - networkAccuracy }

    /// - Parameters: one entry per instance: truth, the network's prediction, and the
    ///   suggested class when the instance is flagged (nil: not flagged).
    public init(truth: [Int], network: [Int], suggestions: [Int?]) {
        precondition(truth.count == network.count && truth.count == suggestions.count)
        var mistakes = 0, flagged = 0, hits = 0, right = 0, rightAfter = 0, fixed = 0, broken = 0
        for k in truth.indices {
            let wrong = network[k] != truth[k]
            if wrong { mistakes += 1 } else { right += 1 }
            var after = network[k]
            if let s = suggestions[k] {
                flagged += 1
                if wrong { hits += 1 }
                after = s
            }
            if after == truth[k] { rightAfter += 1 }
            if wrong && after == truth[k] { fixed += 1 }
            if !wrong && after != truth[k] { broken += 1 }
        }
        let n = max(1, truth.count)
        instances = truth.count
        networkMistakes = mistakes
        self.flagged = flagged
        flaggedMistakes = hits
        recall = mistakes > 0 ? Double(hits) / Double(mistakes) : nil
        precision = flagged > 0 ? Double(hits) / Double(flagged) : nil
        networkAccuracy = Double(right) / Double(n)
        replacedAccuracy = Double(rightAfter) / Double(n)
        self.fixed = fixed
        self.broken = broken
    }
}
