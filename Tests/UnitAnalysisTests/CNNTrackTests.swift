import BackboneData
import Foundation
import TestSupport
import Testing
@testable import UnitAnalysis

/// The CNN track's committed exports (paper-repro/cnn/export/, made by cnn_track.py with JAX and
/// Keras; no Python here): the dense head after global average pooling reproduces what the
/// script recorded, the Grad-CAM patch scores make the authors' transactions, and rules and
/// ablation on them give the committed results (paper-repro/cnn/results/).
@Suite struct CNNTrackTests {
    static let root = TestPaths.packageRoot.appendingPathComponent("paper-repro/cnn")
    static let export = root.appendingPathComponent("export").path
    static let results = root.appendingPathComponent("results").path

    static func json(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    static func network() throws -> UnitNetwork { try UnitNetwork.read(path: export + "/network.npz") }

    static func rows(_ name: String) throws -> NetworkRows {
        let path = export + "/" + name
        return try NetworkRows(NpzFormat.read(path: path), network: network(), file: path)
    }

    @Test func theHeadIsTheGAPFeaturesThroughIdentityThenTheDenseLayer() throws {
        let net = try Self.network()
        #expect(net.layout.widths == [32] && net.inputWidth == 32 && net.activation == .relu)
        #expect(net.classes == Array(0 ..< 10) && !net.binaryOutput)
        let w0 = net.network.layers[0]
        for i in 0 ..< 32 { for j in 0 ..< 32 { #expect(w0[i, j] == (i == j ? 1 : 0)) } }
        #expect(w0.bias!.allSatisfy { $0 == 0 })
        #expect(net.network.layers[1].inputCount == 32 && net.network.layers[1].outputCount == 10)
    }

    @Test func theHeadReproducesTheRecordedPredictionsAndAccuracy() throws {
        let meta = try Self.json(Self.export + "/cnn.json")
        let accuracy = try #require(meta["accuracy"] as? [String: Any])
        for (file, key, count, correct) in [("test.npz", "head_test", 1000, 951), ("train.npz", "head_train", 4000, 3871)] {
            // NetworkRows checks every row's `predictions` entry against the network's argmax.
            let rows = try Self.rows(file)
            #expect(rows.rowCount == count && rows.start == .hiddenLayer(0))
            // GAP features of relu channels: non-negative, so relu(I·g) = g.
            #expect(rows.values.allSatisfy { $0 >= 0 })
            let intact = Ablation(network: try Self.network(), rows: rows).outcome(ablating: [], on: Array(0 ..< count))
            #expect(intact.correct == correct)
            #expect(intact.accuracy == accuracy[key] as? Double)
        }
        #expect(meta["head_test_correct"] as? Int == 951)
        // Keras's own predictions agree with the exported head's on every image.
        let disagreements = try #require(accuracy["head_vs_keras_prediction_disagreements"] as? [String: Int])
        #expect(disagreements == ["train": 0, "test": 0])
        // Per class, the held-out images the head gets right.
        let perClass = try #require(meta["per_class"] as? [String: [String: Int]])
        let test = try Self.rows("test.npz")
        let ablation = Ablation(network: try Self.network(), rows: test)
        for c in 0 ..< 10 {
            #expect(ablation.outcome(ablating: [], on: ablation.rows(ofClass: c)).correct == perClass[String(c)]?["test_correct"])
        }
    }

    @Test func patchScoresMakeTheAuthorsTransactions() throws {
        let meta = try Self.json(Self.export + "/cnn.json")
        let patches = try #require(meta["patches"] as? [String: Any])
        let scores = try UnitScores.read(path: Self.export + "/patches_train.csv")
        #expect(scores.unitCount == 32)
        #expect(scores.scores.count == patches["transactions"] as? Int)
        // Every training image has 1 to 10 patches, in instance order, labelled with its true class.
        let train = try NpzFormat.read(path: Self.export + "/train.npz")
        #expect(Set(scores.instances) == Set(0 ..< 4000))
        #expect(zip(scores.instances, scores.instances.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(zip(scores.instances, scores.labels).allSatisfy { train.trueLabels[$0] == $1 })
        #expect(scores.scores.allSatisfy { $0.allSatisfy { $0 >= 0 } })
        var perInstance = [Int: Int]()
        for i in scores.instances { perInstance[i, default: 0] += 1 }
        #expect(perInstance.values.allSatisfy { (1 ... 10).contains($0) })
        let byCount = try #require(patches["instances_by_patch_count"] as? [String: Int])
        for (count, instances) in byCount { #expect(perInstance.values.filter { String($0) == count }.count == instances) }
        let transactions = try TopUnits(k: 5, scope: .network).transactions(scores: scores.scores, labels: scores.labels,
                                                                              instances: scores.instances, layout: .single(32))
        #expect(transactions.rows.count == scores.scores.count)
        #expect(transactions.rows.allSatisfy { (1 ... 5).contains($0.units.count) })
    }

    /// The rules on the patch transactions and their ablation equal the committed
    /// `backbones units` run (results/patches/units.json).
    @Test func rulesAndAblationGiveTheCommittedResults() throws {
        let committed = try Self.json(Self.results + "/patches/units.json")
        let scores = try UnitScores.read(path: Self.export + "/patches_train.csv")
        let transactions = try TopUnits(k: 5, scope: .network).transactions(scores: scores.scores, labels: scores.labels,
                                                                              instances: scores.instances, layout: .single(32))
        let units = try ClassRuleMiner().run(transactions)
        let classes = try #require(committed["classes"] as? [[String: Any]])
        #expect(units.perClass.map(\.label) == Array(0 ..< 10))
        for (mine, theirs) in zip(units.perClass, classes) {
            #expect(mine.units == theirs["units"] as? [Int], "class \(mine.label)")
            #expect(mine.transactions == theirs["transactions"] as? Int)
            #expect(!mine.units.isEmpty)
        }
        let ablation = Ablation(network: try Self.network(), rows: try Self.rows("test.npz"))
        let committedAblation = try #require((committed["ablation"] as? [String: Any])?["classes"] as? [[String: Any]])
        for (set, record) in zip(units.perClass, committedAblation) {
            let method = try #require((record["methods"] as? [[String: Any]])?.first)
            let own = ablation.rows(ofClass: set.label)
            let outcome = ablation.outcome(ablating: set.units, on: own)
            #expect(outcome.accuracy == method["accuracy"] as? Double, "class \(set.label)")
            #expect(abs(outcome.probabilityDrop - (method["probability_drop"] as? Double ?? .nan)) < 1e-12)
            // The rule set hurts its class more than its size-matched random twins on average
            // (200 draws, whatever stream they come from: within 4 standard errors of the committed
            // mean of 1,000).
            let random = try #require(method["random"] as? [String: Any])
            let n = 200
            let draws = ablation.outcomes(ablating: ablation.randomSets(like: set.units, draws: n, seed: 1, stream: UInt64(set.label) << 8),
                                          on: own).map(\.accuracy)
            let spread = Ablation.Spread(draws)
            let mean = try #require(random["accuracy_mean"] as? Double), sd = try #require(random["accuracy_sd"] as? Double)
            #expect(abs(spread.mean - mean) <= 4 * sd / Double(n).squareRoot(), "class \(set.label)")
            #expect(outcome.accuracy < spread.mean)
        }
    }

    /// The sets analyze.py ablated with numpy (VEBI-style sets from Python's non-negative lasso,
    /// results/vebi.json, and each class's top rule alone) give numpy's correct counts in Swift.
    @Test func setsAblatedInNumpyAblateTheSameInSwift() throws {
        let comparison = try Self.json(Self.results + "/comparison.json")
        let methods = try #require(comparison["methods"] as? [String: [String: [String: Any]]])
        let ablation = Ablation(network: try Self.network(), rows: try Self.rows("test.npz"))
        var checked = 0
        for (name, perClass) in methods {
            for (label, record) in perClass where record["source"] as? String == "numpy" {
                let units = try #require(record["units"] as? [Int])
                let c = try #require(Int(label))
                let outcome = ablation.outcome(ablating: units, on: ablation.rows(ofClass: c))
                #expect(outcome.correct == record["correct"] as? Int, "\(name), class \(c)")
                #expect(abs(outcome.probabilityDrop - (record["probability_drop"] as? Double ?? .nan)) < 1e-9)
                checked += 1
            }
        }
        // VEBI at their setting, at the rule sets' sizes (k = 5, 3, 10) and the top rule's; the top rule
        #expect(checked == 60)
        let vebi = try Self.json(Self.results + "/vebi.json")
        let sets = try #require((vebi["their_setting"] as? [String: Any])?["sets"] as? [String: [Int]])
        #expect(sets.count == 10 && sets.values.allSatisfy { !$0.isEmpty && $0.allSatisfy { (0 ..< 32).contains($0) } })
    }
}
