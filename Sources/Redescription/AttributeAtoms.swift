/// One attribute's values cut into *atoms* for a fixed target: maximal runs of consecutive
/// distinct values that hold only target rows, runs that hold only other rows, and single
/// values that hold both. An interval that maximizes Jaccard against the target (alone or in a
/// conjunction) can always be taken as a run of whole atoms: a bound inside a target-only run
/// moves out to the run's end (only target rows join: |∩| grows, |∪| stays), a bound inside an
/// other-only run moves in past it (only other rows leave: |∪| shrinks, |∩| stays). So the
/// free thresholds of the exact search range over atom boundaries, not over every value.
public struct AttributeAtoms: Sendable {
    /// The view's column.
    public let column: Int
    /// The atom of each row.
    public let atomOfRow: [Int]
    /// The smallest and largest value of each atom (the literal's bounds when it starts or ends there).
    public let lower: [Double], upper: [Double]
    /// Target rows and other rows in each atom.
    public let targetCount: [Int], otherCount: [Int]

    public var count: Int { lower.count }

    public init(column: Int, values: [Double], target: RowSet) {
        self.column = column
        let order = values.indices.sorted { values[$0] < values[$1] }
        // Distinct values with their target and other counts, in increasing order.
        var distinct: [(value: Double, t: Int, o: Int)] = []
        var valueIndex = [Int](repeating: 0, count: values.count)
        for r in order {
            if distinct.last?.value != values[r] { distinct.append((values[r], 0, 0)) }
            valueIndex[r] = distinct.count - 1
            if target[r] { distinct[distinct.count - 1].t += 1 } else { distinct[distinct.count - 1].o += 1 }
        }
        var atomOfValue = [Int](repeating: 0, count: distinct.count)
        var lower: [Double] = [], upper: [Double] = [], t: [Int] = [], o: [Int] = []
        for (k, d) in distinct.enumerated() {
            let cut = k == 0 || (d.t > 0 && distinct[k - 1].o > 0) || (distinct[k - 1].t > 0 && d.o > 0)
            if cut {
                lower.append(d.value); upper.append(d.value); t.append(0); o.append(0)
            }
            let a = lower.count - 1
            atomOfValue[k] = a
            upper[a] = d.value
            t[a] += d.t
            o[a] += d.o
        }
        atomOfRow = valueIndex.map { atomOfValue[$0] }
        self.lower = lower
        self.upper = upper
        targetCount = t
        otherCount = o
    }
}
