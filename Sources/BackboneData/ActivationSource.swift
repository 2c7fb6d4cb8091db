import FileSupport
import Foundation

/// The file formats activations can be read from (see docs/data.md).
public enum ActivationFormat: String, CaseIterable, Sendable {
    /// The authors' `label v1 … vn` rows, no header.
    case rows
    /// CSV with a header row and named label/prediction columns.
    case csv
    /// A 2-D `.npy` array; labels in a separate file.
    case npy
    /// A `.npz` archive with `activations`, `labels`, optional `predictions`.
    case npz

    /// The format implied by a file name: `.npy`, `.npz`, `.csv`; anything else is `rows`.
    public static func detect(path: String) -> ActivationFormat {
        switch (path as NSString).pathExtension.lowercased() {
        case "npy": return .npy
        case "npz": return .npz
        case "csv": return .csv
        default: return .rows
        }
    }
}

/// Where an activation matrix comes from and how to read it: one description for the CLI and
/// the engine, so every combination of files is checked in one place.
public struct ActivationSource: Sendable {
    public var path: String
    /// Nil: detected from `path`'s extension.
    public var format: ActivationFormat?
    /// The authors' minus file (misclassified rows) paired with `path` as the plus file.
    public var minusPath: String?
    /// True labels for `.npy` activations (or an `.npz` without a `labels` member).
    public var labelsPath: String?
    /// Predicted labels kept in a separate file (formats whose file has none).
    public var predictionsPath: String?
    /// Column names for CSV input.
    public var csvColumns: CSVFormat.Columns

    public init(path: String, format: ActivationFormat? = nil, minusPath: String? = nil,
                labelsPath: String? = nil, predictionsPath: String? = nil,
                csvColumns: CSVFormat.Columns = CSVFormat.Columns()) {
        self.path = path
        self.format = format
        self.minusPath = minusPath
        self.labelsPath = labelsPath
        self.predictionsPath = predictionsPath
        self.csvColumns = csvColumns
    }

    public var resolvedFormat: ActivationFormat { format ?? ActivationFormat.detect(path: path) }

    /// Reads and combines the files. Contradictory combinations are `InputError`s saying what to change.
    public func read() throws -> ActivationMatrix {
        let format = resolvedFormat
        if labelsPath != nil, format == .rows || format == .csv {
            throw InputError(file: labelsPath, subject: .labels, "a labels file is for .npy/.npz activations: \(format.rawValue) files hold their own labels")
        }
        var matrix: ActivationMatrix
        switch format {
        case .rows:
            matrix = try RowsFormat.read(path: path)
        case .csv:
            matrix = try CSVFormat.read(path: path, columns: csvColumns)
        case .npy:
            guard let labelsPath else {
                throw InputError(file: path, subject: .labels, ".npy activations need a labels file (.npy, or one integer per line)")
            }
            let array = try NpyFormat.read(path: path)
            let values = try ActivationMatrix(npy: array, file: path)
            let labels = try LabelFile.read(path: labelsPath, expectedCount: values.rowCount)
            matrix = ActivationMatrix(rowCount: values.rowCount, columnCount: values.columnCount,
                                      values: values.values, trueLabels: labels)
        case .npz:
            let archive = try ZipArchive.read(path: path)
            var separate: [Int]? = nil
            if let labelsPath {
                guard archive.member(named: NpzFormat.labelsKey + ".npy") == nil else {
                    throw InputError(file: labelsPath, subject: .labels, "a labels file was given but \(path) has its own '\(NpzFormat.labelsKey)' array: give one or the other")
                }
                separate = try LabelFile.read(path: labelsPath)
            }
            matrix = try NpzFormat.activations(in: archive, labels: separate)
        }

        if let minusPath {
            guard format == .rows || format == .csv else {
                throw InputError(file: minusPath, subject: .minus, "a minus file pairs two row or CSV files (the authors' plus/minus files), not \(format.rawValue) files")
            }
            guard matrix.predictedLabels == nil else {
                throw InputError(file: minusPath, subject: .minus, "a minus file marks rows as misclassified, but \(path) already has predicted labels: use one or the other")
            }
            let minus = format == .rows ? try RowsFormat.read(path: minusPath)
                                        : try CSVFormat.read(path: minusPath, columns: csvColumns)
            matrix = try ActivationMatrix.plusMinus(plus: matrix, minus: minus, minusFile: minusPath)
        }

        if let predictionsPath {
            guard matrix.predictedLabels == nil, minusPath == nil else {
                throw InputError(file: predictionsPath, subject: .predictions, "a predictions file was given but the activations already say what was predicted")
            }
            matrix.setPredictedLabels(try LabelFile.read(path: predictionsPath, expectedCount: matrix.rowCount))
        }
        return matrix
    }
}
