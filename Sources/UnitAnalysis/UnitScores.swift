import BackboneData
import FileSupport

/// Per-instance (or per-patch) unit scores written by any framework, as a CSV file with a
/// header: a `label` column (the true class), an optional integer `instance` column (rows of
/// one instance — its patches — share it; default: the row number, 0-based), and one column
/// per unit in unit order. The scores are ranked as relevances are (`TopUnits`).
public struct UnitScores: Sendable {
    public let instances: [Int]
    public let labels: [Int]
    /// One row of `unitCount` scores per transaction.
    public let scores: [[Double]]
    public let unitCount: Int

    public static let instanceColumn = "instance"

    public static func read(path: String) throws -> UnitScores {
        let header = try CSVFormat.header(path: path)
        let hasInstance = header.contains(instanceColumn)
        // The CSV reader's prediction column is an integer column found by name: it carries the ids.
        let matrix = try CSVFormat.read(path: path, columns: .init(label: "label", prediction: hasInstance ? instanceColumn : nil))
        return UnitScores(instances: matrix.predictedLabels ?? Array(0 ..< matrix.rowCount), labels: matrix.trueLabels,
                          scores: (0 ..< matrix.rowCount).map { Array(matrix.row($0)) }, unitCount: matrix.columnCount)
    }
}
