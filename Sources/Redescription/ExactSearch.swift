import FileSupport
import Foundation
import LinearModel

/// The certified best redescription of a fixed target (a set of rows, e.g. a bin of one unit
/// of another network): the conjunction of at most `maxLiterals` free-threshold intervals on
/// `view` that maximizes Jaccard `|T ∩ q| / |T ∪ q|` with `|T ∩ q| ≥ minimumSupport`.
///
/// Dinkelbach's method: from a start `q₀` (a beam search), with `λ = I₀/U₀` its ratio, solve
/// `max U₀·I(q) − I₀·U(q)` exactly (`ExactModel`); a positive optimum is a better `q`, whose
/// ratio becomes `λ`; an optimum of 0 proves that no `q` beats `λ`. The last MILP's status and
/// bound are the certificate. When a solve stops at its time limit with bound `B`, every `q`
/// has `I/U ≤ λ + B/(U₀·|T|)` (since `U ≥ |T|`): the result says so and is not "proven".
public enum ExactSearch {
    public struct Settings: Sendable, Equatable {
        public var maxLiterals: Int
        public var minimumSupport: Int
        /// Rows outside the union at least (`n − |T ∪ q| ≥ minimumUncovered`; 0: no such row).
        public var minimumUncovered: Int
        /// Per MILP, in seconds (nil: none).
        public var timeLimit: Double?
        public var threads: Int
        public var maxIterations: Int

        public init(maxLiterals: Int = 2, minimumSupport: Int = 10, minimumUncovered: Int = 0, timeLimit: Double? = 60, threads: Int = 2,
                    maxIterations: Int = 50) {
            self.maxLiterals = maxLiterals
            self.minimumSupport = minimumSupport
            self.minimumUncovered = minimumUncovered
            self.timeLimit = timeLimit
            self.threads = threads
            self.maxIterations = maxIterations
        }
    }

    /// One MILP of the sequence.
    public struct Step: Sendable, Equatable {
        /// `λ = numerator / denominator` (the best ratio so far, as |∩| and |∪|).
        public var numerator: Int, denominator: Int
        public var status: SolveStatus
        /// The optimum (or incumbent) of `U₀·I − I₀·U`, and the solver's bound on it.
        public var objective: Double?, bound: Double?
        /// |∩| and |∪| of the solution found (evaluated on the data), when there is one.
        public var intersection: Int?, union: Int?
        public var seconds: Double
    }

    /// Why the result is optimal, or how far from it it may be.
    public struct Certificate: Sendable, Equatable {
        public enum Kind: String, Sendable {
            /// The last MILP, at the final ratio, is optimal with optimum 0 (or, not proven, its bound).
            case milp
            /// |∩| = |∪|: Jaccard 1, the largest possible; no MILP needed.
            case perfect
        }
        public var kind: Kind
        /// The final ratio `I*/U*`.
        public var numerator: Int, denominator: Int
        /// The last MILP (`max U*·I − I*·U`): its status, optimum and bound; `proven` when it is
        /// optimal with optimum 0.
        public var status: SolveStatus
        public var objective: Double?, bound: Double?
        public var proven: Bool
        /// No conjunction has a larger Jaccard (`λ` when proven, `λ + bound/(U*·|T|)` otherwise).
        public var jaccardUpperBound: Double
        public var solver: String, solverVersion: String
    }

    public struct Result: Sendable {
        public var query: Query
        public var measures: RedescriptionMeasures
        /// The start: |∩| and |∪| of the beam search's conjunction, or of the given start query.
        public var start: (intersection: Int, union: Int)
        /// The start query when one was given (`run(…, start:)`); nil for the beam search's.
        public var startQuery: Query?
        /// Whether the result is the given start itself (proven at least as good as every
        /// conjunction of ≤ L intervals when the certificate is proven), not an improvement.
        public var keptStart: Bool
        public var steps: [Step]
        public var certificate: Certificate
        /// Attributes that can exclude anything, their atoms, the MILP's columns and rows.
        public var attributes: Int, atoms: Int, columns: Int, rows: Int
        public var seconds: Double
    }

