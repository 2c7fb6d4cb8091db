import FileSupport
import Mining

/// Turns an activation matrix into a transaction database (one transaction per row, items =
/// activated neuron ids), by a `BinarizationRule`.
public enum Binarizer {
    /// The result of binarizing: the transactions and what the rule decided on the way.
    public struct Result: Sendable, Equatable {
        public let database: TransactionDatabase
        public let layout: LayerLayout
        public let rule: BinarizationRule
        /// Neurons kept per layer by the ranking rules (`reference`, `topK`); nil otherwise.
        public let keptPerLayer: [Int]?
        /// Per-neuron cut-offs of the `quantile` rule; nil otherwise.
        public let quantiles: [Double]?
        /// Things the caller should tell the user (a layer with no items, ignored weights, …).
        public let warnings: [String]
    }

    /// The authors' neurons per layer: `floor(k · w_l / n)`. With k = 50: 256,32 → 44,5 and
    /// 80,60,40,30,20 → 17,13,8,6,4. A `k` above `n` keeps every layer whole, as `k = n` does
    /// (the binarizer caps each count at its layer's width anyway), so `k` is capped at `n`
    /// and the product is taken in double width: no overflow for any `k`.
    public static func referenceCounts(k: Int, widths: [Int]) -> [Int] {
        let n = widths.reduce(0, +)
        guard n > 0 else { return widths.map { _ in 0 } }
        let k = Swift.min(Swift.max(k, 0), n)
        return widths.map { w in
            let product = k.multipliedFullWidth(by: w)  // floor division of non-negative operands
            return n.dividingFullWidth(product).quotient
        }
    }

    /// Binarizes every row of `matrix`.
    ///
    /// - `weights`: per-neuron weights for the ranking rules (nil = all 1); ignored, with a
    ///   warning, by `threshold` and `quantile`.
    /// - `ties`: which of two equal weighted activations ranks higher.
    /// - `rows`: when given (one flag per row), only the rows flagged are binarized and every
    ///   other row becomes an empty transaction, so row indices still name the same instances.
    ///   A flagged row's transaction is the same as without `rows` (the quantile cut-offs still
    ///   come from every row).
    /// Throws `InputError` when the layout, weights or rule parameter do not fit the data.
    public static func binarize(_ matrix: ActivationMatrix, layout: LayerLayout, weights: NeuronWeights? = nil,
                                rule: BinarizationRule, ties: TieBreak = .lowerIndexFirst,
                                rows: [Bool]? = nil) throws -> Result {
        try layout.checkInput(columnCount: matrix.columnCount)
        precondition(rows == nil || rows!.count == matrix.rowCount, "one row flag per row")
        try weights?.check(neuronCount: matrix.columnCount)
        var warnings: [String] = []
        if weights != nil && !rule.usesWeights {
            warnings.append("neuron weights are not used by the \(rule.description) rule (it compares raw activations)")
        }
        switch rule {
        case .reference(let k), .topK(let k):
            guard k >= 1 else { throw InputError("k must be at least 1, got \(k)") }
            var counts: [Int]
            if case .reference = rule {
                counts = referenceCounts(k: k, widths: layout.widths)
                for (l, c) in counts.enumerated() where c == 0 {
                    warnings.append("layer \(l + 1) (width \(layout.widths[l])) keeps floor(\(k)·\(layout.widths[l])/\(layout.neuronCount)) = 0 neurons: it contributes no items, so no transaction is layer-complete; raise k")
                }
            } else {
                counts = layout.widths.map { Swift.min(k, $0) }
            }
            for (l, c) in counts.enumerated() where c >= layout.widths[l] && layout.widths[l] > 0 {
                counts[l] = layout.widths[l]
                warnings.append("layer \(l + 1) has \(layout.widths[l]) neurons and all are kept (k = \(k)): every transaction holds the whole layer")
            }
            let db = topK(matrix, layout: layout, counts: counts, weights: weights?.values, ties: ties, rows: rows)
            return Result(database: db, layout: layout, rule: rule, keptPerLayer: counts, quantiles: nil, warnings: warnings)
        case .threshold(let tau):
            guard tau.isFinite else { throw InputError("the threshold must be a finite number, got \(tau)") }
            var db = TransactionDatabase(itemCount: matrix.columnCount)
            var items: [Int] = []
            for r in 0..<matrix.rowCount {
                items.removeAll(keepingCapacity: true)
                if let rows, !rows[r] { db.append(items); continue }
                let base = r * matrix.columnCount
                for j in 0..<matrix.columnCount where matrix.values[base + j] > tau { items.append(j) }
                db.append(items)
            }
            return Result(database: db, layout: layout, rule: rule, keptPerLayer: nil, quantiles: nil, warnings: warnings)
        case .quantile(let q):
            guard q >= 0, q <= 1 else { throw InputError("the quantile must lie in [0, 1], got \(q)") }
            let cuts = quantiles(of: matrix, q: q)
            var db = TransactionDatabase(itemCount: matrix.columnCount)
            var items: [Int] = []
            for r in 0..<matrix.rowCount {
                items.removeAll(keepingCapacity: true)
                if let rows, !rows[r] { db.append(items); continue }
                let base = r * matrix.columnCount
                for j in 0..<matrix.columnCount where matrix.values[base + j] > cuts[j] { items.append(j) }
                db.append(items)
            }
            return Result(database: db, layout: layout, rule: rule, keptPerLayer: nil, quantiles: cuts, warnings: warnings)
        }
    }

