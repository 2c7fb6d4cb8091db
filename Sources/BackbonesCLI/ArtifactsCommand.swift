import ArgumentParser
import BackboneData
import FileSupport
import Foundation

/// `backbones artifacts`: checks on the authors' published files (REFERENCE.md).
struct ArtifactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "artifacts",
        abstract: "Check the authors' published artifacts: explanation files, LFW weights, Bird ILP solutions.",
        discussion: """
        Reads --reference (the folder holding bird/ and lfw/): every explanationK.txt is parsed, \
        summarized (classes, backbone sizes per line) and written again in the same three-line \
        format into --output/explanations/<set>/ (and compared with the original, byte for byte \
        and after parsing); every lfw/recognizerK.npz gives the neuron weights Σ_j |W_l[i][j]|, \
        compared with lfw/weightsK.csv; bird/Bird_ILP_Solutions.txt is checked for its structure \
        (per fold: the two backbones' sizes, overlap, union). Writes --output/artifacts.json.
        """
    )

    @Option(help: "Folder holding the authors' bird/ and lfw/ artifacts.")
    var reference: String

    @Option(help: "Folder for artifacts.json and the rewritten explanation files.")
    var output: String

    func run() throws {
        let root = URL(fileURLWithPath: reference)
        let outRoot = URL(fileURLWithPath: output)
        var explanations: [(String, JSON)] = []
        for set in ["bird", "lfw"] {
            let dir = root.appendingPathComponent(set)
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
                .filter { $0.hasPrefix("explanation") && $0.hasSuffix(".txt") }
                .sorted { number(in: $0) < number(in: $1) }
            guard !names.isEmpty else { throw InputError(file: dir.path, "no explanationK.txt files") }
            let target = outRoot.appendingPathComponent("explanations").appendingPathComponent(set)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            var files: [JSON] = []
            for name in names {
                let path = dir.appendingPathComponent(name).path
                let original = try TextFile.read(path)
                let e = try Explanation.parse(original, file: path)
                let rewritten = e.text
                try TextFile.writeAtomically(rewritten, to: target.appendingPathComponent(name).path)
                let reparsed = try Explanation.parse(rewritten)
                func sizes(_ list: [Explanation.Backbone]) -> JSON {
                    let s = list.map(\.neurons.count)
                    return .object([("backbones", .int(s.count)), ("min", .int(s.min() ?? 0)), ("max", .int(s.max() ?? 0)),
                                    ("sizes", .array(s.map { .int($0) }))])
                }
                let confusionCount = e.confusion.reduce(0) { $0 + $1.byTrueClass.count }
                files.append(.object([
                    ("file", .string("\(set)/\(name)")), ("classes", .int(e.correct.count)),
                    ("correct", sizes(e.correct)), ("misclassified", sizes(e.misclassified)),
                    ("confusion_backbones", .int(confusionCount)),
                    ("weights_in_0_1", .bool((e.correct + e.misclassified).allSatisfy { $0.neurons.allSatisfy { $0.weight > 0 && $0.weight <= 1 } })),
                    ("rewritten_parses_equal", .bool(reparsed == e)),
                    ("rewritten_byte_identical", .bool(rewritten == original)),
                ]))
            }
            explanations.append((set, .array(files)))
        }

        var weightChecks: [JSON] = []
        let lfw = root.appendingPathComponent("lfw")
        for k in 1...5 {
            let npz = lfw.appendingPathComponent("recognizer\(k).npz").path
            let csv = lfw.appendingPathComponent("weights\(k).csv").path
            guard FileManager.default.fileExists(atPath: npz), FileManager.default.fileExists(atPath: csv) else { continue }
            let network = try DenseNetwork.read(path: npz)
            let ours = network.neuronWeights().values
            let theirs = try NeuronWeights.read(path: csv).values
            let diff = ours.count == theirs.count ? zip(ours, theirs).map { abs($0 - $1) }.max() ?? 0 : Double.infinity
            weightChecks.append(.object([("network", .string("lfw/recognizer\(k).npz")), ("weights", .string("lfw/weights\(k).csv")),
                                         ("hidden_layers", .array(network.hiddenWidths.map { .int($0) })),
                                         ("neurons", .int(ours.count)), ("their_count", .int(theirs.count)),
                                         ("max_abs_diff", .number(diff)), ("agree_1e-12", .bool(diff <= 1e-12))]))
        }

        let birdPath = root.appendingPathComponent("bird/Bird_ILP_Solutions.txt").path
        let birdText = try TextFile.read(birdPath)
        var folds: [JSON] = []
        for (lineNumber, line) in birdText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let lists = line.split(separator: "]").map { part in part.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) } }.filter { !$0.isEmpty }
            guard lists.count == 2 else {
                throw InputError(file: birdPath, line: lineNumber + 1, "expected two neuron lists, found \(lists.count)")
            }
            let a = Set(lists[0]), b = Set(lists[1])
            folds.append(.object([("fold", .int(folds.count + 1)), ("sizes", .array([.int(a.count), .int(b.count)])),
                                  ("size_sum", .int(a.count + b.count)), ("overlap", .int(a.intersection(b).count)),
                                  ("union", .int(a.union(b).count)), ("union_is_all_288", .bool(a.union(b) == Set(0..<288))),
                                  ("sorted", .bool(lists.allSatisfy { $0 == $0.sorted() }))]))
        }
        let json: JSON = .object([
            ("experiment", .string("artifacts")), ("reference", .string(reference)),
            ("explanations", .object(explanations)),
            ("lfw_weights", .array(weightChecks)),
            ("bird_ilp_solutions", .object([("file", .string("bird/Bird_ILP_Solutions.txt")), ("neurons", .int(288)),
                                            ("floor_0.30_n", .int(86)), ("floor_0.55_n", .int(158)),
                                            ("folds", .array(folds))])),
        ])
        try FileManager.default.createDirectory(at: outRoot, withIntermediateDirectories: true)
        try TextFile.writeAtomically(json.serialized(pretty: true) + "\n", to: outRoot.appendingPathComponent("artifacts.json").path)
        print("wrote \(outRoot.appendingPathComponent("artifacts.json").path)")
    }

    private func number(in name: String) -> Int { Int(name.filter(\.isNumber)) ?? 0 }
}
