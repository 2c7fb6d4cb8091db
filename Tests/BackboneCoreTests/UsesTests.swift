import BackboneCore
import Testing

/// The uses of a backbone on hand-derived fixtures (DESIGN.md, "Uses of a backbone").
@Suite struct UsesTests {
    // Class 0: neurons 0, 1, 2 with weights 1, 0.5, 0.5 (total 2); class 1: neurons 2, 3 (total 2).
    let correct = BackbonePredictor(backbones: [
        ClassBackbone(label: 1, neurons: [2, 3], weights: [1, 1]),
        ClassBackbone(label: 0, neurons: [0, 1, 2], weights: [1, 0.5, 0.5]),
    ])

    func active(_ neurons: [Int], count: Int = 4) -> [Bool] {
        (0..<count).map { neurons.contains($0) }
    }

    @Test func predictorScoresAreTheActiveShareOfBackboneWeight() {
        #expect(correct.backbones.map(\.label) == [0, 1], "kept in label order")
        #expect(correct.scores(active: active([0, 2])) == [0.75, 0.5])  // (1 + 0.5) / 2, 1 / 2
        #expect(correct.predict(active: active([0, 2])) == .init(label: 0, score: 0.75, tied: false))
        #expect(correct.predict(active: active([2, 3])) == .init(label: 1, score: 1, tied: false))
        #expect(correct.predict(active: active([2])) == .init(label: 1, score: 0.5, tied: false))  // 0.25 vs 0.5
        // Nothing active: both score 0, the lower label wins and the tie is reported.
        #expect(correct.predict(active: active([])) == .init(label: 0, score: 0, tied: true))
        #expect(correct.score(of: 7, active: active([0])) == nil)
    }

    @Test func emptyBackboneScoresZeroAndNoBackboneGivesNoPrediction() {
        let p = BackbonePredictor(backbones: [ClassBackbone(label: 3, neurons: [], weights: []),
                                              ClassBackbone(label: 4, neurons: [1], weights: [0.5])])
        #expect(p.scores(active: active([1])) == [0, 1])
        #expect(BackbonePredictor(backbones: []).predict(active: active([1])).label == nil)
    }

    @Test func mistakeFlagNeedsAnotherClassesMisclassifiedBackboneToBeatThePredictedClass() {
        // Misclassified backbones (after clean-up): true class 0 → neuron 3; true class 1 → neuron 1.
        let flags = MistakeFlags(correct: correct, misclassified: BackbonePredictor(backbones: [
            ClassBackbone(label: 0, neurons: [3], weights: [1]),
            ClassBackbone(label: 1, neurons: [1], weights: [1]),
        ]))
        // Predicted 1, active {2, 3}: own score 1.0, misclassified:0 scores 1.0 — not strictly higher.
        #expect(flags.flag(active: active([2, 3]), networkPrediction: 1)
                == .init(flagged: false, suggested: nil, correctScore: 1, mistakeScore: 1))
        // Predicted 1, active {0, 3}: own 0.5, misclassified:0 scores 1.0 → flagged, suggest 0.
        #expect(flags.flag(active: active([0, 3]), networkPrediction: 1)
                == .init(flagged: true, suggested: 0, correctScore: 0.5, mistakeScore: 1))
        // Predicted 0, active {1, 3}: own 0.25; misclassified:0 is the predicted class itself and
        // is ignored; misclassified:1 scores 1.0 → flagged, suggest 1.
        #expect(flags.flag(active: active([1, 3]), networkPrediction: 0)
                == .init(flagged: true, suggested: 1, correctScore: 0.25, mistakeScore: 1))
        // Predicted 5 (no correct backbone): own score 0, misclassified:0 scores 0 — not flagged.
        #expect(flags.flag(active: active([2]), networkPrediction: 5).flagged == false)
    }

    @Test func flagOutcomeCountsRecallPrecisionAndTheAccuracyChange() {
        // truth 0 1 1 0, network 0 0 1 1 (mistakes at 1 and 3); flagged 1 (→ 1, fixed) and 2 (→ 0, broken).
        let o = FlagOutcome(truth: [0, 1, 1, 0], network: [0, 0, 1, 1], suggestions: [nil, 1, 0, nil])
        #expect(o.networkMistakes == 2)
        #expect(o.flagged == 2)
        #expect(o.flaggedMistakes == 1)
        #expect(o.recall == 0.5)
        #expect(o.precision == 0.5)
        #expect(o.networkAccuracy == 0.5)
        #expect(o.replacedAccuracy == 0.5)
        #expect(o.fixed == 1 && o.broken == 1)
        #expect(o.accuracyChange == 0)
        let none = FlagOutcome(truth: [2, 2], network: [2, 2], suggestions: [nil, nil])
        #expect(none.recall == nil && none.precision == nil && none.networkAccuracy == 1)
    }

    @Test func authorsPredictorReproducesTheirTopKTiesAndDoubleWeighting() {
        // Ties in their sort go to the higher neuron index.
        let plain = AuthorsPredictor(backbones: [], k: 1, weightPower: 1)
        #expect(plain.topK(activations: [1.0, 1, 1], neuronWeights: [1, 1, 1]) == [2])
        // Activations 1 and 1.8 with weights 1.5 and 1: once weighted 1.5 < 1.8, twice 2.25 > 1.8.
        let backbones = [ClassBackbone(label: 0, neurons: [0], weights: [1]), ClassBackbone(label: 1, neurons: [3], weights: [1])]
        let a = [1.0, 0, 0, 1.8], w = [1.5, 1, 1, 1]
        #expect(AuthorsPredictor(backbones: backbones, k: 1, weightPower: 1).predict(activations: a, neuronWeights: w) == 1)
        #expect(AuthorsPredictor(backbones: backbones, k: 1, weightPower: 2).predict(activations: a, neuronWeights: w) == 0)
        // Score ties: the first key of the explanation wins (ours would pick the lower label).
        let tied = [ClassBackbone(label: 5, neurons: [0], weights: [1]), ClassBackbone(label: 2, neurons: [0], weights: [0.5])]
        #expect(AuthorsPredictor(backbones: tied, k: 1).predict(activations: [1.0, 0], neuronWeights: [1, 1]) == 5)
        #expect(BackbonePredictor(backbones: tied).predict(active: [true, false]).label == 2)
        // An empty backbone is skipped (their code would divide by zero).
        let withEmpty = [ClassBackbone(label: 0, neurons: [], weights: []), ClassBackbone(label: 1, neurons: [1], weights: [1])]
        #expect(AuthorsPredictor(backbones: withEmpty, k: 1).predict(activations: [0.0, 1], neuronWeights: [1, 1]) == 1)
    }

    @Test func theirAccuracyCountsEveryNetworkMistakeAsWrong() {
        // Row 2: the predictor is right but the network was wrong → their code counts it wrong.
        let acc = AuthorsPredictor.accuracyAsTheirCodeComputesIt(truth: [0, 1, 1], network: [0, 1, 0], predicted: [0, 0, 1])
        #expect(acc == 1.0 / 3.0)
    }
}
