/// A validated model in column-compressed form: what backends load in one call.
///
/// Compiling checks everything a C solver would abort on (GLPK ends the process on invalid
/// input) or answer wrongly for: finite coefficients, no NaN bounds, lower ≤ upper, indices in
/// range, and data within `Model.Limits` (badly scaled data is refused; bounds of magnitude
/// ≥ 1e30 mean infinity). Repeated coefficients of one variable in one row are summed; zero
/// coefficients are dropped.
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
    /// The numbers a model may hold (docs/solvers.md, "Data limits"). GLPK and CBC abort the
    /// process (CLP asserts |cost| < 1e25 and |bounds| < 1e100; GLPK's scaling fails on a
    /// coefficient of 1e200 or 1e-200) or answer wrongly (CBC calls feasible models with 1e30
    /// in them infeasible; GLPK "proves" a non-optimal point when costs span more than about
    /// ten orders of magnitude) on badly scaled data, so `compile` refuses it before any
    /// backend sees it.
    public enum Limits {
        /// A bound or right-hand side of this magnitude or more means infinity (the convention
        /// of CPLEX's and COIN-OR's LP and MPS files, which write 1e30 for "no bound").
        public static let infinity = 1e30
        /// Every finite coefficient, cost, bound, right-hand side and the objective offset must
        /// be smaller than this in magnitude (integers up to it are exact in a double).
        public static let largest = 1e15
        /// A non-zero constraint coefficient must be at least this in magnitude.
        public static let smallestCoefficient = 1e-15
        /// The largest over the smallest non-zero |cost| must be below this.
        public static let costRange = 1e9
    }

    /// `x` with the infinity convention applied: ±infinity when |x| ≥ `Limits.infinity`.
    static func boundValue(_ x: Double) -> Double {
        x >= Limits.infinity ? .infinity : (x <= -Limits.infinity ? -.infinity : x)
    }

    /// Validates the model and builds its column-compressed matrix.
    public func compile() throws -> CompiledModel {
        let n = variables.count
        var columnNames: [String] = []
        columnNames.reserveCapacity(n)
        var kinds: [VariableKind] = [], lower: [Double] = [], upper: [Double] = [], cost: [Double] = []
        let refused = "badly scaled: finite coefficients, costs, bounds and right-hand sides must be below 1e15 in magnitude (bounds of 1e30 or more mean infinity; docs/solvers.md)"
        func checkFinite(_ x: Double, _ what: @autoclosure () -> String) throws {
            if x.isFinite, abs(x) >= Limits.largest { throw ModelError("\(what()) is \(x): \(refused)") }
        }
        /// The bounds of `what` (a variable or a row) with the infinity convention applied, checked.
        func bounds(_ lower: Double, _ upper: Double, of what: String, unsatisfiable: String) throws -> (Double, Double) {
            guard !lower.isNaN, !upper.isNaN else { throw ModelError("\(what) has a NaN bound") }
            let lo = Self.boundValue(lower), up = Self.boundValue(upper)
            try checkFinite(lo, "the lower bound of \(what)")
            try checkFinite(up, "the upper bound of \(what)")
            guard lo <= up else { throw ModelError("\(what) has lower bound \(lower) > upper bound \(upper)") }
            guard lo < .infinity, up > -.infinity else {
                let converted = lower.isFinite != lo.isFinite || upper.isFinite != up.isFinite
                throw ModelError("\(what) \(unsatisfiable) [\(lower), \(upper)]" + (converted ? " (bounds of 1e30 or more mean infinity)" : ""))
            }
            return (lo, up)
        }
        for (j, v) in variables.enumerated() {
            let label = v.name ?? "x\(j + 1)"
            let (lo, up) = try bounds(v.lower, v.upper, of: "variable \(label)", unsatisfiable: "has an empty domain")
            guard v.cost.isFinite else { throw ModelError("variable \(label) has a non-finite objective coefficient \(v.cost)") }
            try checkFinite(v.cost, "the objective coefficient of variable \(label)")
            if v.kind.isIntegral, lo.rounded(.up) > up.rounded(.down) {
                throw ModelError("integer variable \(label) has no integer in [\(v.lower), \(v.upper)]")
            }
            columnNames.append(label)
            kinds.append(v.kind)
            lower.append(lo)
            upper.append(up)
            cost.append(v.cost)
        }
        guard objectiveOffset.isFinite else { throw ModelError("objective offset is not finite") }
        try checkFinite(objectiveOffset, "the objective offset")
        try checkCostRange(cost, names: columnNames)

        // Count entries per column after merging duplicates within each row.
        var rowLower: [Double] = [], rowUpper: [Double] = [], rowNames: [String] = []
        var triples: [(row: Int, column: Int, value: Double)] = []
        var scratch = [Double](repeating: 0, count: n)
        var isTouched = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        for (i, row) in rows.enumerated() {
            let label = row.name ?? "c\(i + 1)"
            let (lo, up) = try bounds(row.lower, row.upper, of: "row \(label)", unsatisfiable: "can never be satisfied: bounds")
            for term in row.terms {
                let j = term.variable.index
                guard j >= 0, j < n else { throw ModelError("row \(label) refers to variable index \(j), but the model has \(n) variables") }
                guard term.coefficient.isFinite else { throw ModelError("row \(label) has a non-finite coefficient \(term.coefficient) on \(columnNames[j])") }
                if !isTouched[j] { isTouched[j] = true; touched.append(j) }
                scratch[j] += term.coefficient
            }
            touched.sort()
            for j in touched {
                let a = scratch[j]
                guard a.isFinite else { throw ModelError("row \(label): the coefficients on \(columnNames[j]) add up to \(a)") }
                try checkFinite(a, "the coefficient of \(columnNames[j]) in row \(label)")
                if a != 0, abs(a) < Limits.smallestCoefficient {
                    throw ModelError("the coefficient of \(columnNames[j]) in row \(label) is \(a): badly scaled: non-zero coefficients must be at least 1e-15 in magnitude (write 0 for none; docs/solvers.md)")
                }
                if a != 0 { triples.append((i, j, a)) }
                scratch[j] = 0
                isTouched[j] = false
            }
            touched.removeAll(keepingCapacity: true)
            rowLower.append(lo)
            rowUpper.append(up)
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

    /// Costs must not span `Limits.costRange` or more (GLPK 5.0 returned 4 for a 4-variable
    /// cover whose optimum is 3 once one cost was 1.5e10 and the others 1 and 2).
    private func checkCostRange(_ cost: [Double], names: [String]) throws {
        var smallest: Int?, largest: Int?
        for (j, c) in cost.enumerated() where c != 0 {
            if smallest == nil || abs(c) < abs(cost[smallest!]) { smallest = j }
            if largest == nil || abs(c) > abs(cost[largest!]) { largest = j }
        }
        guard let s = smallest, let l = largest, abs(cost[l]) >= abs(cost[s]) * Limits.costRange else { return }
        throw ModelError("objective coefficients span from \(cost[s]) (\(names[s])) to \(cost[l]) (\(names[l])): badly scaled: the largest non-zero |cost| must be less than 1e9 times the smallest (the solvers' tolerances then hide differences in the small costs; rescale the objective; docs/solvers.md)")
    }

    private func checkUniqueNames(_ names: [String], kind: String) throws {
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw ModelError("two \(kind)s are named '\(name)'")
        }
    }
}
