import ArgumentParser
import BackboneData
import FileSupport
import Foundation
import Mining

/// The options every command that starts from activations shares (`transactions`, `heuristic`,
/// `ilp`, `pareto`): where the activations are, the layers, the neuron weights, the
/// binarization rule and the groups. Formats and rules: docs/data.md.
struct ActivationInput: ParsableArguments {
    enum Rule: String, ExpressibleByArgument, CaseIterable {
        case reference, topk, threshold, quantile
    }

    @Option(help: "Activation file (rows, .csv, .npy or .npz).")
    var activations: String

    @Option(help: "Input format: rows, csv, npy, npz (default: from the file extension).")
    var format: String?

    @Option(help: "The authors' minus file (misclassified rows; --activations is then the plus file).")
    var minus: String?

    @Option(help: "True labels for .npy activations: a .npy of integers or one integer per line.")
    var labels: String?

    @Option(help: "Predicted labels in a separate file (.npy or one integer per line).")
    var predictions: String?

    @Option(help: "CSV: name of the true-label column.")
    var labelColumn: String = "label"

    @Option(help: "CSV: name of the predicted-label column (default: 'predicted' when the header has it).")
    var predictionColumn: String?

    @Option(help: "Hidden layer widths, e.g. 64,32,16 (default: from --network, else one layer).")
    var layers: String?

    @Option(help: "Neuron weights: one row of numbers, one per neuron.")
    var weights: String?

    @Option(help: "Network .npz (W0..Wk, b0..bk): neuron weights Σ_j |W_l[i][j]| and the layer widths.")
    var network: String?

    @Option(help: "Binarization: reference (authors: weighted, floor(k·w_l/n) per layer), topk (k per layer), threshold, quantile.")
    var binarize: Rule = .reference

    @Option(help: "k for reference and topk (default 50).")
    var k: Int?

    @Option(help: "threshold: a neuron is active when its activation is > T.")
    var threshold: Double?

    @Option(help: "quantile: a neuron is active when above its Q-quantile over the data set (0…1).")
    var quantile: Double?

    @Option(help: "Ties in reference/topk: lower (lower neuron id wins, default) or higher (the authors' sort).")
    var ties: String = TieBreak.lowerIndexFirst.rawValue

    func validate() throws {
        if weights != nil && network != nil {
            throw ValidationError("give --weights or --network, not both (the network's weights would be ignored)")
        }
        if let format, ActivationFormat(rawValue: format) == nil {
            throw ValidationError("--format must be one of rows, csv, npy, npz; got '\(format)'")
        }
        if TieBreak(rawValue: ties) == nil {
            throw ValidationError("--ties must be lower or higher; got '\(ties)'")
        }
        if threshold != nil && binarize != .threshold { throw ValidationError("--threshold is only used with --binarize threshold") }
        if quantile != nil && binarize != .quantile { throw ValidationError("--quantile is only used with --binarize quantile") }
        if k != nil && binarize != .reference && binarize != .topk {
            throw ValidationError("--k is only used with --binarize reference or topk")
        }
        if binarize == .threshold && threshold == nil { throw ValidationError("--binarize threshold needs --threshold T") }
        if binarize == .quantile && quantile == nil { throw ValidationError("--binarize quantile needs --quantile Q (0…1)") }
    }

