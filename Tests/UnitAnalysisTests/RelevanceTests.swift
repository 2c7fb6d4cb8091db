import BackboneData
import FileSupport
import Foundation
import TestSupport
import Testing
@testable import UnitAnalysis

/// Forward pass, gradient and relevance (gradient × activation) against hand-derived values,
/// central finite differences, and the exact decomposition of a linear network's logit.
@Suite struct RelevanceTests {
    @Test func handNetworkForwardGradientAndRelevance() throws {
        let net = try UnitFixtures.handNetwork(.identity)
        // x = (1, 1): h = x·W0 + b0 = (4.5, 5); z = h·W1 + b1 = (4.5 + 10 − 0.25, −4.5) = (14.25, −4.5).
        let pass = net.evaluate([1.0, 1.0])
        #expect(pass.hidden == [4.5, 5])
        #expect(pass.logits == [14.25, -4.5])
        #expect(pass.predicted == 0)
        #expect(abs(pass.probabilities[0] - 1 / (1 + exp(-18.75))) < 1e-15)
        #expect(net.gradient(pass, output: 0) == [1, 2])   // column 0 of W1
        #expect(net.relevance(pass, output: 0) == [4.5, 10])  // 4.5 + 10 + b1[0] = 14.25, the logit
        #expect(net.relevance(pass, output: 1) == [-4.5, 0])
        // Ablating unit 1: z = (4.5 − 0.25, −4.5), and unit 1 passes no gradient.
        let ablated = net.evaluate([1.0, 1.0], ablated: [false, true])
        #expect(ablated.hidden == [4.5, 0] && ablated.logits == [4.25, -4.5])
        #expect(net.gradient(ablated, output: 0, ablated: [false, true]) == [1, 0])

        // relu: x = (−1, 1) gives h = (2.5, 1); x = (1, −2) gives pre-activations (−4.5, −7), so h = 0.
        let relu = try UnitFixtures.handNetwork(.relu)
        #expect(relu.evaluate([-1.0, 1.0]).hidden == [2.5, 1])
        let dead = relu.evaluate([1.0, -2.0])
        #expect(dead.hidden == [0, 0] && dead.logits == [-0.25, 0] && dead.predicted == 1)
        #expect(relu.relevance(dead, output: 1) == [0, 0])
    }

    @Test func gradientMatchesCentralFiniteDifferencesOnDigits() throws {
        let net = try UnitFixtures.digitsNetwork()
        let rows = try UnitFixtures.digitsRows("test.csv")
        var checked = 0
        for r in stride(from: 0, to: rows.rowCount, by: 23) {
            let pass = net.evaluate(rows.row(r), from: rows.start)
            let g = net.gradient(pass, output: pass.predicted)
            try expectFiniteDifferences(net, pass, output: pass.predicted, gradient: g)
            checked += 1
        }
        #expect(checked == 20)
    }

    @Test(arguments: UnitNetwork.Activation.allCases)
    func gradientMatchesFiniteDifferencesForEveryActivation(_ activation: UnitNetwork.Activation) throws {
        for (seed, widths) in [(1, [5, 4, 3, 3]), (2, [3, 6, 2, 4]), (3, [4, 3, 5, 1])] as [(UInt64, [Int])] {
            let net = try UnitFixtures.randomNetwork(widths, activation: activation, seed: seed)
            var g = SplitMix(seed: seed + 100)
            for _ in 0 ..< 5 {
                let x = (0 ..< widths[0]).map { _ in Double.random(in: -2 ..< 2, using: &g) }
                let pass = net.evaluate(x)
                for output in 0 ..< net.classCount {
                    try expectFiniteDifferences(net, pass, output: output, gradient: net.gradient(pass, output: output))
                }
            }
        }
    }

