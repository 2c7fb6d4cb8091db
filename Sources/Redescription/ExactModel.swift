import LinearModel

/// The MILP of one Dinkelbach step: over conjunctions `q` of at most `L` intervals on the
/// searched attributes (free thresholds at atom boundaries), maximize `U₀·|T ∩ q| − I₀·|T ∪ q|`
/// with `|T ∩ q| ≥ minimum support` (and, if given, `|T ∪ q| ≤ maximumUnion`), for the current ratio `λ = I₀/U₀` (integer coefficients,
/// so the optimum is an integer and "0" is exact).
///
/// Per attribute `j` and atom `k`: `s_jk = 1` when the lower bound is at or below atom `k`
/// (non-decreasing in k), `e_jk = 1` when the upper bound is at or above it (non-increasing);
/// atom `k` is inside the interval iff `s_jk + e_jk = 2`, outside iff it is 1 (`out_jk = 2 −
/// s_jk − e_jk`). `u_j = 1` when the interval is not the whole range; `Σ u_j ≤ L`. Rows with
/// the same atoms everywhere and the same side are one group with a weight; `z_g ∈ [0, 1]`:
/// a target group is covered only if no attribute excludes it (`z_g ≤ 1 − out_jg` for every j,
/// and `L·z_g ≤ L − Σ_j out_jg`, valid because at most L attributes exclude anything and much
/// tighter in the relaxation), another group is covered unless one excludes it
/// (`z_g ≥ 1 − Σ_j out_jg`); `out_jk ≤ u_j`.
struct ExactModel {
    let atoms: [AttributeAtoms]
    let maxLiterals: Int
    let groups: [(rows: [Int], target: Bool)]
    private(set) var model: Model
    private var s: [[VariableID]] = [], e: [[VariableID]] = [], z: [VariableID] = []

    init(atoms: [AttributeAtoms], target: RowSet, maxLiterals: Int, minimumSupport: Int, maximumUnion: Int? = nil) {
        self.atoms = atoms
        self.maxLiterals = maxLiterals
        var index: [[Int]: Int] = [:]
        var groups: [(rows: [Int], target: Bool)] = []
        for r in 0..<target.count {
            let key = atoms.map { $0.atomOfRow[r] } + [target[r] ? 1 : 0]
            if let g = index[key] { groups[g].rows.append(r) } else { index[key] = groups.count; groups.append(([r], target[r])) }
        }
        self.groups = groups
        var m = Model(name: "exact_jaccard", sense: .maximize)
        var u: [VariableID] = [], s: [[VariableID]] = [], e: [[VariableID]] = [], z: [VariableID] = []
        for (j, a) in atoms.enumerated() {
            s.append(m.addBinaries(a.count, namePrefix: "s\(j)_"))
            e.append(m.addBinaries(a.count, namePrefix: "e\(j)_"))
            u.append(m.addVariable(name: "u\(j)", kind: .binary))
            for k in 0..<a.count {
                if k + 1 < a.count {
                    m.addRow(.lessOrEqual([Term(s[j][k]), Term(s[j][k + 1], -1)], 0))
                    m.addRow(.lessOrEqual([Term(e[j][k + 1]), Term(e[j][k], -1)], 0))
                }
                m.addRow(.greaterOrEqual([Term(s[j][k]), Term(e[j][k])], 1))
                m.addRow(.greaterOrEqual([Term(s[j][k]), Term(e[j][k]), Term(u[j])], 2))
            }
            m.addRow(.greaterOrEqual([Term(u[j]), Term(s[j][0])], 1))
            m.addRow(.greaterOrEqual([Term(u[j]), Term(e[j][a.count - 1])], 1))
        }
        m.addRow(.lessOrEqual(u.map { Term($0) }, Double(maxLiterals), name: "literals"))
        let width = Double(2 * atoms.count)
        var support: [Term] = [], outside: [Term] = []
        for (g, group) in groups.enumerated() {
            let zg = m.addVariable(name: "z\(g)", kind: .continuous, lower: 0, upper: 1)
            z.append(zg)
            let r = group.rows[0]
            let inside = atoms.indices.flatMap { j in [Term(s[j][atoms[j].atomOfRow[r]], -1), Term(e[j][atoms[j].atomOfRow[r]], -1)] }
            if group.target {
                for j in atoms.indices {
                    let k = atoms[j].atomOfRow[r]
                    m.addRow(.lessOrEqual([Term(zg), Term(s[j][k], -1), Term(e[j][k], -1)], -1))
                }
                m.addRow(.lessOrEqual([Term(zg, Double(maxLiterals))] + inside, Double(maxLiterals) - width))
                support.append(Term(zg, Double(group.rows.count)))
            } else {
                m.addRow(.greaterOrEqual([Term(zg)] + inside, 1 - width))
                outside.append(Term(zg, Double(group.rows.count)))
            }
        }
        m.addRow(.greaterOrEqual(support, Double(minimumSupport), name: "min_support"))
        // |T ∪ q| = |T| + Σ non-target z_g·|g| ≤ maximumUnion (z_g ≥ 1 for every group q covers).
        if let maximumUnion { m.addRow(.lessOrEqual(outside, Double(maximumUnion - target.cardinality), name: "max_union")) }
        model = m
        (self.s, self.e, self.z) = (s, e, z)
    }

    /// Sets the objective `U₀·|T ∩ q| − I₀·|T ∪ q|` for `λ = I₀/U₀`.
    mutating func setRatio(numerator: Int, denominator: Int, targetSize: Int) {
        for (g, group) in groups.enumerated() {
            model.setCost(z[g], Double(group.rows.count) * (group.target ? Double(denominator) : -Double(numerator)))
        }
        model.objectiveOffset = -Double(numerator) * Double(targetSize)
    }

    /// The conjunction a solution describes (attributes whose interval is the whole range left out).
    func decode(_ values: [Double]) -> AtomConjunction {
        var literals: [AtomConjunction.Literal] = []
        for j in atoms.indices {
            let first = s[j].firstIndex { values[$0.index] > 0.5 } ?? 0
            let last = e[j].lastIndex { values[$0.index] > 0.5 } ?? atoms[j].count - 1
            if first > 0 || last < atoms[j].count - 1 { literals.append(.init(attribute: j, first: first, last: last)) }
        }
        return AtomConjunction(literals: literals)
    }
}
