import FileSupport
import Mining

/// A fully connected network read from a `.npz` of its weight matrices: `W0…Wk`, `b0…bk`,
/// scikit-learn's `coefs_` / `intercepts_` layout (`W_l` is inputs × outputs of layer `l`).
/// Hidden layers are the outputs of `W0…W(k-1)`; `Wk` feeds the output layer.
public struct DenseNetwork: Sendable, Equatable {
    public struct Layer: Sendable, Equatable {
        public let inputCount: Int
        public let outputCount: Int
        /// Row-major `inputCount × outputCount`: `weights[i * outputCount + j]` is `W[i][j]`.
        public let weights: [Double]
        /// `outputCount` biases, when the archive has `b_l`.
        public let bias: [Double]?

        public init(inputCount: Int, outputCount: Int, weights: [Double], bias: [Double]?) {
            precondition(weights.count == inputCount * outputCount, "weight count does not match the layer shape")
            precondition(bias.map { $0.count == outputCount } ?? true, "bias count does not match the layer width")
            self.inputCount = inputCount
            self.outputCount = outputCount
            self.weights = weights
            self.bias = bias
        }

        public subscript(i: Int, j: Int) -> Double { weights[i * outputCount + j] }
    }

    /// Weight layers in order (`W0` first).
    public let layers: [Layer]

    public init(layers: [Layer]) {
        precondition(!layers.isEmpty, "a network needs at least one weight layer")
        for (a, b) in zip(layers, layers.dropFirst()) {
            precondition(a.outputCount == b.inputCount, "consecutive layer shapes do not chain")
        }
        self.layers = layers
    }

    /// Widths of the hidden layers (outputs of every weight layer but the last).
    public var hiddenWidths: [Int] { layers.dropLast().map(\.outputCount) }

    /// The hidden layers as a layout (throws when the network has no hidden layer).
    public func layout(file: String? = nil) throws -> LayerLayout {
        guard layers.count >= 2 else {
            throw InputError(file: file, "the network has a single weight matrix (W0) and so no hidden layer")
        }
        return try LayerLayout(widths: hiddenWidths)
    }

    /// The authors' neuron weights: hidden neuron `i` of hidden layer `l` (1-based) gets the sum
    /// of the absolute weights leaving it, `Σ_j |W_l[i][j]|` — the row sums of `|W1|…|Wk|`,
    /// concatenated in layer order.
    public func neuronWeights() -> NeuronWeights {
        var values: [Double] = []
        for layer in layers.dropFirst() {
            for i in 0..<layer.inputCount {
                var sum = 0.0
                for j in 0..<layer.outputCount { sum += abs(layer.weights[i * layer.outputCount + j]) }
                values.append(sum)
            }
        }
        return NeuronWeights(values: values)
    }

    public static func read(path: String) throws -> DenseNetwork {
        try DenseNetwork(archive: ZipArchive.read(path: path))
    }

    /// Reads `W0, W1, …` (consecutive, 2-D float) and the matching `b0, b1, …` (1-D, optional).
    public init(archive: ZipArchive) throws {
        var layers: [Layer] = []
        while let w = try NpzFormat.array("W\(layers.count)", in: archive) {
            let l = layers.count
            let file = "\(archive.file)[W\(l).npy]"
            guard w.shape.count == 2, w.dtype.isFloatingPoint else {
                throw InputError(file: file, "W\(l) has shape \(w.shapeText) and dtype \(w.dtype.descr): expected a 2-D float matrix (inputs × outputs)")
            }
            try w.checkFinite(file: file)
            if let previous = layers.last, previous.outputCount != w.shape[0] {
                throw InputError(file: file, "W\(l) has \(w.shape[0]) rows but W\(l - 1) has \(previous.outputCount) columns: the layers do not chain")
            }
            var bias: [Double]? = nil
            if let b = try NpzFormat.array("b\(l)", in: archive) {
                let bfile = "\(archive.file)[b\(l).npy]"
                guard b.count == w.shape[1], b.shape.count == 1 || (b.shape.count == 2 && b.shape[0] == 1) else {
                    throw InputError(file: bfile, "b\(l) has shape \(b.shapeText) but W\(l) has \(w.shape[1]) columns")
                }
                try b.checkFinite(file: bfile)
                bias = b.values
            }
            layers.append(Layer(inputCount: w.shape[0], outputCount: w.shape[1], weights: w.values, bias: bias))
        }
        guard !layers.isEmpty else {
            throw InputError(file: archive.file, "no weight matrix 'W0' in the archive (it holds \(NpzFormat.keys(of: archive))): expected W0…Wk and b0…bk")
        }
        self.init(layers: layers)
    }
}
