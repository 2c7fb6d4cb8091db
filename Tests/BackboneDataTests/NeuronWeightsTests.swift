import BackboneData
import FileSupport
import Foundation
import Mining
import Testing

@Suite struct NeuronWeightsTests {
    @Test(.enabled(if: Fixtures.referenceAvailable, "shared/reference is missing: cannot check the authors' LFW weights"),
          arguments: 1...5)
    func lfwWeightsEqualAbsoluteOutgoingSums(network k: Int) throws {
        let network = try DenseNetwork.read(path: Fixtures.reference("lfw/recognizer\(k).npz"))
        #expect(network.layers.map(\.inputCount) == [128, 80, 60, 40, 30, 20])
        #expect(network.hiddenWidths == [80, 60, 40, 30, 20])
        #expect(network.layers.allSatisfy { $0.bias?.count == $0.outputCount })
        let computed = network.neuronWeights()
        let published = try NeuronWeights.read(path: Fixtures.reference("lfw/weights\(k).csv"))
        #expect(computed.count == 230)
        try published.check(neuronCount: 230)
        let worst = zip(computed.values, published.values).map { abs($0 - $1) }.max()!
        #expect(worst <= 1e-12, "network \(k): largest difference \(worst)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Fixtures.packageRoot.path + "/data/digits/network.npz"),
                   "data/digits is missing"))
    func digitsWeightsFileMatchesItsNetwork() throws {
        let root = Fixtures.packageRoot.path + "/data/digits/"
        let network = try DenseNetwork.read(path: root + "network.npz")
        #expect(network.hiddenWidths == [64, 32, 16])
        let published = try NeuronWeights.read(path: root + "weights.csv")
        let worst = zip(network.neuronWeights().values, published.values).map { abs($0 - $1) }.max()!
        #expect(published.count == 112 && worst <= 1e-12)
    }

    @Test func handComputedWeights() throws {
        // 2 inputs → 3 hidden → 2 hidden → 1 output. Hidden-1 neuron i gets Σ_j |W1[i][j]|,
        // hidden-2 neuron i gets |W2[i][0]|.
        var w = NpzWriter()
        w.add("W0", [1, 2, 3, 4, 5, 6], shape: [2, 3])
        w.add("b0", [0, 0, 0], shape: [3])
        w.add("W1", [1, -2, -0.5, 0.25, 3, 0], shape: [3, 2])
        w.add("W2", [-7, 0.125], shape: [2, 1])
        let network = try DenseNetwork(archive: ZipArchive(data: w.data(), file: "n.npz"))
        #expect(network.hiddenWidths == [3, 2])
        #expect(network.layers[1][2, 0] == 3)
        #expect(network.layers[0].bias == [0, 0, 0] && network.layers[1].bias == nil)
        #expect(network.neuronWeights().values == [3, 0.75, 3, 7, 0.125])
        #expect(try network.layout().widths == [3, 2])
    }

    @Test func networkShapeErrors() throws {
        var w = NpzWriter()
        w.add("W0", [1, 2, 3, 4, 5, 6], shape: [2, 3])
        w.add("W1", [1, 2], shape: [2, 1])
        expectInputError(line: nil, column: nil, "W1 has 2 rows but W0 has 3 columns") {
            _ = try DenseNetwork(archive: ZipArchive(data: w.data(), file: "n.npz"))
        }
        var b = NpzWriter()
        b.add("W0", [1, 2], shape: [1, 2])
        b.add("b0", [1, 2, 3], shape: [3])
        expectInputError(line: nil, column: nil, "b0 has shape (3,) but W0 has 2 columns") {
            _ = try DenseNetwork(archive: ZipArchive(data: b.data(), file: "n.npz"))
        }
        var none = NpzWriter()
        none.add("coefs", [1], shape: [1, 1])
        expectInputError(line: nil, column: nil, "no weight matrix 'W0'", "'coefs'") {
            _ = try DenseNetwork(archive: ZipArchive(data: none.data(), file: "n.npz"))
        }
        var single = NpzWriter()
        single.add("W0", [1], shape: [1, 1])
        expectInputError(line: nil, column: nil, "no hidden layer") {
            _ = try DenseNetwork(archive: ZipArchive(data: single.data(), file: "n.npz")).layout()
        }
    }

    @Test func weightFiles() throws {
        #expect(try NeuronWeights.parse(Data("1.5,2,3e-1\n".utf8), file: "w.csv").values == [1.5, 2, 0.3])
        #expect(try NeuronWeights.parse(Data("\n1.5 2  4\n\n".utf8), file: "w.txt").values == [1.5, 2, 4])
        expectInputError(line: 2, column: nil, "second row") { _ = try NeuronWeights.parse(Data("1,2\n3,4\n".utf8), file: "w.csv") }
        expectInputError(line: 1, column: 2, "'x' is not a number") { _ = try NeuronWeights.parse(Data("1,x\n".utf8), file: "w.csv") }
        expectInputError(line: 1, column: 3, "not finite") { _ = try NeuronWeights.parse(Data("1,2,inf\n".utf8), file: "w.csv") }
        expectInputError(line: nil, column: nil, "empty") { _ = try NeuronWeights.parse(Data(), file: "w.csv") }
        expectInputError(line: nil, column: nil, "3 neuron weights", "5 neurons") {
            try NeuronWeights(values: [1, 2, 3]).check(neuronCount: 5)
        }
    }

    @Test func layerWidthsFromTheOption() throws {
        #expect(try LayerLayout.fromOption("64,32,16").widths == [64, 32, 16])
        let bad = expectInputError(line: nil, column: nil, "layer widths", "64,x") { _ = try LayerLayout.fromOption("64,x") }
        #expect(bad?.subject == .layers)
        expectInputError(line: nil, column: nil, "sum to 112", "100 columns") {
            try LayerLayout.fromOption("64,32,16").checkInput(columnCount: 100)
        }
    }
}
