import BackboneCore
import FileSupport
import Foundation
import LinearModel

/// `backbones compare`: every instance solved by every backend with one time limit, each run
/// checked against the others and against the instance's known optimum, summarised per
/// backend (solved counts, shifted geometric mean of time, wins) and as a Dolan–Moré
/// performance profile (docs/solvers.md, "Comparison runs").
///
/// Every file is read first (bad input stops the run before any solve, exit 2). Runs are one
/// after the other (times are not shared with another run), each by a `Runner`: by default a
/// child process `backbones solve FILE --solver B --time-limit T --json`, so a backend that
/// aborts or overruns cannot take the comparison with it; tests run in-process solvers.
///
/// Instances may also be the toolkit's own cover models (`.cover` specs, `CoverSpec`): the
/// backends solve their ILP, and the combinatorial search (`search`, in this process) runs
/// beside them; the search has no run on the other instances (its cells are empty).
public struct CompareJob: Sendable {
    /// The limit per run unless given: a sweep over many instances wants less than the
    /// toolkit's 60 s per solve.
    public static let defaultTimeLimit = 10.0
    /// The shift of the shifted geometric mean of times, in seconds (Mittelmann's convention).
    public static let shift = 10.0
    /// Times below this count as this in the performance profile (clock noise on tiny solves
    /// would otherwise give ratios of 10 between 1 ms and 10 ms).
    public static let profileFloor = 0.01
    /// Relative tolerance of every comparison of objectives (`|a − b| ≤ tol · max(1, |b|)`;
    /// with a known optimum also one unit of its last decimal, `ModelInstance.matchesKnown`).
    public static let tolerance = 1e-6

    public var instances: [ModelInstance]
    /// The ILP backends (`glpk`, `cbc`); `search` is added to the columns when an instance is a
    /// cover model (`columns`).
    public var backends: [String]
    public var options: SolverOptions
    public var runner: CompareRunner
    /// Called after each run with a one-line account (`[3/166] p0548 glpk: optimal 8691 0.81 s`).
    public var progress: (@Sendable (String) -> Void)?

    public init(instances: [ModelInstance], backends: [String], options: SolverOptions, runner: CompareRunner,
                progress: (@Sendable (String) -> Void)? = nil) {
        self.instances = instances
        self.backends = backends
        self.options = options
        self.runner = runner
        self.progress = progress
    }

    /// One backend on one instance.
    public struct Run: Sendable, Equatable {
        public var result: SolveResult
        /// Whether the proven optimum equals the known one (nil: no proof or nothing known).
        public var matchesKnown: Bool?
        /// The run did not answer by the limit plus `CompareRunner.grace` and was stopped.
        public var killed = false

        public var solver: String { result.solver }
        /// A definite answer: optimal, infeasible or unbounded.
        public var solved: Bool { [.optimal, .infeasible, .unbounded].contains(result.status) }
    }

    public struct Row: Sendable, Equatable {
        public var instance: ModelInstance
        public var columns: Int, integers: Int, rows: Int, nonzeros: Int
        public var sense: ObjectiveSense
        /// One per column (`Result.backends`), nil where that engine does not apply (the search
        /// on a model file).
        public var runs: [Run?]
        /// Contradictions found on this instance (each makes the command exit 1).
        public var problems: [String]
    }

    public struct BackendSummary: Sendable, Equatable {
        public var solver: String, version: String
        /// Instances it ran on.
        public var instances: Int
        /// Definite answers (optimal, infeasible, unbounded); of them, proven optima.
        public var solved: Int, optimal: Int
        public var timeLimit: Int, errors: Int
        /// Proven optima equal to the known one, and instances it ran on with a known optimum.
        public var matchesKnown: Int, withKnown: Int
        /// Shifted geometric mean of seconds (unsolved runs count as the time limit).
        public var shiftedGeometricMean: Double
        /// Instances this backend solved fastest (ties count for each).
        public var wins: Int
        /// The most seconds any run took beyond the limit (0 if none).
        public var worstOverrun: Double
    }