    /// With `start` (a query on `view`, any form: e.g. a heuristic's best, with OR and NOT), the
    /// sequence starts from its ratio instead of the beam search's: the result either improves
    /// it (a conjunction) or keeps it, and a proven certificate then says that no conjunction of
    /// at most L intervals beats it.
    public static func run(target: RowSet, view: View, settings: Settings, solver: ILPSolver, start: Query? = nil) throws -> Result {
        let clock = ContinuousClock.now
        let n = view.rowCount, a = target.cardinality
        guard target.count == n else { throw InputError("the target has \(target.count) rows but the view has \(n)") }
        guard a > 0 else { throw InputError("the target holds no row: nothing to describe") }
        guard a < n else { throw InputError("the target holds every row: nothing to describe (any query holding every row has JS 1)") }
        guard a >= settings.minimumSupport else {
            throw InputError("the target holds \(a) rows, fewer than the minimum support \(settings.minimumSupport)")
        }
        let maxUnion = n - settings.minimumUncovered
        guard a <= maxUnion else {
            throw InputError("the target leaves \(n - a) rows outside it, fewer than the \(settings.minimumUncovered) rows asked to stay outside the union")
        }
        guard settings.maxLiterals >= 1 else { throw InputError("at least one literal is needed (maxLiterals \(settings.maxLiterals))") }
        let atoms = view.columns.indices.map { AttributeAtoms(column: $0, values: view.columns[$0], target: target) }.filter { $0.count > 1 }
        guard !atoms.isEmpty else {
            throw InputError(file: view.file, "every attribute is constant: no query separates the target from the other rows")
        }

        var best = AtomConjunction(literals: [])
        var (num, den) = (0, 1)
        var kept: Query?
        if let start {
            let rows = try start.rows(in: view)
            (num, den) = (rows.intersectionCount(target), a + rows.cardinality - rows.intersectionCount(target))
            guard num >= settings.minimumSupport else {
                throw InputError(file: view.file, "the start query '\(InputError.excerpt(start.text))' holds \(num) target rows, fewer than the minimum support \(settings.minimumSupport)")
            }
            guard den <= maxUnion else {
                throw InputError(file: view.file, "the start query '\(InputError.excerpt(start.text))' leaves \(n - den) rows outside the union, fewer than \(settings.minimumUncovered)")
            }
            kept = start
        } else {
            let greedy = GreedyConjunction.search(atoms: atoms, target: target, maxLiterals: settings.maxLiterals,
                                                  minimumSupport: settings.minimumSupport)
            (best, num, den) = (greedy.0, greedy.intersection, greedy.union)
            // A start outside the union bound is no start: from λ = 0 the first MILP finds any
            // conjunction within the bounds (or proves there is none).
            if den > maxUnion { (best, num, den) = (AtomConjunction(literals: []), 0, 1) }
        }
        let startCounts = (num, den)
        var model = ExactModel(atoms: atoms, target: target, maxLiterals: settings.maxLiterals, minimumSupport: settings.minimumSupport,
                               maximumUnion: settings.minimumUncovered > 0 ? maxUnion : nil)
        var steps: [Step] = []
        let options = SolverOptions(timeLimit: settings.timeLimit, threads: settings.threads)
        var last: SolveResult?
        // With every row covered and nothing else (|∩| = |∪|), λ = 1 is the largest possible: no MILP needed.
        while num < den, steps.count < settings.maxIterations {
            model.setRatio(numerator: num, denominator: den, targetSize: a)
            let compiled = try model.model.compile()
            let result = solver.solve(compiled, options: options)
            last = result
            var step = Step(numerator: num, denominator: den, status: result.status, objective: result.objective,
                            bound: result.bound, seconds: result.seconds)
            defer { steps.append(step) }
            guard let values = result.values else { break }
            let candidate = model.decode(values)
            let rows = candidate.rows(atoms, rowCount: n)
            let inter = rows.intersectionCount(target), union = a + rows.cardinality - inter
            (step.intersection, step.union) = (inter, union)
            // Better by the data (not only by the solver's word), with the support it needs.
            guard inter >= settings.minimumSupport, union <= maxUnion, inter * den > num * union else { break }
            (best, num, den, kept) = (candidate, inter, union, nil)
        }
        guard num > 0 else {
            if last?.status == .infeasible {
                throw InputError(file: view.file, "no conjunction of at most \(settings.maxLiterals) intervals holds \(settings.minimumSupport) target rows and leaves \(settings.minimumUncovered) rows outside the union")
            }
            throw InputError(file: view.file, "\(last?.solver ?? solver.name) found no conjunction within the support and union bounds (\(last?.status.rawValue ?? "no solve")): a longer time limit or a smaller minimum of rows outside the union may find one")
        }
        let query = kept ?? best.query(atoms, view: view)
        let rows = try query.rows(in: view)
        let measures = RedescriptionMeasures(left: target, right: rows)
        precondition(measures.intersection == num && measures.union == den, "decoded query disagrees with its atoms")

        let lambda = Double(num) / Double(den)
        let certificate: Certificate
        if num == den {
            certificate = Certificate(kind: .perfect, numerator: num, denominator: den, status: .optimal, objective: 0, bound: 0, proven: true,
                                      jaccardUpperBound: 1, solver: last?.solver ?? solver.name, solverVersion: last?.version ?? solver.version)
        } else {
            let r = last!
            let proven = r.status == .optimal && (r.objective ?? 1) < 0.5 && steps.last?.numerator == num && steps.last?.denominator == den
            let bound = r.bound.map { max(0, $0) }
            let upper = proven ? lambda : bound.map { min(1, lambda + $0 / (Double(den) * Double(a))) } ?? 1
            certificate = Certificate(kind: .milp, numerator: num, denominator: den, status: r.status, objective: r.objective, bound: r.bound,
                                      proven: proven, jaccardUpperBound: upper, solver: r.solver, solverVersion: r.version)
        }
        return Result(query: query, measures: measures, start: startCounts, startQuery: start, keptStart: kept != nil, steps: steps,
                      certificate: certificate, attributes: atoms.count, atoms: atoms.reduce(0) { $0 + $1.count },
                      columns: model.model.variableCount, rows: model.model.rowCount, seconds: clock.duration(to: .now).seconds)
    }
}
