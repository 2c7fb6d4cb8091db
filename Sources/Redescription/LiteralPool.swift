/// The literals a heuristic miner may use on one view: for each attribute, every run of
/// consecutive bins of a `Discretization` (`[lower of bin i, upper of bin j]`, i ≤ j), except the
/// run of all bins (it holds every row). Thresholds thus come from the discretization only, as in
/// ExItNeRdoM (their bins) and as `python-clired` sees data coded by bin. Literals on one
/// attribute with the same rows are kept once (the narrowest first).
public struct LiteralPool: Sendable {
    public struct Entry: Sendable {
        public var literal: IntervalLiteral
        /// The view's column.
        public var column: Int
        public var rows: RowSet
        public var size: Int

        public init(literal: IntervalLiteral, column: Int, rows: RowSet, size: Int) {
            self.literal = literal
            self.column = column
            self.rows = rows
            self.size = size
        }
    }

    public var entries: [Entry]
    public var rowCount: Int

    public init(entries: [Entry], rowCount: Int) {
        self.entries = entries
        self.rowCount = rowCount
    }

    /// The pool of `view`'s columns `columns` (all by default), cut by `binning`.
    public init(view: View, binning: Discretization, columns: [Int]? = nil) {
        rowCount = view.rowCount
        entries = []
        for j in columns ?? Array(view.columns.indices) {
            let values = view.columns[j], bins = binning.bins(values)
            guard bins.count > 1 else { continue }
            var seen: Set<RowSet> = [RowSet(count: rowCount), RowSet(count: rowCount, full: true)]
            // One pass over the column per bin; a run of bins i…i+w−1 is then the run i…i+w−2
            // joined with bin i+w−1 (bins are consecutive value ranges with no data between them).
            let binRows = bins.map { bin in RowSet(count: rowCount, rows: values.indices.filter { bin.lower <= values[$0] && values[$0] <= bin.upper }) }
            var runs = binRows   // runs[i]: the rows of bins i…i+width−1
            for width in 1..<bins.count {
                if width > 1 { runs = (0...(bins.count - width)).map { runs[$0].union(binRows[$0 + width - 1]) } }
                for i in 0...(bins.count - width) {
                    let l = IntervalLiteral(attribute: view.attributes[j], lower: bins[i].lower, upper: bins[i + width - 1].upper)
                    let rows = runs[i]
                    guard seen.insert(rows).inserted else { continue }
                    entries.append(Entry(literal: l, column: j, rows: rows, size: rows.cardinality))
                }
            }
        }
    }

    /// A pool of one fixed query (a target): the miner keeps that side as it is.
    public init(fixed query: Query, rows: RowSet) {
        rowCount = rows.count
        entries = []
        if case let .literal(l) = query {
            entries = [Entry(literal: l, column: -1, rows: rows, size: rows.cardinality)]
        } else {
            fixedQuery = query
            entries = [Entry(literal: IntervalLiteral(attribute: "", lower: 0, upper: 0), column: -1, rows: rows, size: rows.cardinality)]
        }
    }

    /// Set for a pool made from a non-literal fixed query: the query its one entry stands for.
    public private(set) var fixedQuery: Query?

    func query(_ i: Int) -> Query { fixedQuery ?? .literal(entries[i].literal) }
}