    /// Parses `--groups` (`correct,misclassified`, `all`); nil means every kind the data allows.
    static func groupKinds(_ text: String) throws -> [Group.Kind]? {
        var kinds: [Group.Kind] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if part == "all" { return nil }
            guard let kind = Group.Kind(rawValue: part) else {
                throw ValidationError("--groups takes correct, misclassified, confusion, class or all (comma-separated); got '\(part)'")
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        guard !kinds.isEmpty else { throw ValidationError("--groups is empty") }
        return kinds
    }

    var rule: BinarizationRule {
        switch binarize {
        case .reference: return .reference(k: k ?? BinarizationRule.referenceK)
        case .topk: return .topK(k ?? BinarizationRule.referenceK)
        case .threshold: return .threshold(threshold!)
        case .quantile: return .quantile(quantile!)
        }
    }

    /// Everything read and binarized, ready for grouping.
    struct Loaded {
        var matrix: ActivationMatrix
        var layout: LayerLayout
        var weights: NeuronWeights?
        var rule: BinarizationRule
        var binarized: Binarizer.Result
        /// Human-readable lines describing the input (for reports and summaries).
        var description: [(String, String)]
    }

    /// Reads the activations, the layers and the weights, and binarizes every row.
    func load() throws -> Loaded {
        var columns = CSVFormat.Columns(label: labelColumn, prediction: predictionColumn)
        if predictionColumn == nil, (format ?? "csv") == "csv", activations.lowercased().hasSuffix(".csv"),
           Self.csvHeader(activations).contains("predicted") {
            columns.prediction = "predicted"
        }
        let source = ActivationSource(
            path: activations, format: format.flatMap(ActivationFormat.init(rawValue:)), minusPath: minus,
            labelsPath: labels, predictionsPath: predictions, csvColumns: columns)
        let matrix = try source.read()

        var layout: LayerLayout
        var neuronWeights: NeuronWeights? = nil
        var denseNetwork: DenseNetwork? = nil
        if let network { denseNetwork = try DenseNetwork.read(path: network) }
        if let layers {
            layout = try LayerLayout.fromOption(layers)
            if let denseNetwork, denseNetwork.hiddenWidths != layout.widths {
                throw InputError(file: network, "--layers \(layers) differ from the network's hidden layers \(denseNetwork.hiddenWidths.map(String.init).joined(separator: ","))")
            }
        } else if let denseNetwork {
            layout = try denseNetwork.layout(file: network)
        } else {
            layout = .single(matrix.columnCount)
            Stderr.print("note: no --layers or --network: the \(matrix.columnCount) columns are treated as one layer")
        }
        try layout.checkInput(columnCount: matrix.columnCount, file: activations)
        if let weights {
            neuronWeights = try NeuronWeights.read(path: weights)
            try neuronWeights!.check(neuronCount: matrix.columnCount, file: weights)
        } else if let denseNetwork {
            neuronWeights = denseNetwork.neuronWeights()
        }
        let rule = self.rule
        let result = try Binarizer.binarize(matrix, layout: layout, weights: neuronWeights, rule: rule,
                                            ties: TieBreak(rawValue: ties)!)
        for warning in result.warnings { Stderr.print("warning: \(warning)") }

        var ruleText = rule.description
        if let kept = result.keptPerLayer { ruleText += ", neurons kept per layer \(kept.map(String.init).joined(separator: ","))" }
        if rule.usesWeights { ruleText += neuronWeights == nil ? ", unweighted" : ", weighted by \(weights ?? network!)" }
        let description: [(String, String)] = [
            ("activations", activations + (minus.map { " + \($0) (minus)" } ?? "")),
            ("instances", "\(matrix.rowCount) rows × \(matrix.columnCount) neurons, \(matrix.classes.count) classes"),
            ("predictions", Self.predictionStatus(matrix)),
            ("layers", layout.widths.map(String.init).joined(separator: ",")),
            ("binarization", ruleText),
        ]
        return Loaded(matrix: matrix, layout: layout, weights: neuronWeights, rule: rule, binarized: result,
                      description: description)
    }

    /// The column names of a CSV file's header (empty if unreadable); reads only the start.
    static func csvHeader(_ path: String) -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        let line = String(decoding: head.prefix { $0 != 10 }, as: UTF8.self)
        return line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r\""))) }
    }

    static func predictionStatus(_ m: ActivationMatrix) -> String {
        if let p = m.predictedLabels {
            let wrong = zip(p, m.trueLabels).filter { $0 != $1 }.count
            return "known (\(wrong) misclassified)"
        }
        if let c = m.correctness { return "correct/wrong known (\(c.filter { !$0 }.count) misclassified)" }
        return "unknown"
    }
}
