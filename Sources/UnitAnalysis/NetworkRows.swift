import BackboneData
import FileSupport
import Foundation

/// Rows of a data file as a network sees them: each row's values are either the network's
/// inputs or every hidden unit's activation (then a pass starts at the first hidden layer and
/// the later layers are recomputed), and each label is one of the network's classes.
///
/// The file is checked against the network, so that a network that did not make the data is
/// an error rather than a silent wrong answer: the column count must be the input width or the
/// number of hidden units; hidden activations must equal what the network computes from the
/// row's first layer (to `tolerance`, relative to max(1, |value|)); a prediction column, when
/// the file has one, must equal the network's prediction (up to a tie within the tolerance).
public struct NetworkRows: Sendable {
    public enum Columns: String, Sendable {
        case inputs
        case hiddenActivations = "hidden activations"
    }

    public static let tolerance = 1e-4

    public let columns: Columns
    /// Where every pass of these rows starts.
    public let start: UnitNetwork.Start
    /// Values per row (what a pass takes).
    public let width: Int
    public let rowCount: Int
    /// Row-major, `rowCount × width`.
    public let values: [Double]
    public let labels: [Int]
    /// The network's output index of each row's label.
    public let outputs: [Int]

    public func row(_ r: Int) -> ArraySlice<Double> { values[r * width ..< (r + 1) * width] }

    public init(_ matrix: ActivationMatrix, network: UnitNetwork, file: String) throws {
        let units = network.unitCount
        let isHidden: Bool
        switch matrix.columnCount {
        case units where units == network.inputWidth:
            // Ambiguous widths: hidden activations if the network reproduces them.
            isHidden = (try? Self.checkHidden(matrix, network: network, file: file)) != nil
        case units: isHidden = true
        case network.inputWidth: isHidden = false
        default:
            throw InputError(file: file, "\(matrix.columnCount) value columns, but the network takes \(network.inputWidth) inputs and has \(units) hidden units (layers \(network.layout.widths.map(String.init).joined(separator: ","))): the shapes disagree")
        }
        var values = matrix.values
        if isHidden {
            try Self.checkHidden(matrix, network: network, file: file)
            let w = network.layout.widths[0], c = matrix.columnCount
            values = (0 ..< matrix.rowCount).flatMap { r in matrix.values[r * c ..< r * c + w] }
        }
        try self.init(network: network, start: isHidden ? .hiddenLayer(0) : .inputs, values: values,
                      labels: matrix.trueLabels, file: file)
        try checkPredictions(matrix, network: network, file: file)
    }

    /// Rows given as the values a pass from `start` takes (row-major), with their labels.
    public init(network: UnitNetwork, start: UnitNetwork.Start, values: [Double], labels: [Int], file: String? = nil) throws {
        let width = network.width(at: start)
        precondition(values.count == labels.count * width, "\(values.count) values for \(labels.count) rows of \(width)")
        var outputs: [Int] = []
        outputs.reserveCapacity(labels.count)
        for (r, label) in labels.enumerated() {
            guard let o = network.output(ofClass: label) else {
                throw InputError(file: file, "row \(r + 1): label \(label) is not one of the network's classes (\(UnitNetwork.list(network.classes)))")
            }
            outputs.append(o)
        }
        self.columns = start == .inputs ? .inputs : .hiddenActivations
        self.start = start
        self.width = width
        self.rowCount = labels.count
        self.values = values
        self.labels = labels
        self.outputs = outputs
    }

    /// Every hidden activation after the first layer equals the network's, row by row.
    @discardableResult
    static func checkHidden(_ matrix: ActivationMatrix, network: UnitNetwork, file: String) throws -> Bool {
        let first = network.layout.widths[0]
        for r in 0 ..< matrix.rowCount {
            let row = matrix.row(r)
            let pass = network.evaluate(row.prefix(first), from: .hiddenLayer(0))
            for u in first ..< network.unitCount {
                let given = row[row.startIndex + u], computed = pass.hidden[u]
                if abs(given - computed) > tolerance * max(1, abs(computed)) {
                    throw InputError(file: file, "row \(r + 1), unit \(u): the file has \(Format.exact(given)) but the network computes \(Format.short(computed)) from the row's first layer: these activations were not made by this network")
                }
            }
        }
        return true
    }

    /// The file's prediction column (if any) equals the network's prediction.
    func checkPredictions(_ matrix: ActivationMatrix, network: UnitNetwork, file: String) throws {
        guard let predicted = matrix.predictedLabels else { return }
        for r in 0 ..< rowCount {
            guard let o = network.output(ofClass: predicted[r]) else {
                throw InputError(file: file, "row \(r + 1): predicted label \(predicted[r]) is not one of the network's classes (\(UnitNetwork.list(network.classes)))")
            }
            let pass = network.evaluate(row(r), from: start)
            let z = pass.logits
            if pass.predicted != o, z[pass.predicted] - z[o] > Self.tolerance * max(1, abs(z[o])) {
                throw InputError(file: file, "row \(r + 1): the file says the network predicts \(predicted[r]) but it predicts \(network.classes[pass.predicted]) (logits \(Format.short(z[pass.predicted])) and \(Format.short(z[o]))): this network did not make the file")
            }
        }
    }
}
