import BackboneCore
import BackboneData

/// Stage 4: the backbones' uses on the held-out rows (`test.csv`): the explanation-augmented
/// predictor against the truth and the network, mistake flags from the misclassified-group
/// backbones (and, for comparison, flags where the predictor disagrees with the network), and
/// the authors' predictor as their code computes it (paper-repro/README.md, "Definitions").
public struct UsesStage: Sendable {
    public var testRows: Int
    public var networkCorrect: Int
    public var backboneClasses: [Int]
    public var misclassifiedBackboneClasses: [Int]
    public var predictorAgreesWithTruth: Int
    public var predictorAgreesWithNetwork: Int
    public var predictorTies: Int
    public var mistakeFlags: FlagOutcome
    public var disagreementFlags: FlagOutcome
    public var authorsAgreeWithTruth: Int
    public var authorsAgreeWithNetwork: Int
    public var authorsAccuracyAsTheirCodeComputesIt: Double

    init(data: FoldData, heuristic: HeuristicStage) {
        let test = data.test
        let truth = test.trueLabels
        let network = test.predictedLabels!
        let n = data.layout.neuronCount
        let active: [[Bool]] = (0..<test.rowCount).map { r in
            var flags = [Bool](repeating: false, count: n)
            for i in data.testTransactions.database.items(ofTransaction: r) { flags[i] = true }
            return flags
        }
        let correct = heuristic.correct
        let predictor = BackbonePredictor(backbones: correct)
        let predictions = active.map { predictor.predict(active: $0) }
        testRows = test.rowCount
        networkCorrect = zip(network, truth).filter { $0 == $1 }.count
        backboneClasses = correct.map(\.label)
        misclassifiedBackboneClasses = heuristic.misclassified.filter { !$0.neurons.isEmpty }.map(\.label)
        predictorAgreesWithTruth = zip(predictions, truth).filter { $0.label == $1 }.count
        predictorAgreesWithNetwork = zip(predictions, network).filter { $0.label == $1 }.count
        predictorTies = predictions.filter(\.tied).count

        let flagger = MistakeFlags(correct: predictor, misclassified: BackbonePredictor(backbones: heuristic.misclassified))
        let flags = zip(active, network).map { flagger.flag(active: $0, networkPrediction: $1) }
        mistakeFlags = FlagOutcome(truth: truth, network: network, suggestions: flags.map(\.suggested))
        disagreementFlags = FlagOutcome(truth: truth, network: network,
                                        suggestions: zip(predictions, network).map { $0.label != nil && $0.label != $1 ? $0.label : nil })

        // The authors' predictor (global top-k of activations · weights², their tie rule).
        let theirs = AuthorsPredictor(backbones: correct, k: data.k, weightPower: 2)
        let theirPredictions = (0..<test.rowCount).map { theirs.predict(activations: Array(test.row($0)), neuronWeights: data.weights.values) }
        authorsAgreeWithTruth = zip(theirPredictions, truth).filter { $0 == $1 }.count
        authorsAgreeWithNetwork = zip(theirPredictions, network).filter { $0 == $1 }.count
        authorsAccuracyAsTheirCodeComputesIt = AuthorsPredictor.accuracyAsTheirCodeComputesIt(truth: truth, network: network,
                                                                                               predicted: theirPredictions)
    }
}