    /// The `q`-quantile of every column: sorting the column's `N` values ascending as
    /// `x[0] ≤ … ≤ x[N-1]`, with `h = (N-1)·q`, it is `x[⌊h⌋] + (h-⌊h⌋)·(x[⌊h⌋+1] - x[⌊h⌋])`
    /// (linear interpolation, NumPy's default and Hyndman–Fan type 7). `q = 0.5` is the median;
    /// `q = 1` is the maximum, so no row is strictly above it.
    public static func quantiles(of matrix: ActivationMatrix, q: Double) -> [Double] {
        precondition(q >= 0 && q <= 1, "quantile outside [0, 1]")
        let n = matrix.rowCount
        guard n > 0 else { return Array(repeating: 0, count: matrix.columnCount) }
        var column = [Double](repeating: 0, count: n)
        var cuts: [Double] = []
        cuts.reserveCapacity(matrix.columnCount)
        for j in 0..<matrix.columnCount {
            for r in 0..<n { column[r] = matrix.values[r * matrix.columnCount + j] }
            column.sort()
            let h = Double(n - 1) * q
            let lo = Int(h.rounded(.down))
            let hi = Swift.min(lo + 1, n - 1)
            cuts.append(column[lo] + (h - Double(lo)) * (column[hi] - column[lo]))
        }
        return cuts
    }

    /// For each row and layer, the `counts[l]` neurons of highest weighted activation (rows not
    /// flagged in `rows`, when given, are left empty).
    ///
    /// A bounded heap keeps the current best `m` (worst at the root), so a layer costs
    /// O(w log m) rather than a full sort.
    static func topK(_ matrix: ActivationMatrix, layout: LayerLayout, counts: [Int], weights: [Double]?,
                     ties: TieBreak, rows: [Bool]? = nil) -> TransactionDatabase {
        var db = TransactionDatabase(itemCount: matrix.columnCount)
        let maxCount = counts.max() ?? 0
        var heapValue = [Double](repeating: 0, count: maxCount)
        var heapIndex = [Int](repeating: 0, count: maxCount)
        var items: [Int] = []
        items.reserveCapacity(counts.reduce(0, +))
        let lowerFirst = ties == .lowerIndexFirst

        // `a` ranks below `b`: smaller value, or equal value and losing the tie.
        @inline(__always) func worse(_ av: Double, _ ai: Int, _ bv: Double, _ bi: Int) -> Bool {
            av < bv || (av == bv && (lowerFirst ? ai > bi : ai < bi))
        }

        for r in 0..<matrix.rowCount {
            items.removeAll(keepingCapacity: true)
            if let rows, !rows[r] { db.append(items); continue }
            let base = r * matrix.columnCount
            for l in 0..<layout.layerCount {
                let m = counts[l]
                let range = layout.range(ofLayer: l)
                if m == 0 { continue }
                if m >= range.count { items.append(contentsOf: range); continue }
                var size = 0
                for j in range {
                    let v = weights.map { matrix.values[base + j] * $0[j] } ?? matrix.values[base + j]
                    if size < m {
                        // Sift up.
                        var c = size
                        size += 1
                        while c > 0 {
                            let p = (c - 1) / 2
                            guard worse(v, j, heapValue[p], heapIndex[p]) else { break }
                            heapValue[c] = heapValue[p]; heapIndex[c] = heapIndex[p]
                            c = p
                        }
                        heapValue[c] = v; heapIndex[c] = j
                    } else if worse(heapValue[0], heapIndex[0], v, j) {
                        // Replace the root, sift down.
                        var c = 0
                        while true {
                            var child = 2 * c + 1
                            if child >= m { break }
                            if child + 1 < m, worse(heapValue[child + 1], heapIndex[child + 1], heapValue[child], heapIndex[child]) {
                                child += 1
                            }
                            guard worse(heapValue[child], heapIndex[child], v, j) else { break }
                            heapValue[c] = heapValue[child]; heapIndex[c] = heapIndex[child]
                            c = child
                        }
                        heapValue[c] = v; heapIndex[c] = j
                    }
                }
                items.append(contentsOf: heapIndex[0..<m])
            }
            db.append(items)
        }
        return db
    }
}
