import FileSupport
import Foundation

/// Activations in a `.npz` archive (`np.savez` or `np.savez_compressed`):
///
/// - `activations`: 2-D float32/float64, rows × neurons (required);
/// - `labels`: 1-D integers, one true label per row (required unless given separately);
/// - `predictions`: 1-D integers, the network's predicted label per row (optional).
///
/// Other members are ignored. Errors name the member as `archive.npz[key.npy]`.
public enum NpzFormat {
    public static let activationsKey = "activations"
    public static let labelsKey = "labels"
    public static let predictionsKey = "predictions"

    public static func read(path: String, labels separateLabels: [Int]? = nil) throws -> ActivationMatrix {
        let archive = try ZipArchive.read(path: path)
        return try activations(in: archive, labels: separateLabels)
    }

    /// The activation matrix of an archive; `separateLabels` stands in for a missing `labels` member.
    public static func activations(in archive: ZipArchive, labels separateLabels: [Int]? = nil) throws -> ActivationMatrix {
        guard let matrix = try array(activationsKey, in: archive) else {
            throw InputError(file: archive.file, "no '\(activationsKey)' array in the archive (it holds \(keys(of: archive))); see docs/data.md")
        }
        let source = "\(archive.file)[\(activationsKey).npy]"
        let matrixData = try ActivationMatrix(npy: matrix, file: source)

        let labels: [Int]
        if let array = try array(labelsKey, in: archive) {
            labels = try vector(array, rows: matrixData.rowCount, file: "\(archive.file)[\(labelsKey).npy]", what: "labels")
        } else if let separateLabels {
            labels = separateLabels
            guard labels.count == matrixData.rowCount else {
                throw InputError(file: archive.file, "\(labels.count) labels given for \(matrixData.rowCount) activation rows")
            }
        } else {
            throw InputError(file: archive.file, subject: .labels, "no '\(labelsKey)' array in the archive (it holds \(keys(of: archive))) and no labels file given")
        }
        var predictions: [Int]? = nil
        if let array = try array(predictionsKey, in: archive) {
            predictions = try vector(array, rows: matrixData.rowCount, file: "\(archive.file)[\(predictionsKey).npy]", what: "predictions")
        }
        return ActivationMatrix(rowCount: matrixData.rowCount, columnCount: matrixData.columnCount,
                                values: matrixData.values, trueLabels: labels, predictedLabels: predictions)
    }

    /// The array stored under `key` (member `key.npy`), or nil.
    public static func array(_ key: String, in archive: ZipArchive) throws -> NpyArray? {
        guard let bytes = try archive.contents(ofMemberNamed: key + ".npy") else { return nil }
        return try NpyFormat.parse(bytes, file: "\(archive.file)[\(key).npy]")
    }

    static func keys(of archive: ZipArchive) -> String {
        let names = archive.memberNames.map { $0.hasSuffix(".npy") ? String($0.dropLast(4)) : $0 }
        return names.isEmpty ? "nothing" : names.prefix(8).map { "'\(InputError.excerpt($0, limit: 40))'" }.joined(separator: ", ") + (names.count > 8 ? ", …" : "")
    }

    /// A 1-D integer vector of `rows` entries (a 2-D array with one column is accepted).
    static func vector(_ array: NpyArray, rows: Int, file: String, what: String, checkCount: Bool = true) throws -> [Int] {
        guard array.shape.count == 1 || (array.shape.count == 2 && array.shape[1] == 1) else {
            throw InputError(file: file, "\(what) have shape \(array.shapeText): expected a 1-D array")
        }
        guard !checkCount || array.count == rows else {
            throw InputError(file: file, "\(array.count) \(what) for \(rows) activation rows")
        }
        return try array.integers(file: file)
    }
}

extension ActivationMatrix {
    /// The values of a 2-D float `.npy` array, with placeholder labels (all 0) for the reader
    /// to replace. Errors: not 2-D, not float, no rows or columns, non-finite values.
    init(npy array: NpyArray, file: String) throws {
        guard array.shape.count == 2 else {
            throw InputError(file: file, "activations have shape \(array.shapeText): expected a 2-D array (rows × neurons)")
        }
        guard array.dtype.isFloatingPoint else {
            throw InputError(file: file, "activations have dtype \(array.dtype.descr): expected float32 or float64")
        }
        guard array.shape[0] > 0, array.shape[1] > 0 else {
            throw InputError(file: file, "the activation array \(array.shapeText) is empty")
        }
        try array.checkFinite(file: file)
        self.init(rowCount: array.shape[0], columnCount: array.shape[1], values: array.values,
                  trueLabels: Array(repeating: 0, count: array.shape[0]))
    }
}
