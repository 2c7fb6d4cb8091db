import ArgumentParser
import BackboneData
import Mining

/// `--activations FILE` and the options that read and binarize it: an `ActivationSpec`.
struct ActivationInput: ParsableArguments {
    @Option(help: "Activation file (rows, .csv, .npy or .npz).") var activations: String
    @OptionGroup var options: ActivationOptions

    /// Reads and binarizes every row (the groups, if any, are picked and only their rows binarized).
    func load(_ groups: GroupOptions? = nil) throws -> LoadedActivations { try options.load(activations, groups: groups) }
}

/// How to read and binarize an activation file (everything of `ActivationInput` but the file).
/// Formats and rules: docs/data.md; which input wins: `ActivationSpec`.
struct ActivationOptions: ParsableArguments {
    @Option(help: "Input format: rows, csv, npy, npz (default: from the file extension).") var format: ActivationFormat?
    @Option(help: "The authors' minus file (misclassified rows; --activations is then the plus file).") var minus: String?
    @Option(help: "True labels for .npy activations: a .npy of integers or one integer per line.") var labels: String?
    @Option(help: "Predicted labels in a separate file (.npy or one integer per line).") var predictions: String?
    @Option(help: "CSV: name of the true-label column.") var labelColumn: String = "label"
    @Option(help: "CSV: name of the predicted-label column (default: 'predicted' when the header has it).") var predictionColumn: String?
    @Option(help: "Hidden layer widths, e.g. 64,32,16 (default: from --network, else one layer).") var layers: String?
    @Option(help: "Neuron weights: one row of numbers, one per neuron.") var weights: String?
    @Option(help: "Network .npz (W0..Wk, b0..bk): neuron weights Σ_j |W_l[i][j]| and the layer widths.") var network: String?

    @Option(help: "Binarization: reference (authors: weighted, floor(k·w_l/n) per layer), topk (k per layer), threshold, quantile.")
    var binarize: BinarizationRule.Kind = .reference

    @Option(help: "k for reference and topk (default 50).") var k: Int?
    @Option(help: "threshold: a neuron is active when its activation is > T.") var threshold: Double?
    @Option(help: "quantile: a neuron is active when above its Q-quantile over the data set (0…1).") var quantile: Double?
    @Option(help: "Ties in reference/topk: lower (lower neuron id wins, default) or higher (the authors' sort).") var ties: TieBreak = .lowerIndexFirst

    func validate() throws {
        if weights != nil && network != nil { throw ValidationError("give --weights or --network, not both (the network's weights would be ignored)") }
    }

    /// The options given that only make sense with an activation file (those still at their
    /// default cannot be told from absent ones and are not listed), as `--name`s.
    var activationOnlyOptionsGiven: [String] {
        let given: [(String, Bool)] = [
            ("--format", format != nil), ("--minus", minus != nil), ("--labels", labels != nil),
            ("--predictions", predictions != nil), ("--label-column", labelColumn != "label"),
            ("--prediction-column", predictionColumn != nil), ("--weights", weights != nil), ("--network", network != nil),
            ("--binarize", binarize != .reference), ("--k", k != nil), ("--threshold", threshold != nil),
            ("--quantile", quantile != nil), ("--ties", ties != .lowerIndexFirst),
        ]
        return given.filter(\.1).map(\.0)
    }

    /// Reads and binarizes `activations` (`ActivationSpec.load`), printing its progress and notes.
    func load(_ activations: String, groups: GroupOptions?) throws -> LoadedActivations {
        var spec = try spec(activations)
        spec.progress = { Stderr.print($0) }
        let loaded = try spec.load(groups: groups?.selection())
        for note in loaded.notes { Stderr.print(note.hasPrefix("warning:") || note.hasPrefix("note:") ? note : "note: \(note)") }
        return loaded
    }

    /// The library's description of the input these options give for `activations`.
    func spec(_ activations: String) throws -> ActivationSpec {
        ActivationSpec(path: activations, format: format, minusPath: minus,
                       labelsPath: labels, predictionsPath: predictions, labelColumn: labelColumn,
                       predictionColumn: predictionColumn, layers: try layers.map(LayerLayout.fromOption),
                       weightsPath: weights, networkPath: network,
                       rule: try BinarizationRule(kind: binarize, k: k, threshold: threshold, quantile: quantile), ties: ties)
    }
}

/// `--groups KINDS [--only NAMES]`: a `GroupSelection`.
struct GroupOptions: ParsableArguments {
    static let defaultGroups = "correct"

    @Option(help: "Groups: correct, misclassified, confusion, class or all (comma-separated).") var groups: String = GroupOptions.defaultGroups
    @Option(help: "Only these groups, by name, of any kind (comma-separated, e.g. correct:3,confusion:3->5).") var only: String?

    func validate() throws { _ = try selection() }

    /// The selection these options give (a usage error when `--groups` does not parse).
    func selection() throws -> GroupSelection { try Self.selection(groups, only: only) }

    /// The options given (not at their default), as `--name`s.
    var optionsGiven: [String] { (groups != Self.defaultGroups ? ["--groups"] : []) + (only != nil ? ["--only"] : []) }

    static func selection(_ groups: String, only: String? = nil) throws -> GroupSelection {
        do { return try GroupSelection(parsingKinds: groups, names: only) } catch { throw ValidationError("--groups \(error)") }
    }
}

extension ActivationFormat: ExpressibleByArgument {}
extension BinarizationRule.Kind: ExpressibleByArgument {}
extension TieBreak: ExpressibleByArgument {}
