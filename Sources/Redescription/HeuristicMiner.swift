import FileSupport

/// A ReReMi-style heuristic miner (Galbrun & Miettinen's greedy redescription mining, as in
/// `python-clired`): the best initial pairs of literals (one per view), then, from each pair, a
/// beam that adds one literal at a time to either side, with AND or OR, optionally negated,
/// and keeps an extension only when it raises the Jaccard. Literals come from `LiteralPool`s
/// (runs of a discretization's bins), so thresholds are the discretization's. Fast: each
/// extension is scored from three counts (`|S ∩ ℓ|`, `|I ∩ ℓ|`, `|O ∩ ℓ|`) on 64-bit words.
public enum HeuristicMiner {
    public struct Settings: Sendable, Equatable {
        /// Literals per query, at most (left and right).
        public var maxLeftLiterals: Int, maxRightLiterals: Int
        /// Every kept candidate: `|∩| ≥ minimumSupport`, `n − |∪| ≥ minimumUncovered`.
        public var minimumSupport: Int, minimumUncovered: Int
        /// Final filters: Jaccard at least this, ReReMi's p-value `P(X ≥ |∩|)` at most this.
        public var minimumJaccard: Double, maximumPValue: Double
        /// Initial pairs expanded (the best by Jaccard), and candidates kept per step.
        public var initialPairs: Int, beamWidth: Int
        public var negation: Bool, disjunction: Bool
        /// Redescriptions returned (the best, distinct by their two row sets).
        public var results: Int

        public init(maxLeftLiterals: Int = 1, maxRightLiterals: Int = 2, minimumSupport: Int = 10, minimumUncovered: Int = 0,
                    minimumJaccard: Double = 0, maximumPValue: Double = 1, initialPairs: Int = 100, beamWidth: Int = 4,
                    negation: Bool = true, disjunction: Bool = true, results: Int = 10) {
            self.maxLeftLiterals = maxLeftLiterals
            self.maxRightLiterals = maxRightLiterals
            self.minimumSupport = minimumSupport
            self.minimumUncovered = minimumUncovered
            self.minimumJaccard = minimumJaccard
            self.maximumPValue = maximumPValue
            self.initialPairs = initialPairs
            self.beamWidth = beamWidth
            self.negation = negation
            self.disjunction = disjunction
            self.results = results
        }

        /// Whether a redescription passes every filter of the miner: support, rows outside the
        /// union, Jaccard and ReReMi's p-value (an exact search's improvement is checked by it).
        public func accepts(_ m: RedescriptionMeasures) -> Bool {
            m.intersection >= minimumSupport && m.rowCount - m.union >= minimumUncovered
                && m.jaccard >= minimumJaccard && m.pValueReReMi.value <= maximumPValue
        }
    }

    /// One side of a candidate.
    struct Side: Hashable {
        var query: Query
        var rows: RowSet
        var size: Int
        var literals: Int
    }

    struct Candidate {
        var sides: [Side]   // 0 left, 1 right
        var intersection: Int
        var union: Int { sides[0].size + sides[1].size - intersection }
        /// `a/b > c/d` exactly.
        func better(than other: Candidate) -> Bool { intersection * other.union > other.intersection * union }
        var key: [RowSet] { [sides[0].rows, sides[1].rows] }
    }

    enum Operation: CaseIterable { case and, andNot, or, orNot }