    public struct Result: Sendable, Equatable {
        public var timeLimit: Double
        public var shift: Double
        public var backends: [String]
        public var rows: [Row]
        public var summaries: [BackendSummary]
        /// Every contradiction (two proven optima, or a proof and the known optimum).
        public var problems: [String] { rows.flatMap(\.problems) }

        /// Dolan–Moré performance ratios: per instance, per backend, its time over the best
        /// time of a backend that solved the instance (times below `profileFloor` count as
        /// it), nil when this backend did not solve it.
        public var ratios: [[Double?]] {
            rows.map { row in
                let times = row.runs.map { run in run.flatMap { $0.solved ? max(CompareJob.profileFloor, $0.result.seconds) : nil } }
                guard let best = times.compactMap({ $0 }).min() else { return times.map { _ in nil } }
                return times.map { $0.map { $0 / best } }
            }
        }

        /// The fraction of the instances a backend ran on that it solved within `tau` times the
        /// best time.
        public func profile(_ backend: Int, tau: Double) -> Double {
            let ran = rows.indices.filter { rows[$0].runs[backend] != nil }
            guard !ran.isEmpty else { return 0 }
            let r = ratios
            return Double(ran.filter { (r[$0][backend] ?? .infinity) <= tau * (1 + 1e-12) }.count) / Double(ran.count)
        }
    }

    /// The name of the combinatorial search's column.
    public static var searchName: String { FrontEngine.search.name }

    /// `backbones compare`: the instances of `inputs` (`InstanceList.load`), every backend on
    /// each, one child process `executable solve …` per run.
    public static func run(inputs: [String], backends: [String], options: SolverOptions, executable: String,
                           progress: (@Sendable (String) -> Void)? = nil) throws -> Result {
        try CompareJob(instances: try InstanceList.load(inputs), backends: backends, options: options,
                       runner: .process(executable: executable), progress: progress).run()
    }

    /// An instance read: its model, and for a cover spec the cover model the search runs on.
    struct Prepared {
        var instance: ModelInstance
        var model: CompiledModel
        var cover: (model: CoverModel, budget: Int)?
    }

    /// Reads every instance (a cover spec's known optimum fills in an index's empty one).
    func prepare() throws -> [Prepared] {
        try instances.map { instance in
            guard instance.isSpec else { return Prepared(instance: instance, model: try instance.read()) }
            let spec = try CoverSpec.read(path: instance.path)
            let (cover, model) = try spec.build()
            var instance = instance
            if instance.knownOptimum == nil { instance.knownOptimum = spec.knownOptimum }
            return Prepared(instance: instance, model: model, cover: (cover, spec.budget))
        }
    }

    /// Reads every instance, then runs every backend on each (and the search on cover models).
    public func run() throws -> Result {
        let limit = options.effectiveTimeLimit ?? Self.defaultTimeLimit
        var options = self.options
        options.timeLimit = limit
        let prepared = try prepare()
        let columns = backends + (prepared.contains { $0.cover != nil } ? [Self.searchName] : [])
        var rows: [Row] = []
        let total = prepared.reduce(0) { $0 + ($1.cover == nil ? backends.count : columns.count) }
        var done = 0
        for item in prepared {
            let instance = item.instance, model = item.model
            var runs: [Run?] = []
            for backend in columns {
                var run: Run
                if backend == Self.searchName && !backends.contains(backend) {
                    guard let cover = item.cover else { runs.append(nil); continue }
                    run = Run(result: CoverSpec.search(cover.model, budget: cover.budget, name: instance.name, limit: limit))
                } else {
                    run = runner.run(instance, model: model, backend: backend, options: options)
                }
                if run.result.isProvenOptimal, let value = run.result.objective {
                    run.matchesKnown = instance.matchesKnown(value, tolerance: Self.tolerance)
                }
                runs.append(run)
                done += 1
                progress?("[\(done)/\(total)] \(instance.name) \(backend): \(Self.account(run))")
            }
            rows.append(Row(instance: instance, columns: model.columnCount, integers: model.integerCount, rows: model.rowCount,
                            nonzeros: model.nonzeroCount, sense: model.sense, runs: runs,
                            problems: Self.problems(instance, model.sense, runs.compactMap { $0 })))
        }
        return Result(timeLimit: limit, shift: Self.shift, backends: columns, rows: rows,
                      summaries: Self.summaries(rows, backends: columns, limit: limit))
    }

