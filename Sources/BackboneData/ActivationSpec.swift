import FileSupport
import Foundation
import Mining

/// Everything that says how to read and binarize an activation file, and which groups to take:
/// the one description every command that starts from activations loads through
/// (`ActivationSpec.load`). The rules of which input wins live here, not in a user interface:
///
/// - Layers: `layers` if given (and then equal to the network's hidden layers, if a network is
///   given too), else the network's, else one layer holding every column (with a note).
/// - Weights: the `weights` file, else the network's `Σ_j |W[l+1][i][j]|`, else none. Giving
///   both a weights file and a network is refused (the network's weights would be ignored).
/// - CSV: the predicted-label column is `predictionColumn`, else `predicted` when the header
///   has it (read by the CSV reader's own, quote-aware header parsing).
/// - Only the selected groups' rows are binarized (the others stay empty): each rule decides
///   row by row, and the quantile rule's cut-offs still come from every row.
public struct ActivationSpec: Sendable {
    public var path: String
    /// Nil: from the file extension.
    public var format: ActivationFormat?
    public var minusPath: String?
    public var labelsPath: String?
    public var predictionsPath: String?
    public var labelColumn: String
    /// Nil: `predicted` when a CSV header has it.
    public var predictionColumn: String?
    public var layers: LayerLayout?
    public var weightsPath: String?
    public var networkPath: String?
    public var rule: BinarizationRule
    public var ties: TieBreak
    /// Told before and after reading a large activation file (≥ 64 MB), so a long read is not silent.
    public var progress: (@Sendable (String) -> Void)?

    public init(path: String, format: ActivationFormat? = nil, minusPath: String? = nil, labelsPath: String? = nil,
                predictionsPath: String? = nil, labelColumn: String = "label", predictionColumn: String? = nil,
                layers: LayerLayout? = nil, weightsPath: String? = nil, networkPath: String? = nil,
                rule: BinarizationRule = .reference(k: BinarizationRule.referenceK), ties: TieBreak = .lowerIndexFirst) {
        self.path = path
        self.format = format
        self.minusPath = minusPath
        self.labelsPath = labelsPath
        self.predictionsPath = predictionsPath
        self.labelColumn = labelColumn
        self.predictionColumn = predictionColumn
        self.layers = layers
        self.weightsPath = weightsPath
        self.networkPath = networkPath
        self.rule = rule
        self.ties = ties
    }

    /// What a spec cannot be, whatever the files hold.
    public enum Conflict: Error, Equatable, CustomStringConvertible {
        /// A weights file and a network were both given.
        case weightsAndNetwork

        public var description: String {
            switch self {
            case .weightsAndNetwork: return "a weights file and a network were both given (the network's weights would be ignored)"
            }
        }
    }

    public func validate() throws {
        if weightsPath != nil && networkPath != nil { throw Conflict.weightsAndNetwork }
    }

    /// The activations, layers and weights, read and checked against each other.
    public struct Read: Sendable {
        public var matrix: ActivationMatrix
        public var layout: LayerLayout
        public var weights: NeuronWeights?
        /// Notes for the user (e.g. that the columns were taken as one layer).
        public var notes: [String]
    }

    public func read() throws -> Read {
        try validate()
        var columns = CSVFormat.Columns(label: labelColumn, prediction: predictionColumn)
        if predictionColumn == nil, (format ?? ActivationFormat.detect(path: path)) == .csv,
           (try? CSVFormat.header(path: path))?.contains("predicted") == true {
            columns.prediction = "predicted"
        }
        let source = ActivationSource(path: path, format: format, minusPath: minusPath, labelsPath: labelsPath,
                                      predictionsPath: predictionsPath, csvColumns: columns)
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        let large = size >= 64 << 20, began = ContinuousClock.now
        if large { progress?("reading \(path) (\(size >> 20) MB)…") }
        let matrix = try source.read()
        if large { progress?("read \(matrix.rowCount) rows × \(matrix.columnCount) columns in \(Format.fixed((ContinuousClock.now - began).seconds, 1)) s") }
        let (layout, weights, notes) = try layoutAndWeights(columnCount: matrix.columnCount)
        return Read(matrix: matrix, layout: layout, weights: weights, notes: notes)
    }

    /// The layer widths (`layers`, else the network's, else one layer) and the neuron weights
    /// (`weightsPath`, else the network's), checked against `columnCount` columns.
    func layoutAndWeights(columnCount: Int) throws -> (LayerLayout, NeuronWeights?, [String]) {
        var notes: [String] = []
        let network = try networkPath.map { try DenseNetwork.read(path: $0) }
        let layout: LayerLayout
        if let layers {
            if let network, network.hiddenWidths != layers.widths {
                throw InputError(file: networkPath, "the layer widths \(layers.widths.map(String.init).joined(separator: ",")) differ from the network's hidden layers \(network.hiddenWidths.map(String.init).joined(separator: ","))")
            }
            layout = layers
        } else if let network {
            layout = try network.layout(file: networkPath!)
        } else {
            layout = .single(columnCount)
            notes.append("no layer widths or network: the \(columnCount) columns are treated as one layer")
        }
        try layout.checkInput(columnCount: columnCount, file: path)
        var weights: NeuronWeights?
        if let weightsPath {
            weights = try NeuronWeights.read(path: weightsPath)
            try weights!.check(neuronCount: columnCount, file: weightsPath)
        } else if let network {
            weights = network.neuronWeights()
        }
        return (layout, weights, notes)
    }