    /// Mines redescriptions between the pools' views (same rows). The result is sorted by
    /// Jaccard (then fewer literals), passes every filter, and is empty when nothing does.
    public static func mine(left: LiteralPool, right: LiteralPool, settings: Settings) throws -> [MinedRedescription] {
        let n = left.rowCount
        guard right.rowCount == n else { throw InputError("the two views have \(n) and \(right.rowCount) rows: they must describe the same instances") }
        guard !left.entries.isEmpty, !right.entries.isEmpty else { throw InputError("no literal on one side: every attribute is constant under this binning") }
        let pools = [left, right], maxLiterals = [settings.maxLeftLiterals, settings.maxRightLiterals]
        func admissible(_ inter: Int, _ union: Int) -> Bool { inter >= settings.minimumSupport && n - union >= settings.minimumUncovered }

        // Initial pairs: every (left literal, right literal), the best `initialPairs` by Jaccard.
        var pairs: [(Int, Int, Int, Int)] = []   // (left, right, |∩|, |∪|)
        for (i, l) in left.entries.enumerated() {
            for (j, r) in right.entries.enumerated() {
                let inter = l.rows.intersectionCount(r.rows), union = l.size + r.size - inter
                if admissible(inter, union) { pairs.append((i, j, inter, union)) }
            }
        }
        pairs.sort { a, b in
            a.2 * b.3 != b.2 * a.3 ? a.2 * b.3 > b.2 * a.3 : (a.0, a.1) < (b.0, b.1)
        }
        var found: [[RowSet]: Candidate] = [:]
        var order: [[RowSet]] = []
        func record(_ c: Candidate) {
            if found[c.key] == nil { order.append(c.key) }
            if let old = found[c.key], old.sides[0].literals + old.sides[1].literals <= c.sides[0].literals + c.sides[1].literals { return }
            found[c.key] = c
        }
        var expanded = 0
        for (i, j, inter, _) in pairs {
            if expanded >= settings.initialPairs { break }
            let l = left.entries[i], r = right.entries[j]
            guard significant(inter, l.size, r.size, n: n, settings) else { continue }
            expanded += 1
            let start = Candidate(sides: [Side(query: left.query(i), rows: l.rows, size: l.size, literals: 1),
                                          Side(query: right.query(j), rows: r.rows, size: r.size, literals: 1)], intersection: inter)
            if found[start.key] != nil { continue }   // not amnesic: a pair already reached is not expanded again
            record(start)
            var beam = [start]
            while true {
                var next: [Candidate] = []
                for c in beam {
                    for s in 0..<2 where c.sides[s].literals < maxLiterals[s] {
                        next += extensions(of: c, side: s, pool: pools[s], settings: settings, admissible: admissible)
                    }
                }
                guard !next.isEmpty else { break }
                // Keep the best `beamWidth` distinct candidates of the old beam and the extensions.
                var all = beam + next
                all = all.enumerated().sorted { a, b in
                    a.element.better(than: b.element) ? true : b.element.better(than: a.element) ? false : a.offset < b.offset
                }.map(\.element)
                var seen: Set<[RowSet]> = [], newBeam: [Candidate] = []
                for c in all where newBeam.count < settings.beamWidth && seen.insert(c.key).inserted { newBeam.append(c) }
                let changed = Set(newBeam.map(\.key)) != Set(beam.map(\.key))
                newBeam.forEach(record)
                beam = newBeam
                if !changed { break }
            }
        }
        var out: [MinedRedescription] = []
        let ranked = order.compactMap { found[$0] }.enumerated().sorted { a, b in
            if a.element.better(than: b.element) { return true }
            if b.element.better(than: a.element) { return false }
            let la = a.element.sides[0].literals + a.element.sides[1].literals, lb = b.element.sides[0].literals + b.element.sides[1].literals
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
        for c in ranked where out.count < settings.results {
            // The filters first, then the best `results` of those that pass.
            let m = RedescriptionMeasures(left: c.sides[0].rows, right: c.sides[1].rows)
            guard settings.accepts(m) else { continue }
            out.append(MinedRedescription(left: c.sides[0].query, right: c.sides[1].query, leftRows: c.sides[0].rows, rightRows: c.sides[1].rows))
        }
        return out
    }

    /// The extensions of `c` on side `s` by one literal of `pool` that raise its Jaccard: for
    /// each literal the best of AND, AND NOT, OR, OR NOT (those allowed).
    static func extensions(of c: Candidate, side s: Int, pool: LiteralPool, settings: Settings,
                           admissible: (Int, Int) -> Bool) -> [Candidate] {
        let n = pool.rowCount, S = c.sides[s].rows, O = c.sides[1 - s].rows, I = S.intersection(O)
        let sSize = c.sides[s].size, oSize = c.sides[1 - s].size, iSize = c.intersection
        let ops = Operation.allCases.filter { op in
            (settings.negation || (op != .andNot && op != .orNot)) && (settings.disjunction || (op != .or && op != .orNot))
        }
        var scored: [(k: Int, op: Operation, size: Int, inter: Int, union: Int)] = []
        for (k, e) in pool.entries.enumerated() {
            let a = S.intersectionCount(e.rows), b = I.intersectionCount(e.rows), cO = O.intersectionCount(e.rows)
            var best: (k: Int, op: Operation, size: Int, inter: Int, union: Int)?
            for op in ops {
                let (size, inter): (Int, Int)
                switch op {
                case .and: (size, inter) = (a, b)
                case .andNot: (size, inter) = (sSize - a, iSize - b)
                case .or: (size, inter) = (sSize + e.size - a, iSize + cO - b)
                case .orNot: (size, inter) = (n - e.size + a, oSize - cO + b)
                }
                let union = size + oSize - inter
                guard size > 0, size < n, size != sSize || inter != iSize, admissible(inter, union) else { continue }
                // Raises the Jaccard: inter/union > iSize/c.union.
                guard inter * c.union > iSize * union else { continue }
                if let bb = best, inter * bb.union <= bb.inter * union { continue }
                best = (k, op, size, inter, union)
            }
            if let best { scored.append(best) }
        }
        // Only the best few can enter the beam: build those (significant ones, when a p-value bound is set).
        scored.sort { x, y in x.inter * y.union != y.inter * x.union ? x.inter * y.union > y.inter * x.union : x.k < y.k }
        var kept: [(k: Int, op: Operation, size: Int, inter: Int, union: Int)] = []
        for x in scored where kept.count < 2 * settings.beamWidth && significant(x.inter, x.size, oSize, n: n, settings) { kept.append(x) }
        return kept.map { x in
            let e = pool.entries[x.k], literal = pool.query(x.k), side = c.sides[s]
            let rows: RowSet, query: Query
            switch x.op {
            case .and: rows = S.intersection(e.rows); query = conjoin(side.query, literal)
            case .andNot: rows = S.intersection(e.rows.complement); query = conjoin(side.query, .not(literal))
            case .or: rows = S.union(e.rows); query = disjoin(side.query, literal)
            case .orNot: rows = S.union(e.rows.complement); query = disjoin(side.query, .not(literal))
            }
            var sides = c.sides
            sides[s] = Side(query: query, rows: rows, size: x.size, literals: side.literals + 1)
            return Candidate(sides: sides, intersection: x.inter)
        }
    }

    /// ReReMi's p-value `P(X ≥ |∩|)` within `maximumPValue` (always, when that is 1): candidates
    /// that fail it are neither expanded nor kept in the beam, as ReReMi prunes them.
    static func significant(_ inter: Int, _ a: Int, _ b: Int, n: Int, _ settings: Settings) -> Bool {
        settings.maximumPValue >= 1
            || RedescriptionMeasures(rowCount: n, leftSupport: a, rightSupport: b, intersection: inter).pValueReReMi.value <= settings.maximumPValue
    }

    /// `q AND x`, flattening a conjunction on the left (so `a AND b AND c`, not nested).
    static func conjoin(_ q: Query, _ x: Query) -> Query {
        if case let .and(qs) = q { return .and(qs + [x]) }
        return .and([q, x])
    }

    static func disjoin(_ q: Query, _ x: Query) -> Query {
        if case let .or(qs) = q { return .or(qs + [x]) }
        return .or([q, x])
    }
}
