import BackboneData
import Foundation
import TestSupport
@testable import UnitAnalysis

/// Small networks and files for the unit-analysis tests.
enum UnitFixtures {
    static let digits = TestPaths.packageRoot.appendingPathComponent("data/digits").path

    static func digitsNetwork() throws -> UnitNetwork { try UnitNetwork.read(path: digits + "/network.npz") }

    static func digitsRows(_ file: String = "train.csv") throws -> NetworkRows {
        let path = digits + "/" + file
        return try NetworkRows(CSVFormat.read(path: path, columns: .init(prediction: "predicted")), network: digitsNetwork(), file: path)
    }

    /// `inputs → widths… → outputs`, weights and biases uniform in [-1, 1) from `seed`.
    static func randomNetwork(_ widths: [Int], activation: UnitNetwork.Activation, seed: UInt64) throws -> UnitNetwork {
        var g = SplitMix(seed: seed)
        let layers = zip(widths, widths.dropFirst()).map { (m, n) in
            DenseNetwork.Layer(inputCount: m, outputCount: n, weights: (0 ..< m * n).map { _ in Double.random(in: -1 ..< 1, using: &g) },
                               bias: (0 ..< n).map { _ in Double.random(in: -1 ..< 1, using: &g) })
        }
        return try UnitNetwork(network: DenseNetwork(layers: layers), activation: activation,
                               classes: widths.last == 1 ? [0, 1] : nil)
    }

    /// The hand-derived network of the tests: 2 inputs → 2 hidden units → 2 outputs,
    /// `W0 = [[1, 2], [3, 4]]`, `b0 = [0.5, −1]`, `W1 = [[1, −1], [2, 0]]`, `b1 = [−0.25, 0]`.
    static func handNetwork(_ activation: UnitNetwork.Activation) throws -> UnitNetwork {
        try UnitNetwork(network: DenseNetwork(layers: [
            .init(inputCount: 2, outputCount: 2, weights: [1, 2, 3, 4], bias: [0.5, -1]),
            .init(inputCount: 2, outputCount: 2, weights: [1, -1, 2, 0], bias: [-0.25, 0]),
        ]), activation: activation)
    }

    /// Writes `text` to a fresh temporary file named `name`.
    static func file(_ name: String, _ text: String) -> String {
        let url = TestPaths.temporaryDirectory().appendingPathComponent(name)
        try! text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
