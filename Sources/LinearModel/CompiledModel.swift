/// A validated model in column-compressed form: what backends load in one call.
///
/// Compiling checks everything a C solver would abort on (GLPK ends the process on invalid
/// input): finite coefficients, no NaN bounds, lower ≤ upper, indices in range. Repeated
/// coefficients of one variable in one row are summed; zero coefficients are dropped.
public struct CompiledModel: Sendable, Equatable {
    public let name: String
    public let sense: ObjectiveSense
    public let objectiveOffset: Double
    public let columnNames: [String]
    public let rowNames: [String]
    public let kinds: [VariableKind]
    public let columnLower: [Double]
    public let columnUpper: [Double]
    public let cost: [Double]
    public let rowLower: [Double]
    public let rowUpper: [Double]
    /// Column `j` has its non-zeros at `columnStart[j] ..< columnStart[j+1]`.
    public let columnStart: [Int]
    public let rowIndex: [Int]
    public let value: [Double]

    public var columnCount: Int { kinds.count }
    public var rowCount: Int { rowLower.count }
    public var nonzeroCount: Int { value.count }
    public var integerCount: Int { kinds.reduce(0) { $0 + ($1.isIntegral ? 1 : 0) } }

    /// Row-wise view: for each row, its (column, value) pairs in column order.
    public func rowWise() -> [[(column: Int, value: Double)]] {
        var rows = [[(column: Int, value: Double)]](repeating: [], count: rowCount)
        for j in 0..<columnCount {
            for k in columnStart[j] ..< columnStart[j + 1] { rows[rowIndex[k]].append((j, value[k])) }
        }
        return rows
    }

    /// Objective value of a point (including the offset).
    public func objective(of x: [Double]) -> Double {
        var total = objectiveOffset
        for j in 0..<columnCount { total += cost[j] * x[j] }
        return total
    }

    /// The largest violation of bounds, rows and integrality by `x` (0 when feasible).
    public func maxViolation(of x: [Double]) -> Double {
        precondition(x.count == columnCount)
        var worst = 0.0
        var activity = [Double](repeating: 0, count: rowCount)
        for j in 0..<columnCount {
            worst = max(worst, columnLower[j] - x[j], x[j] - columnUpper[j])
            if kinds[j].isIntegral { worst = max(worst, abs(x[j] - x[j].rounded())) }
            for k in columnStart[j] ..< columnStart[j + 1] { activity[rowIndex[k]] += value[k] * x[j] }
        }
        for i in 0..<rowCount { worst = max(worst, rowLower[i] - activity[i], activity[i] - rowUpper[i]) }
        return worst
    }
}

/// A model that cannot be handed to a solver, and why.
public struct ModelError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "invalid model: " + message }
}

extension Model {
    /// Validates the model and builds its column-compressed matrix.
    public func compile() throws -> CompiledModel {
        let n = variables.count
        var columnNames: [String] = []
        columnNames.reserveCapacity(n)
        var kinds: [VariableKind] = [], lower: [Double] = [], upper: [Double] = [], cost: [Double] = []
        for (j, v) in variables.enumerated() {
            let label = v.name ?? "x\(j + 1)"
            guard !v.lower.isNaN, !v.upper.isNaN else { throw ModelError("variable \(label) has a NaN bound") }
            guard v.lower <= v.upper else { throw ModelError("variable \(label) has lower bound \(v.lower) > upper bound \(v.upper)") }
            guard v.lower < .infinity, v.upper > -.infinity else { throw ModelError("variable \(label) has an empty domain [\(v.lower), \(v.upper)]") }
            guard v.cost.isFinite else { throw ModelError("variable \(label) has a non-finite objective coefficient \(v.cost)") }
            if v.kind.isIntegral, v.lower.rounded(.up) > v.upper.rounded(.down) {
                throw ModelError("integer variable \(label) has no integer in [\(v.lower), \(v.upper)]")
            }
            columnNames.append(label)
            kinds.append(v.kind)
            lower.append(v.lower)
            upper.append(v.upper)
            cost.append(v.cost)
        }
        guard objectiveOffset.isFinite else { throw ModelError("objective offset is not finite") }

        // Count entries per column after merging duplicates within each row.
        var rowLower: [Double] = [], rowUpper: [Double] = [], rowNames: [String] = []
        var triples: [(row: Int, column: Int, value: Double)] = []
        var scratch = [Double](repeating: 0, count: n)
        var isTouched = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        for (i, row) in rows.enumerated() {
            let label = row.name ?? "c\(i + 1)"
            guard !row.lower.isNaN, !row.upper.isNaN else { throw ModelError("row \(label) has a NaN bound") }
            guard row.lower <= row.upper else { throw ModelError("row \(label) has lower bound \(row.lower) > upper bound \(row.upper)") }
            guard row.lower < .infinity, row.upper > -.infinity else { throw ModelError("row \(label) can never be satisfied: bounds [\(row.lower), \(row.upper)]") }
            for term in row.terms {
                let j = term.variable.index
                guard j >= 0, j < n else { throw ModelError("row \(label) refers to variable index \(j), but the model has \(n) variables") }
                guard term.coefficient.isFinite else { throw ModelError("row \(label) has a non-finite coefficient \(term.coefficient) on \(columnNames[j])") }
                if !isTouched[j] { isTouched[j] = true; touched.append(j) }
                scratch[j] += term.coefficient
            }
            touched.sort()
            for j in touched {
                if scratch[j] != 0 { triples.append((i, j, scratch[j])) }
                scratch[j] = 0
                isTouched[j] = false
            }
            touched.removeAll(keepingCapacity: true)
            rowLower.append(row.lower)
            rowUpper.append(row.upper)
            rowNames.append(label)
        }
        try checkUniqueNames(columnNames, kind: "variable")
        try checkUniqueNames(rowNames, kind: "row")

        var start = [Int](repeating: 0, count: n + 1)
        for t in triples { start[t.column + 1] += 1 }
        for j in 0..<n { start[j + 1] += start[j] }
        var fill = start
        var rowIndex = [Int](repeating: 0, count: triples.count)
        var value = [Double](repeating: 0, count: triples.count)
        for t in triples {  // triples are in row order, so each column's rows come out ascending
            rowIndex[fill[t.column]] = t.row
            value[fill[t.column]] = t.value
            fill[t.column] += 1
        }
        return CompiledModel(name: name, sense: sense, objectiveOffset: objectiveOffset,
                             columnNames: columnNames, rowNames: rowNames, kinds: kinds,
                             columnLower: lower, columnUpper: upper, cost: cost,
                             rowLower: rowLower, rowUpper: rowUpper,
                             columnStart: start, rowIndex: rowIndex, value: value)
    }

    private func checkUniqueNames(_ names: [String], kind: String) throws {
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw ModelError("two \(kind)s are named '\(name)'")
        }
    }
}
