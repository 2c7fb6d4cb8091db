import BackboneData
import FileSupport
import Foundation
import Mining

/// One cross-validation fold exported by paper-repro/train_folds.py: `train.csv` and `test.csv`
/// (label and predicted columns, then the hidden activations), `network.npz` and `weights.csv`,
/// read and checked against each other, and binarized the authors' way.
public struct FoldData: Sendable {
    public var folder: String
    public var train: ActivationMatrix
    public var test: ActivationMatrix
    public var layout: LayerLayout
    public var weights: NeuronWeights
    /// Largest difference between `weights.csv` and the weights recomputed from the network.
    public var weightsVsNetwork: Double
    public var k: Int
    public var trainTransactions: Binarizer.Result
    public var testTransactions: Binarizer.Result

    public init(folder: String, k: Int) throws {
        let dir = URL(fileURLWithPath: folder)
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let columns = CSVFormat.Columns(label: "label", prediction: "predicted")
        let train = try CSVFormat.read(path: path("train.csv"), columns: columns)
        let test = try CSVFormat.read(path: path("test.csv"), columns: columns)
        let network = try DenseNetwork.read(path: path("network.npz"))
        let layout = try network.layout(file: path("network.npz"))
        try layout.checkInput(columnCount: train.columnCount, file: path("train.csv"))
        try layout.checkInput(columnCount: test.columnCount, file: path("test.csv"))
        let weights = try NeuronWeights.read(path: path("weights.csv"))
        try weights.check(neuronCount: layout.neuronCount, file: path("weights.csv"))
        guard test.predictedLabels != nil, train.predictedLabels != nil else {
            throw InputError(file: path("train.csv"), "the fold's CSVs need a 'predicted' column")
        }
        let rule = BinarizationRule.reference(k: k)
        self.folder = folder
        self.train = train
        self.test = test
        self.layout = layout
        self.weights = weights
        weightsVsNetwork = zip(weights.values, network.neuronWeights().values).map { abs($0 - $1) }.max() ?? 0
        self.k = k
        trainTransactions = try Binarizer.binarize(train, layout: layout, weights: weights, rule: rule)
        testTransactions = try Binarizer.binarize(test, layout: layout, weights: weights, rule: rule)
    }
}
