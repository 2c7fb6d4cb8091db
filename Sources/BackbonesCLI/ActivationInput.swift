import ArgumentParser
import BackboneData
import FileSupport
import Foundation
import Mining

/// `--activations FILE` and the options that read and binarize it, for the commands that start
/// from activations (`transactions`, `ilp`, `pareto`; `heuristic` takes `--activations` or
/// `--transactions` beside `ActivationOptions`). Formats and rules: docs/data.md.
struct ActivationInput: ParsableArguments {
    @Option(help: "Activation file (rows, .csv, .npy or .npz).")
    var activations: String

    @OptionGroup var options: ActivationOptions

    /// Reads the activations, the layers and the weights, and binarizes every row.
    func load() throws -> ActivationOptions.Loaded { try options.load(activations: activations) }

    /// `load()` for the groups `selection` picks, binarizing only their rows (see
    /// `ActivationOptions.load(activations:selection:)`).
    func load(_ selection: GroupSelection) throws -> (loaded: ActivationOptions.Loaded, groups: [Group]) {
        try options.load(activations: activations, selection: selection)
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
}

/// The options that say how to read and binarize an activation file (everything of
/// `ActivationInput` but the file itself): the format, labels and predictions, the layers, the
/// neuron weights and the binarization rule.
struct ActivationOptions: ParsableArguments {
    enum Rule: String, ExpressibleByArgument, CaseIterable {
        case reference, topk, threshold, quantile
    }

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

    /// The options given that only make sense with an activation file (those still at their
    /// default cannot be told from absent ones and are not listed), as `--name`s.
    var activationOnlyOptionsGiven: [String] {
        var given: [String] = []
        if format != nil { given.append("--format") }
        if minus != nil { given.append("--minus") }
        if labels != nil { given.append("--labels") }
        if predictions != nil { given.append("--predictions") }
        if labelColumn != "label" { given.append("--label-column") }
        if predictionColumn != nil { given.append("--prediction-column") }
        if weights != nil { given.append("--weights") }
        if network != nil { given.append("--network") }
        if binarize != .reference { given.append("--binarize") }
        if k != nil { given.append("--k") }
        if threshold != nil { given.append("--threshold") }
        if quantile != nil { given.append("--quantile") }
        if ties != TieBreak.lowerIndexFirst.rawValue { given.append("--ties") }
        return given
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
        /// One transaction per row of `matrix` (rows outside the selected groups are empty
        /// when loaded by `load(activations:selection:)`).
        var binarized: Binarizer.Result
        /// Human-readable lines describing the input (for reports and summaries).
        var description: [(String, String)]
    }

    /// The activations, layers and weights, read and checked against each other.
    struct Read {
        var activations: String
        var matrix: ActivationMatrix
        var layout: LayerLayout
        var weights: NeuronWeights?
    }

    /// Reads the activations, the layers and the weights, and binarizes every row.
    func load(activations: String) throws -> Loaded {
        try binarize(read(activations: activations))
    }

    /// Reads the activations, picks the groups `selection` asks for, and binarizes only the rows
    /// of those groups: the grouping needs only labels and predictions, and a group's rows are
    /// binarized exactly as they would be with every row (each rule decides row by row; the
    /// quantile rule's cut-offs still come from every row). The other rows are left empty.
    func load(activations: String, selection: GroupSelection) throws -> (loaded: Loaded, groups: [Group]) {
        let read = try read(activations: activations)
        let groups = try selection.select(from: read.matrix, file: activations)
        var needed = [Bool](repeating: false, count: read.matrix.rowCount)
        for g in groups { for r in g.instances { needed[r] = true } }
        return (try binarize(read, rows: needed), groups)
    }

    /// Reads the activations, the layers and the weights.
    func read(activations: String) throws -> Read {
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
        return Read(activations: activations, matrix: matrix, layout: layout, weights: neuronWeights)
    }

    /// Binarizes the rows of `read` (those with `rows[r]`; every row when nil).
    func binarize(_ read: Read, rows: [Bool]? = nil) throws -> Loaded {
        let (activations, matrix, layout, neuronWeights) = (read.activations, read.matrix, read.layout, read.weights)
        let rule = self.rule
        let result = try Binarizer.binarize(matrix, layout: layout, weights: neuronWeights, rule: rule,
                                            ties: TieBreak(rawValue: ties)!, rows: rows)
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
