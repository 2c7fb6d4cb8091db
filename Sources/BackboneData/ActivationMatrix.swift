import FileSupport

/// Hidden-layer activations of a network on a data set: one row per instance, one column per
/// neuron (neurons in layer order), plus each instance's true label and what is known about
/// the network's prediction.
///
/// Values are stored flat, row-major, as `Double` (`values[r * columnCount + c]`): one
/// allocation for the whole matrix, and the same precision the authors' Python code used.
public struct ActivationMatrix: Sendable, Equatable {
    public let rowCount: Int
    public let columnCount: Int
    /// Row-major values, `rowCount * columnCount` of them, all finite.
    public private(set) var values: [Double]
    /// True class of each row.
    public private(set) var trueLabels: [Int]
    /// The network's predicted class of each row, when the input says it.
    public private(set) var predictedLabels: [Int]?
    /// Whether the network predicted each row correctly, when known without the predicted
    /// class itself: the authors' plus file (correct) and minus file (misclassified) say
    /// only that. Nil when `predictedLabels` is set (correctness follows from it).
    public private(set) var correctness: [Bool]?

    /// A matrix from its parts; sizes must agree (programming error otherwise).
    public init(rowCount: Int, columnCount: Int, values: [Double], trueLabels: [Int],
                predictedLabels: [Int]? = nil, correctness: [Bool]? = nil) {
        precondition(rowCount >= 0 && columnCount >= 0, "negative matrix size")
        precondition(values.count == rowCount * columnCount,
                     "\(values.count) values for a \(rowCount) × \(columnCount) matrix")
        precondition(trueLabels.count == rowCount, "\(trueLabels.count) labels for \(rowCount) rows")
        precondition(predictedLabels.map { $0.count == rowCount } ?? true, "prediction count differs from row count")
        precondition(correctness.map { $0.count == rowCount } ?? true, "correctness count differs from row count")
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.values = values
        self.trueLabels = trueLabels
        self.predictedLabels = predictedLabels
        self.correctness = predictedLabels == nil ? correctness : nil
    }

    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        values[row * columnCount + column]
    }

    /// The values of one row.
    public func row(_ r: Int) -> ArraySlice<Double> {
        values[r * columnCount ..< (r + 1) * columnCount]
    }

    /// Whether row `r` was predicted correctly: from the predicted label if known, else from
    /// the plus/minus origin, else nil.
    public func isCorrect(_ r: Int) -> Bool? {
        if let predictedLabels { return predictedLabels[r] == trueLabels[r] }
        return correctness?[r]
    }

    /// Whether every row's correctness is known (needed for correct/misclassified groups).
    public var knowsCorrectness: Bool { predictedLabels != nil || correctness != nil }

    /// The distinct true labels, ascending.
    public var classes: [Int] { Array(Set(trueLabels)).sorted() }

    /// Replaces (or sets) the predicted labels.
    public mutating func setPredictedLabels(_ labels: [Int]?) {
        precondition(labels.map { $0.count == rowCount } ?? true, "prediction count differs from row count")
        predictedLabels = labels
        if labels != nil { correctness = nil }
    }

    /// The authors' pair of files: `plus` rows were predicted correctly, `minus` rows were
    /// misclassified (their label is the true label; what was predicted is unknown).
    /// Rows keep their order: plus rows first, then minus rows.
    /// Throws an `InputError` naming `minusFile` when the column counts differ.
    public static func plusMinus(plus: ActivationMatrix, minus: ActivationMatrix,
                                 minusFile: String? = nil) throws -> ActivationMatrix {
        guard plus.columnCount == minus.columnCount else {
            throw InputError(file: minusFile, "the minus file has \(minus.columnCount) activation columns but the plus file has \(plus.columnCount)")
        }
        return ActivationMatrix(
            rowCount: plus.rowCount + minus.rowCount,
            columnCount: plus.columnCount,
            values: plus.values + minus.values,
            trueLabels: plus.trueLabels + minus.trueLabels,
            correctness: Array(repeating: true, count: plus.rowCount) + Array(repeating: false, count: minus.rowCount))
    }

    /// The sub-matrix of the given rows, in the given order.
    public func selecting<C: Collection>(rows: C) -> ActivationMatrix where C.Element == Int {
        var v: [Double] = []
        v.reserveCapacity(rows.count * columnCount)
        for r in rows { v.append(contentsOf: row(r)) }
        return ActivationMatrix(
            rowCount: rows.count, columnCount: columnCount, values: v,
            trueLabels: rows.map { trueLabels[$0] },
            predictedLabels: predictedLabels.map { p in rows.map { p[$0] } },
            correctness: correctness.map { c in rows.map { c[$0] } })
    }
}
