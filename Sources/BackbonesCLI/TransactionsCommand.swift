import ArgumentParser
import BackboneData
import FileSupport
import Foundation
import Mining

/// `backbones transactions`: activations → binarized transactions in FIMI format, for the
/// whole data set or one file per group. Formats and rules: docs/data.md.
struct TransactionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transactions",
        abstract: "Binarize activations into transactions (FIMI format: one line per instance, neuron ids).",
        discussion: """
        Reads activations (--format rows|csv|npy|npz, else from the file extension: .csv, .npy, \
        .npz, anything else is the authors' 'label v1 … vn' rows), binarizes every row by \
        --binarize, and writes the whole data set to --output FILE, or with --groups one file per \
        group (correct-3.dat, misclassified-3.dat, confusion-3-to-5.dat, class-3.dat) into \
        --output DIR. Prints transactions, mean items per layer and density. See docs/data.md.
        """
    )

    enum Rule: String, ExpressibleByArgument, CaseIterable {
        case reference, topk, threshold, quantile
    }

    @Option(help: "Activation file.")
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

    @Option(help: "CSV: name of the predicted-label column (none by default).")
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

    @Option(help: "Write one file per group: correct, misclassified, confusion, class, all (comma-separated).")
    var groups: String?

    @Option(help: "Output FILE (whole data set) or, with --groups, a DIR (created if missing).")
    var output: String

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
        if let groups { _ = try Self.groupKinds(groups) }
    }

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

    func run() throws {
        let source = ActivationSource(
            path: activations, format: format.flatMap(ActivationFormat.init(rawValue:)), minusPath: minus,
            labelsPath: labels, predictionsPath: predictions,
            csvColumns: CSVFormat.Columns(label: labelColumn, prediction: predictionColumn))
        let matrix = try source.read()

        // Layers and weights.
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

        let rule: BinarizationRule
        switch binarize {
        case .reference: rule = .reference(k: k ?? BinarizationRule.referenceK)
        case .topk: rule = .topK(k ?? BinarizationRule.referenceK)
        case .threshold: rule = .threshold(threshold!)
        case .quantile: rule = .quantile(quantile!)
        }
        // Groups before the (long) binarization, so a request the data cannot answer fails first.
        let requestedKinds = try groups.map { try Self.groupKinds($0) ?? Grouping.availableKinds(for: matrix) }
        let grouping = try requestedKinds.map { try Grouping(matrix: matrix, kinds: $0) }
        let result = try Binarizer.binarize(matrix, layout: layout, weights: neuronWeights, rule: rule,
                                            ties: TieBreak(rawValue: ties)!)
        for warning in result.warnings { Stderr.print("warning: \(warning)") }

        print("activations: \(activations)\(minus.map { " + \($0) (minus)" } ?? "") — \(matrix.rowCount) rows × \(matrix.columnCount) neurons, \(matrix.classes.count) classes, predictions: \(predictionStatus(matrix))")
        print("layers: \(layout.widths.map(String.init).joined(separator: ",")) (\(layout.neuronCount) neurons)")
        var ruleLine = "binarization: \(rule.description)"
        if let kept = result.keptPerLayer { ruleLine += ", neurons kept per layer \(kept.map(String.init).joined(separator: ","))" }
        if rule.usesWeights {
            ruleLine += neuronWeights == nil ? ", unweighted" : ", weighted by \(weights ?? network!)"
        }
        print(ruleLine)
        printSummary(TransactionSummary(result.database, layout: layout))

        guard let grouping else {
            if isDirectory(output) {
                throw InputError(file: output, "--output is a directory: give a file name, or --groups to write one file per group")
            }
            try createDirectory((output as NSString).deletingLastPathComponent)
            try result.database.writeFIMI(to: output)
            print("wrote \(output)")
            return
        }

        for name in grouping.emptyGroups { Stderr.print("note: group \(name) has no instances: no file written") }
        if FileManager.default.fileExists(atPath: output) && !isDirectory(output) {
            throw InputError(file: output, "--output with --groups must be a directory, and this is a file")
        }
        try createDirectory(output)
        print("groups: \(grouping.groups.count) (\(requestedKinds!.map(\.rawValue).joined(separator: ", "))) in \(output)")
        let width = grouping.groups.map(\.name.count).max() ?? 0
        for group in grouping.groups {
            let file = group.fileStem + ".dat"
            let transactions = result.database.selecting(group.instances)
            try transactions.writeFIMI(to: (output as NSString).appendingPathComponent(file))
            let summary = TransactionSummary(transactions, layout: layout)
            let padded = group.name.padding(toLength: width, withPad: " ", startingAt: 0)
            print("  \(padded)  \(String(group.count).leftPadded(6)) transactions  items/layer \(format(summary.meanItemsPerLayer))  density \(String(format: "%.4f", summary.density))  \(file)")
        }
    }

    private func printSummary(_ s: TransactionSummary) {
        print("transactions: \(s.transactionCount)")
        print("items per transaction by layer (mean): \(format(s.meanItemsPerLayer)) (total \(String(format: "%.2f", s.meanItems)))")
        print("density: \(String(format: "%.4f", s.density))")
    }

    private func format(_ values: [Double]) -> String {
        values.map { String(format: "%.2f", $0) }.joined(separator: " ")
    }

    private func predictionStatus(_ m: ActivationMatrix) -> String {
        if m.predictedLabels != nil { return "yes" }
        if m.correctness != nil { return "correct/misclassified only (plus/minus files)" }
        return "unknown"
    }

    /// `mkdir -p`; failure is an `InputError` naming the directory.
    private func createDirectory(_ path: String) throws {
        guard !path.isEmpty, !isDirectory(path) else { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: path, "cannot create the output directory: \(error.localizedDescription)")
        }
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
