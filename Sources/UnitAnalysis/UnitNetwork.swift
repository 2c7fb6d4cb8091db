import BackboneData
import FileSupport
import Foundation
import Mining

/// A dense classifier as scikit-learn's `MLPClassifier` computes it: hidden layers
/// `h_l = act(h_{l-1} W_l + b_l)` with one activation for every hidden layer (`identity`,
/// `relu`, `logistic`, `tanh`), then output logits `z = h_last W_out + b_out` and a softmax.
/// A binary classifier (one logistic output unit `z`) is read as the two logits `(−z/2, z/2)`,
/// whose softmax is `(1 − σ(z), σ(z))`, so both classes have a logit to explain.
///
/// Hidden units are numbered `0..<n` in layer order (`layout`), as everywhere in Backbones.
/// Gradients are with respect to each hidden unit's output (after its activation), and a unit
/// "ablated" is one whose output is replaced by 0.
public struct UnitNetwork: Sendable {
    public enum Activation: String, Sendable, CaseIterable {
        case identity, relu, logistic, tanh

        @inline(__always) func apply(_ a: Double) -> Double {
            switch self {
            case .identity: return a
            case .relu: return a > 0 ? a : 0
            case .logistic: return 1 / (1 + exp(-a))
            case .tanh: return Foundation.tanh(a)
            }
        }

        /// The derivative at the pre-activation, from the activation's output `h`
        /// (relu: 0 at 0, as scikit-learn's backward pass takes it).
        @inline(__always) func derivative(output h: Double) -> Double {
            switch self {
            case .identity: return 1
            case .relu: return h > 0 ? 1 : 0
            case .logistic: return h * (1 - h)
            case .tanh: return 1 - h * h
            }
        }
    }

    /// Where a forward pass starts: the network's inputs, or the outputs of hidden layer `l`
    /// (0-based; the units of earlier layers are then unknown).
    public enum Start: Sendable, Equatable {
        case inputs
        case hiddenLayer(Int)
    }

    public let network: DenseNetwork
    public let activation: Activation
    /// The class label of each output (scikit-learn's `classes_`).
    public let classes: [Int]
    /// One logistic output unit read as the two logits `(−z/2, z/2)`.
    public let binaryOutput: Bool
    /// The hidden layers.
    public let layout: LayerLayout

    public var inputWidth: Int { network.layers[0].inputCount }
    public var unitCount: Int { layout.neuronCount }
    public var classCount: Int { classes.count }

    /// Checks the output layer against the classes: `classes` (default `0..<outputs`, or
    /// `[0, 1]` for one output unit) must be distinct and one per output, or two for one output.
    public init(network: DenseNetwork, activation: Activation, classes: [Int]? = nil, file: String? = nil) throws {
        self.layout = try network.layout(file: file)
        let outputs = network.layers.last!.outputCount
        let classes = classes ?? (outputs == 1 ? [0, 1] : Array(0..<outputs))
        guard Set(classes).count == classes.count else {
            throw InputError(file: file, "the classes \(Self.list(classes)) repeat a label")
        }
        switch (outputs, classes.count) {
        case (1, 2): binaryOutput = true
        case let (o, c) where o == c && o >= 2: binaryOutput = false
        default:
            throw InputError(file: file, "the output layer has \(outputs) units but there are \(classes.count) classes (\(Self.list(classes))): expected one unit per class, or one unit for two classes")
        }
        self.network = network
        self.activation = activation
        self.classes = classes
    }

    /// Reads `W0…Wk`, `b0…bk` (`DenseNetwork`), and the optional scalars `activation`
    /// (default relu, scikit-learn's) and `out_activation` (softmax, or logistic for one output)
    /// and the integer vector `classes`.
    public static func read(path: String) throws -> UnitNetwork {
        let archive = try ZipArchive.read(path: path)
        let network = try DenseNetwork(archive: archive)
        var activation = Activation.relu
        if let text = try NpyText.scalar("activation", in: archive) {
            guard let a = Activation(rawValue: text) else {
                throw InputError(file: "\(path)[activation.npy]", "hidden activation '\(InputError.excerpt(text))' is not one of identity, relu, logistic, tanh")
            }
            activation = a
        }
        let outputs = network.layers.last!.outputCount
        if let out = try NpyText.scalar("out_activation", in: archive), out != (outputs == 1 ? "logistic" : "softmax") {
            throw InputError(file: "\(path)[out_activation.npy]", "output activation '\(InputError.excerpt(out))' with \(outputs) output units: expected \(outputs == 1 ? "logistic (a binary classifier)" : "softmax (a classifier)")")
        }
        let classes = try NpzFormat.array("classes", in: archive).map { try $0.integers(file: "\(path)[classes.npy]") }
        return try UnitNetwork(network: network, activation: activation, classes: classes, file: path)
    }

    /// The output index of class `label`, or nil.
    public func output(ofClass label: Int) -> Int? { classes.firstIndex(of: label) }

    /// Width of the values a pass starting at `start` takes.
    public func width(at start: Start) -> Int {
        switch start {
        case .inputs: return inputWidth
        case let .hiddenLayer(l): return layout.widths[l]
        }
    }

    static func list(_ values: [Int]) -> String {
        values.count <= 12 ? values.map(String.init).joined(separator: ", ")
            : values.prefix(10).map(String.init).joined(separator: ", ") + ", …, \(values.last!)"
    }
}
