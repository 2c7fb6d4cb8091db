/// A conjunction of interval literals on one view, as atom ranges: the candidate the exact
/// search starts from, and what it decodes its solutions into.
public struct AtomConjunction: Hashable, Sendable {
    /// (index into the searched attributes, first atom, last atom), by attribute.
    public var literals: [Literal]

    public struct Literal: Hashable, Sendable {
        public var attribute: Int
        public var first: Int, last: Int
    }

    public init(literals: [Literal]) { self.literals = literals.sorted { $0.attribute < $1.attribute } }

    /// The rows it holds.
    func rows(_ atoms: [AttributeAtoms], rowCount: Int) -> RowSet {
        var set = RowSet(count: rowCount, full: true)
        for l in literals {
            var keep = RowSet(count: rowCount)
            for (r, a) in atoms[l.attribute].atomOfRow.enumerated() where a >= l.first && a <= l.last { keep.insert(r) }
            set = set.intersection(keep)
        }
        return set
    }

    /// The query on `view`: one literal per attribute, bounds the atoms' extreme values; with
    /// no literal, a literal holding every row (the whole range of the first attribute).
    func query(_ atoms: [AttributeAtoms], view: View) -> Query {
        let parts = literals.map { l in
            Query.literal(IntervalLiteral(attribute: view.attributes[atoms[l.attribute].column],
                                          lower: atoms[l.attribute].lower[l.first], upper: atoms[l.attribute].upper[l.last]))
        }
        if parts.count == 1 { return parts[0] }
        if parts.isEmpty, let a = atoms.first {
            return .literal(IntervalLiteral(attribute: view.attributes[a.column], lower: a.lower[0], upper: a.upper[a.count - 1]))
        }
        return .and(parts)
    }
}

/// A beam search over conjunctions of at most `maxLiterals` intervals: each step adds to each
/// kept candidate the best interval (exact, over atom ranges) on each unused attribute, and
/// keeps the `width` best. Fast and usually optimal or close: the exact search's start.
enum GreedyConjunction {
    static func search(atoms: [AttributeAtoms], target: RowSet, maxLiterals: Int, minimumSupport: Int,
                       width: Int = 4) -> (AtomConjunction, intersection: Int, union: Int) {
        let n = target.count, a = target.cardinality
        var best = (AtomConjunction(literals: []), a, n)   // every row: |∩| = a, |∪| = n
        var beam = [(conjunction: AtomConjunction(literals: []), rows: RowSet(count: n, full: true))]
        for _ in 0..<maxLiterals {
            var next: [(AtomConjunction, RowSet, Int, Int)] = []
            for (conjunction, rows) in beam {
                let used = Set(conjunction.literals.map(\.attribute))
                for (i, atom) in atoms.enumerated() where !used.contains(i) {
                    guard let (first, last, inter, other) = bestInterval(atom, within: rows, target: target, targetSize: a,
                                                                         minimumSupport: minimumSupport) else { continue }
                    let c = AtomConjunction(literals: conjunction.literals + [.init(attribute: i, first: first, last: last)])
                    next.append((c, c.rows(atoms, rowCount: n), inter, a + other))
                }
            }
            guard !next.isEmpty else { break }
            // Best ratio first (exact comparison of fractions), then fewer rows in the union.
            next.sort { $0.2 * $1.3 > $1.2 * $0.3 || ($0.2 * $1.3 == $1.2 * $0.3 && $0.3 < $1.3) }
            var seen: Set<RowSet> = []
            beam = []
            for c in next where seen.insert(c.1).inserted && beam.count < width { beam.append((c.0, c.1)) }
            if next[0].2 * best.2 > best.1 * next[0].3 { best = (next[0].0, next[0].2, next[0].3) }
        }
        return best
    }

    /// The interval of atoms maximizing `|∩| / |∪|` among the rows of `within`, with `|∩| ≥
    /// minimumSupport`: (first atom, last atom, |∩|, other rows kept); nil when none qualifies.
    static func bestInterval(_ atom: AttributeAtoms, within: RowSet, target: RowSet, targetSize a: Int,
                             minimumSupport: Int) -> (Int, Int, Int, Int)? {
        var t = [Int](repeating: 0, count: atom.count), o = t
        for r in within.rows { if target[r] { t[atom.atomOfRow[r]] += 1 } else { o[atom.atomOfRow[r]] += 1 } }
        var best: (Int, Int, Int, Int)?
        for first in 0..<atom.count where t[first] > 0 {
            var inter = 0, other = 0
            for last in first..<atom.count {
                inter += t[last]
                other += o[last]
                guard t[last] > 0, inter >= max(1, minimumSupport) else { continue }
                if let b = best, inter * (a + b.3) <= b.2 * (a + other) { continue }
                best = (first, last, inter, other)
            }
        }
        return best
    }
}