    /// Reads, selects the groups `groups` asks for (every row when nil) and binarizes their rows.
    public func load(groups selection: GroupSelection? = nil) throws -> LoadedActivations {
        let read = try read()
        var notes = read.notes
        var groups: [Group] = []
        var rows: [Bool]?
        if let selection {
            let picked = try selection.select(from: read.matrix, file: path)
            groups = picked.groups
            notes += picked.notes
            var needed = [Bool](repeating: false, count: read.matrix.rowCount)
            for g in groups { for r in g.instances { needed[r] = true } }
            rows = needed
        }
        let result = try Binarizer.binarize(read.matrix, layout: read.layout, weights: read.weights, rule: rule, ties: ties, rows: rows)
        notes += result.warnings.map { "warning: \($0)" }
        var ruleText = rule.description
        if let kept = result.keptPerLayer { ruleText += ", neurons kept per layer \(kept.map(String.init).joined(separator: ","))" }
        if rule.usesWeights { ruleText += read.weights == nil ? ", unweighted" : ", weighted by \(weightsPath ?? networkPath!)" }
        let description: [(String, String)] = [
            ("activations", path + (minusPath.map { " + \($0) (minus)" } ?? "")),
            ("instances", "\(read.matrix.rowCount) rows × \(read.matrix.columnCount) neurons, \(read.matrix.classes.count) classes"),
            ("predictions", Self.predictionStatus(read.matrix)),
            ("layers", read.layout.widths.map(String.init).joined(separator: ",")),
            ("binarization", ruleText),
        ]
        return LoadedActivations(matrix: read.matrix, layout: read.layout, weights: read.weights, rule: rule,
                                 binarized: result, groups: groups, description: description, notes: notes)
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

/// Activations read, grouped and binarized by `ActivationSpec.load`.
public struct LoadedActivations: Sendable {
    public var matrix: ActivationMatrix
    public var layout: LayerLayout
    public var weights: NeuronWeights?
    public var rule: BinarizationRule
    /// One transaction per row of `matrix` (rows outside the selected groups are empty).
    public var binarized: Binarizer.Result
    /// The selected groups, in a stable order (empty when no selection was asked for).
    public var groups: [Group]
    /// Lines describing the input, for reports and summaries.
    public var description: [(String, String)]
    /// Notes and warnings for the user, in order.
    public var notes: [String]

    /// A group's transactions (from the binarized rows).
    public func database(of group: Group) -> TransactionDatabase { binarized.database.selecting(group.instances) }
}

/// Which groups to take: kinds (nil: every kind the data allows) and, optionally, names.
public struct GroupSelection: Sendable, Equatable {
    public var kinds: [Group.Kind]?
    public var names: [String]?

    public init(kinds: [Group.Kind]? = [.correct], names: [String]? = nil) {
        self.kinds = kinds
        self.names = names
    }

    /// Parses a kinds list such as `correct,misclassified` or `all` (nil: every kind).
    public static func kinds(parsing text: String) -> Result<[Group.Kind]?, KindsError> {
        var kinds: [Group.Kind] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if part == "all" { return .success(nil) }
            guard let kind = Group.Kind(rawValue: part) else { return .failure(.unknown(part)) }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds.isEmpty ? .failure(.empty) : .success(kinds)
    }

    public enum KindsError: Error, Equatable, CustomStringConvertible {
        case unknown(String)
        case empty

        public var description: String {
            switch self {
            case let .unknown(part): return "takes correct, misclassified, confusion, class or all (comma-separated); got '\(part)'"
            case .empty: return "is empty"
            }
        }
    }

    /// A selection from a kinds list (`kinds(parsing:)`) and an optional comma-separated list of
    /// group names.
    public init(parsingKinds text: String, names: String? = nil) throws(KindsError) {
        self.init(kinds: try Self.kinds(parsing: text).get(),
                  names: names.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
    }

    /// The non-empty groups asked for, in a stable order, and notes about empty ones. A name
    /// picks its group whatever `kinds` says (`misclassified:3` adds the misclassified kind).
    public func select(from matrix: ActivationMatrix, file: String) throws -> (groups: [Group], notes: [String]) {
        var kinds = self.kinds ?? Grouping.availableKinds(for: matrix)
        for name in names ?? [] {
            if let kind = Group.Kind(rawValue: String(name.prefix { $0 != ":" })), !kinds.contains(kind) { kinds.append(kind) }
        }
        let grouping = try Grouping(matrix: matrix, kinds: kinds)
        let notes = grouping.emptyGroups.map { "note: group \($0) has no instances: skipped" }
        var selected = grouping.groups
        if let names {
            let wanted = Set(names)
            selected = selected.filter { wanted.contains($0.name) }
            let unknown = wanted.subtracting(selected.map(\.name))
            if !unknown.isEmpty {
                throw InputError("unknown groups: \(unknown.sorted().joined(separator: ", ")) (groups here: \(grouping.groups.map(\.name).joined(separator: ", ")))")
            }
        }
        guard !selected.isEmpty else {
            throw InputError(file: file, "no non-empty group of kind \(kinds.map(\.rawValue).joined(separator: ",")) in the data")
        }
        return (selected, notes)
    }
}
