/// A redescription found by the heuristic miner: a query on each view, their rows and measures.
public struct MinedRedescription: Sendable, Hashable {
    public var left: Query, right: Query
    public var leftRows: RowSet, rightRows: RowSet
    public var measures: RedescriptionMeasures

    public init(left: Query, right: Query, leftRows: RowSet, rightRows: RowSet) {
        self.left = left
        self.right = right
        self.leftRows = leftRows
        self.rightRows = rightRows
        measures = RedescriptionMeasures(left: leftRows, right: rightRows)
    }

    /// The record of an ExItNeRdoM `.rr` file (`W1R` the left query, `W2R` the right one; the
    /// p-value theirs, `P(X > |∩|)`), ids from `view` (either view: they share the ids).
    public func record(ids view: View) -> RRRecord {
        RRRecord(left: left, right: right, jaccard: measures.jaccard, pValue: measures.pValueExitnerdom.value,
                 intersection: measures.intersection, union: measures.union,
                 intersectionIDs: view.ids(of: leftRows.intersection(rightRows)), unionIDs: view.ids(of: leftRows.union(rightRows)))
    }
}