    static func account(_ run: Run) -> String {
        var text = run.result.status.rawValue
        if let objective = run.result.objective { text += " " + Format.exact(objective) }
        text += " " + Format.fixed(run.result.seconds, 2) + " s"
        if run.matchesKnown == false { text += " (differs from the known optimum)" }
        if run.killed { text += " (stopped)" }
        return text
    }

    /// Contradictions on one instance: backends that disagree (`SolveResult.disagreement`),
    /// and any proven optimum, incumbent or bound on the wrong side of the known optimum.
    static func problems(_ instance: ModelInstance, _ sense: ObjectiveSense, _ runs: [Run]) -> [String] {
        var out: [String] = []
        if let disagreement = SolveResult.disagreement(among: runs.map(\.result), tolerance: tolerance) {
            out.append("\(instance.name): \(disagreement)")
        }
        guard let known = instance.knownOptimum else { return out }
        let sign = sense == .minimize ? 1.0 : -1.0
        let slack = max(tolerance * max(1, abs(known)), instance.knownOptimumUnit)
        for run in runs {
            let r = run.result
            if run.matchesKnown == false, let value = r.objective {
                out.append("\(instance.name): \(r.solver) proved \(Format.exact(value)), the known optimum is \(Format.exact(known))")
            } else if r.status == .infeasible || r.status == .unbounded {
                out.append("\(instance.name): \(r.solver) says \(r.status.rawValue), the known optimum is \(Format.exact(known))")
            } else if let value = r.objective, sign * (known - value) > slack {
                out.append("\(instance.name): \(r.solver) found \(Format.exact(value)), better than the known optimum \(Format.exact(known))")
            } else if let bound = r.bound, sign * (bound - known) > slack {
                out.append("\(instance.name): \(r.solver)'s bound \(Format.exact(bound)) excludes the known optimum \(Format.exact(known))")
            }
        }
        return out
    }

    static func summaries(_ rows: [Row], backends: [String], limit: Double) -> [BackendSummary] {
        backends.indices.map { b in
            let ran = rows.filter { $0.runs[b] != nil }
            let runs = ran.map { $0.runs[b]! }
            let logSum = runs.reduce(0.0) { $0 + log(($1.solved ? $1.result.seconds : limit) + shift) }
            let wins = ran.filter { row in
                guard row.runs[b]!.solved else { return false }
                let best = row.runs.compactMap { $0 }.filter(\.solved).map(\.result.seconds).min()!
                return row.runs[b]!.result.seconds <= best
            }.count
            return BackendSummary(
                // The search's version names its algorithm, which depends on q: every one used.
                solver: backends[b], version: runs.map(\.result.version).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                    .joined(separator: " / "),
                instances: runs.count, solved: runs.filter(\.solved).count,
                optimal: runs.filter(\.result.isProvenOptimal).count,
                timeLimit: runs.filter { $0.result.status == .timeLimit }.count,
                errors: runs.filter { $0.result.status == .error }.count,
                matchesKnown: runs.filter { $0.matchesKnown == true }.count,
                withKnown: ran.filter { $0.instance.knownOptimum != nil }.count,
                shiftedGeometricMean: runs.isEmpty ? 0 : exp(logSum / Double(runs.count)) - shift,
                wins: wins,
                worstOverrun: runs.map { max(0, $0.result.seconds - limit) }.max() ?? 0)
        }
    }
}