    /// Each unit's output moved by ±ε, the later layers recomputed from its layer.
    func expectFiniteDifferences(_ net: UnitNetwork, _ pass: UnitNetwork.Pass, output: Int, gradient: [Double]) throws {
        let eps = 1e-6
        for l in 0 ..< net.layout.layerCount {
            let range = net.layout.range(ofLayer: l)
            for u in range {
                var up = Array(pass.hidden[range]), down = up
                up[u - range.lowerBound] += eps
                down[u - range.lowerBound] -= eps
                let numeric = (net.evaluate(up, from: .hiddenLayer(l)).logits[output]
                    - net.evaluate(down, from: .hiddenLayer(l)).logits[output]) / (2 * eps)
                #expect(abs(numeric - gradient[u]) <= 1e-6 * max(1, abs(numeric)), "unit \(u): numeric \(numeric), analytic \(gradient[u])")
            }
        }
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "needs ../shared/reference")) func identityNetworksDecomposeTheLogitExactlyInEveryLayer() throws {
        // The authors' LFW recognizer (128 → 80-60-40-30-20 → 12, identity hidden layers) on seeded inputs:
        // z_j = Σ_{u in layer l} h_u ∂z_j/∂h_u + z_j(h_l = 0) for every layer; for the last, z_j(0) = b_out[j].
        let net = try UnitNetwork.read(path: TestPaths.reference("lfw/recognizer1.npz"))
        #expect(net.activation == .identity && net.classes == Array(0 ..< 12) && net.layout.widths == [80, 60, 40, 30, 20])
        var g = SplitMix(seed: 7)
        for _ in 0 ..< 5 {
            let x = (0 ..< net.inputWidth).map { _ in Double.random(in: -1 ..< 1, using: &g) }
            let pass = net.evaluate(x)
            for j in [pass.predicted, (pass.predicted + 5) % 12] {
                let r = net.relevance(pass, output: j)
                for l in 0 ..< net.layout.layerCount {
                    let zeros = [Double](repeating: 0, count: net.layout.widths[l])
                    let rest = net.evaluate(zeros, from: .hiddenLayer(l)).logits[j]
                    let sum = net.layout.range(ofLayer: l).reduce(0) { $0 + r[$1] } + rest
                    #expect(abs(sum - pass.logits[j]) <= 1e-9 * max(1, abs(pass.logits[j])), "layer \(l + 1): \(sum) vs \(pass.logits[j])")
                }
                #expect(net.evaluate([Double](repeating: 0, count: 20), from: .hiddenLayer(4)).logits[j] == net.network.layers[5].bias![j])
            }
        }
    }

    @Test func binaryOutputIsTwoHalfLogits() throws {
        let net = try UnitFixtures.randomNetwork([3, 4, 1], activation: .relu, seed: 5)
        #expect(net.binaryOutput && net.classes == [0, 1])
        let pass = net.evaluate([0.3, -0.2, 0.9])
        let z = pass.logits[1] * 2
        #expect(pass.logits[0] == -pass.logits[1])
        #expect(abs(pass.probabilities[1] - 1 / (1 + exp(-z))) < 1e-15)
        let g1 = net.gradient(pass, output: 1), g0 = net.gradient(pass, output: 0)
        #expect(zip(g0, g1).allSatisfy { $0 == -$1 })
    }

    @Test func networkArchiveReadsActivationAndClasses() throws {
        let net = try UnitFixtures.digitsNetwork()
        #expect(net.activation == .relu && net.classes == Array(0 ..< 10) && net.layout.widths == [64, 32, 16] && net.inputWidth == 64)
        // NumPy string scalars: '<U4' (UTF-32) and '|S8' (bytes), NUL-padded.
        let header = "{'descr': '|S8', 'fortran_order': False, 'shape': (), }"
        let padded = header + String(repeating: " ", count: 63 - header.count) + "\n"
        var bytes: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(padded.utf8.count), 0] + Array(padded.utf8)
        bytes += Array("tanh".utf8) + [0, 0, 0, 0]
        #expect(try NpyText.scalar(bytes, file: "x.npy") == "tanh")
        #expect(throws: InputError.self) { try NpyText.scalar(Array(bytes.dropLast(2)), file: "x.npy") }
    }

    @Test func digitsRowsAreCheckedAgainstTheNetwork() throws {
        let rows = try UnitFixtures.digitsRows()
        #expect(rows.columns == .hiddenActivations && rows.width == 64 && rows.rowCount == 1347)
        // The relevances of a row: the predicted class's logit minus its bias is what the last layer explains.
        let net = try UnitFixtures.digitsNetwork()
        let (scores, predicted) = rows.relevances(net)
        let pass = net.evaluate(rows.row(0), from: rows.start)
        let last = net.layout.range(ofLayer: 2).reduce(0) { $0 + scores[0][$1] }
        #expect(abs(last + net.network.layers[3].bias![predicted[0]] - pass.logits[predicted[0]]) < 1e-12)
    }
}
