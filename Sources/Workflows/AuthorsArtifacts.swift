import BackboneData
import FileSupport
import Foundation

/// `backbones artifacts`: checks on the authors' published files (REFERENCE.md) — their
/// explanation files parse and are written back byte for byte, their LFW weights equal the
/// weights recomputed from their networks, their Bird ILP solutions have the structure the
/// reference model predicts. The rewritten explanation files go to `output/explanations/`.
public struct AuthorsArtifacts: Sendable {
    public struct ExplanationFile: Sendable {
        public var file: String
        public var classes: Int
        public var correctSizes: [Int]
        public var misclassifiedSizes: [Int]
        public var confusionBackbones: Int
        public var weightsInUnitInterval: Bool
        public var rewrittenParsesEqual: Bool
        public var rewrittenByteIdentical: Bool
    }

    public struct WeightCheck: Sendable {
        public var network: String
        public var weights: String
        public var hiddenLayers: [Int]
        public var neurons: Int
        public var theirCount: Int
        public var maxAbsDiff: Double
    }

    public struct BirdFold: Sendable {
        public var sizes: (Int, Int)
        public var overlap: Int
        public var union: Int
        public var unionIsAll288: Bool
        public var sorted: Bool
    }

    public var reference: String
    public var explanations: [(set: String, files: [ExplanationFile])]
    public var weights: [WeightCheck]
    public var birdFolds: [BirdFold]

    public init(reference: String, rewritingTo output: String) throws {
        self.reference = reference
        let root = URL(fileURLWithPath: reference)
        explanations = []
        for set in ["bird", "lfw"] {
            let dir = root.appendingPathComponent(set)
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
                .filter { $0.hasPrefix("explanation") && $0.hasSuffix(".txt") }
                .sorted { Int($0.filter(\.isNumber)) ?? 0 < Int($1.filter(\.isNumber)) ?? 0 }
            guard !names.isEmpty else { throw InputError(file: dir.path, "no explanationK.txt files") }
            let target = URL(fileURLWithPath: output).appendingPathComponent("explanations").appendingPathComponent(set)
            try TextFile.createFolder(target.path)
            explanations.append((set, try names.map { name in
                let path = dir.appendingPathComponent(name).path
                let original = try TextFile.read(path)
                let e = try Explanation.parse(original, file: path)
                let rewritten = e.text
                try TextFile.writeAtomically(rewritten, to: target.appendingPathComponent(name).path)
                return ExplanationFile(
                    file: "\(set)/\(name)", classes: e.correct.count, correctSizes: e.correct.map(\.neurons.count),
                    misclassifiedSizes: e.misclassified.map(\.neurons.count),
                    confusionBackbones: e.confusion.reduce(0) { $0 + $1.byTrueClass.count },
                    weightsInUnitInterval: (e.correct + e.misclassified).allSatisfy { $0.neurons.allSatisfy { $0.weight > 0 && $0.weight <= 1 } },
                    rewrittenParsesEqual: (try? Explanation.parse(rewritten)) == e, rewrittenByteIdentical: rewritten == original)
            }))
        }
        weights = []
        let lfw = root.appendingPathComponent("lfw")
        for k in 1...5 {
            let npz = lfw.appendingPathComponent("recognizer\(k).npz").path, csv = lfw.appendingPathComponent("weights\(k).csv").path
            guard FileManager.default.fileExists(atPath: npz), FileManager.default.fileExists(atPath: csv) else { continue }
            let network = try DenseNetwork.read(path: npz)
            let ours = network.neuronWeights().values
            let theirs = try NeuronWeights.read(path: csv).values
            weights.append(WeightCheck(network: "lfw/recognizer\(k).npz", weights: "lfw/weights\(k).csv", hiddenLayers: network.hiddenWidths,
                                       neurons: ours.count, theirCount: theirs.count,
                                       maxAbsDiff: ours.count == theirs.count ? zip(ours, theirs).map { abs($0 - $1) }.max() ?? 0 : .infinity))
        }
        let birdPath = root.appendingPathComponent("bird/Bird_ILP_Solutions.txt").path
        birdFolds = []
        for (number, line) in try TextFile.read(birdPath).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let lists = line.split(separator: "]").map { $0.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) } }.filter { !$0.isEmpty }
            guard lists.count == 2 else { throw InputError(file: birdPath, line: number + 1, "expected two neuron lists, found \(lists.count)") }
            let a = Set(lists[0]), b = Set(lists[1])
            birdFolds.append(BirdFold(sizes: (a.count, b.count), overlap: a.intersection(b).count, union: a.union(b).count,
                                      unionIsAll288: a.union(b) == Set(0..<288), sorted: lists.allSatisfy { $0 == $0.sorted() }))
        }
    }
}
