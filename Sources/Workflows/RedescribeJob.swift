import BackboneCore
import FileSupport
import Foundation
import LinearModel
import Redescription

/// `backbones redescribe`: for each target (a query on the first view, or every
/// single-interval target of ExItNeRdoM's `.rr` files), the certified best conjunction of at
/// most L free-threshold intervals on the second view (`ExactSearch`); with their files, their
/// best JS per target beside ours (docs/redescriptions.md). With `heuristic`, the ReReMi-style
/// miner instead (`HeuristicMiner`), optionally proved or improved by the exact search from its best.
public struct RedescribeJob: Sendable {
    /// The heuristic mode: literals from `queryBins` on the right view (and `targetBins` on the
    /// left for attribute targets); `prove` runs the exact search from the miner's best.
    public struct Heuristic: Sendable {
        public var miner: HeuristicMiner.Settings
        public var queryBins: Discretization
        public var prove: Bool

        public init(miner: HeuristicMiner.Settings, queryBins: Discretization, prove: Bool = false) {
            self.miner = miner
            self.queryBins = queryBins
            self.prove = prove
        }
    }

    public struct Settings: Sendable {
        /// The two views of the same rows: targets are on `left`, queries are found on `right`.
        public var leftPath: String, rightPath: String
        /// Attributes kept from each view (`View.selecting`: `label`, `n64..n95`); nil: all.
        public var leftColumns: String?, rightColumns: String?
        /// Target queries on the left view, in the `.rr` syntax.
        public var targets: [String]
        /// `.rr` files, or folders of them: their single-interval `W1R` queries become targets,
        /// compared with the best JS they report for each.
        public var theirFiles: [String]
        /// Every bin of every attribute of the left view is a target, too (with `heuristic`:
        /// every attribute is a target, its queries runs of these bins).
        public var targetBins: Discretization?
        public var search: ExactSearch.Settings
        /// The exact search starts from this query on the right view (every target).
        public var start: String?
        public var heuristic: Heuristic?

        public init(leftPath: String, rightPath: String, leftColumns: String? = nil, rightColumns: String? = nil,
                    targets: [String] = [], theirFiles: [String] = [], targetBins: Discretization? = nil,
                    search: ExactSearch.Settings = ExactSearch.Settings(), start: String? = nil, heuristic: Heuristic? = nil) {
            self.leftPath = leftPath
            self.rightPath = rightPath
            self.leftColumns = leftColumns
            self.rightColumns = rightColumns
            self.targets = targets
            self.theirFiles = theirFiles
            self.targetBins = targetBins
            self.search = search
            self.start = start
            self.heuristic = heuristic
        }
    }

    public struct Target: Sendable {
        /// The target query; for an attribute target (heuristic), the left query of the best
        /// redescription (or the attribute's whole range when none was found).
        public var query: Query
        /// Set for an attribute target: every run of its bins could be the left query.
        public var attribute: String?
        /// |supp(query)|.
        public var size: Int
        /// Their best for this target, when it came from their files.
        public var theirs: TheirTarget?
        /// One search per solver (the first is reported; the others must agree when proven);
        /// empty in the heuristic mode without `prove`.
        public var searches: [ExactSearch.Result]
        /// The heuristic's redescriptions (best first) and its time.
        public var mined: [MinedRedescription]
        public var minedSeconds: Double?
        /// With `--heuristic --prove`: whether the exact search's result passes the miner's
        /// filters too (the exact search enforces only the minimum support); nil otherwise.
        public var passesMinerFilters: Bool?
        public var exact: ExactSearch.Result? { searches.first }
        /// The best Jaccard found (the exact search's when it ran, else the heuristic's; 0 if none).
        public var jaccard: Double { exact?.measures.jaccard ?? mined.first?.measures.jaccard ?? 0 }
        public var seconds: Double { (exact?.seconds ?? 0) + (minedSeconds ?? 0) }
        public var name: String { attribute ?? query.text }
    }

    public struct Result: Sendable {
        public var settings: Settings
        public var left: View, right: View
        public var targets: [Target]
        public var seconds: Double
    }

    public var settings: Settings
    public var solvers: [ILPSolver]
    /// Called after each target with a one-line summary.
    public var progress: (@Sendable (String) -> Void)?

    public init(settings: Settings, solvers: [ILPSolver], progress: (@Sendable (String) -> Void)? = nil) {
        self.settings = settings
        self.solvers = solvers
        self.progress = progress
    }

    /// The `.rr` files a path names: itself, or the `.rr` files of a folder (sorted).
    static func rrFiles(_ path: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw InputError(file: path, "no such file") }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = names.filter { $0.hasSuffix(".rr") }.sorted().map { (path as NSString).appendingPathComponent($0) }
        guard !files.isEmpty else { throw InputError(file: path, "no .rr file in this folder") }
        return files
    }

    public func run() throws -> Result {
        let clock = ContinuousClock.now
        var left = try ViewReader.read(path: settings.leftPath), right = try ViewReader.read(path: settings.rightPath)
        if let spec = settings.leftColumns { left = try left.selecting(spec) }
        if let spec = settings.rightColumns { right = try right.selecting(spec) }
        try left.checkSameRows(as: right)
        let start = try settings.start.map { try QueryParser.parse($0) }
        var targets: [(Query, TheirTarget?)] = try settings.targets.map { (try QueryParser.parse($0), nil) }
        let files = try settings.theirFiles.flatMap(Self.rrFiles).map { ($0, try RRFile.read(path: $0)) }
        targets += TheirTarget.collect(files, view: left).map { (.literal($0.literal), $0) }
        var attributeTargets: [Int] = []
        if let binning = settings.targetBins {
            if settings.heuristic != nil {
                attributeTargets = left.attributes.indices.filter { binning.bins(left.columns[$0]).count > 1 }   // a constant one: nothing to describe
            } else {
                for (j, name) in left.attributes.enumerated() {
                    targets += binning.bins(left.columns[j]).map { (Query.literal(IntervalLiteral(attribute: name, lower: $0.lower, upper: $0.upper)), TheirTarget?.none) }
                }
            }
        }
        guard !targets.isEmpty || !attributeTargets.isEmpty else {
            throw InputError("no target: give a target query, target bins or .rr files with single-interval W1R queries")
        }
        let count = targets.count + attributeTargets.count
        let rightPool = settings.heuristic.map { LiteralPool(view: right, binning: $0.queryBins) }
        var done: [Target] = []
        func finish(_ t: Target) {
            done.append(t)
            progress?(Self.summary(t, index: done.count, of: count))
        }
        for (query, theirs) in targets {
            let rows: RowSet
            do { rows = try query.rows(in: left) } catch let e as InputError { throw InputError(file: settings.leftPath, "target '\(InputError.excerpt(query.text))': \(e.message)") }
            guard rows.cardinality > 0 else { throw InputError("target '\(InputError.excerpt(query.text))' holds no row of \(settings.leftPath): nothing to describe") }
            var t = Target(query: query, size: rows.cardinality, theirs: theirs, searches: [], mined: [])
            try Self.describing(query) {
                if let h = settings.heuristic, let rightPool {
                    let minerClock = ContinuousClock.now
                    var miner = h.miner
                    miner.maxLeftLiterals = 1
                    t.mined = try HeuristicMiner.mine(left: LiteralPool(fixed: query, rows: rows), right: rightPool, settings: miner)
                    t.minedSeconds = minerClock.duration(to: .now).seconds
                }
                if settings.heuristic == nil || settings.heuristic!.prove {
                    let from = settings.heuristic == nil ? start : t.mined.first?.right
                    t.searches = try solvers.map { try ExactSearch.run(target: rows, view: right, settings: settings.search, solver: $0, start: from) }
                    try Self.check(t.searches, target: query)
                    t.passesMinerFilters = settings.heuristic.flatMap { h in t.exact.map { h.miner.accepts($0.measures) } }
                }
            }
            finish(t)
        }
        if let h = settings.heuristic, let rightPool, let binning = settings.targetBins {
            for j in attributeTargets {
                let minerClock = ContinuousClock.now
                let leftPool = LiteralPool(view: left, binning: binning, columns: [j])
                let name = left.attributes[j]
                let mined = try HeuristicMiner.mine(left: leftPool, right: rightPool, settings: h.miner)
                let whole = Query.literal(IntervalLiteral(attribute: name, lower: left.columns[j].min()!, upper: left.columns[j].max()!))
                var t = Target(query: mined.first?.left ?? whole, attribute: name, size: mined.first?.measures.leftSupport ?? left.rowCount,
                               theirs: nil, searches: [], mined: mined, minedSeconds: minerClock.duration(to: .now).seconds)
                if h.prove, let best = mined.first {
                    try Self.describing(best.left) {
                        t.searches = try solvers.map { try ExactSearch.run(target: best.leftRows, view: right, settings: settings.search, solver: $0, start: best.right) }
                        try Self.check(t.searches, target: best.left)
                        t.passesMinerFilters = t.exact.map { h.miner.accepts($0.measures) }
                    }
                }
                finish(t)
            }
        }
        return Result(settings: settings, left: left, right: right, targets: done, seconds: clock.duration(to: .now).seconds)
    }

    /// Runs `body`, naming the target in any input error it throws.
    static func describing(_ target: Query, _ body: () throws -> Void) throws {
        do { try body() } catch let e as InputError {
            throw InputError(file: e.file, line: e.line, column: e.column, "target '\(InputError.excerpt(target.text))': \(e.message)")
        }
    }

    /// A solver error is exit 3; two proven optima that differ are exit 1.
    static func check(_ searches: [ExactSearch.Result], target: Query) throws {
        for s in searches where s.certificate.status == .error {
            throw CoreError.solverFailed("\(s.certificate.solver) failed on target '\(InputError.excerpt(target.text))'")
        }
        let proven = searches.filter(\.certificate.proven)
        if let a = proven.first, let b = proven.dropFirst().first(where: { $0.measures.intersection * a.measures.union != a.measures.intersection * $0.measures.union }) {
            throw CoreError.solverDisagreement("target '\(InputError.excerpt(target.text))': \(a.certificate.solver) proves JS \(a.measures.jaccard), \(b.certificate.solver) \(b.measures.jaccard)")
        }
    }

    static func summary(_ t: Target, index: Int, of count: Int) -> String {
        var line = "[\(index)/\(count)] \(InputError.excerpt(t.name, limit: 60)): "
        if let m = t.minedSeconds { line += "heuristic JS \(Format.fixed(t.mined.first?.measures.jaccard ?? 0, 3)) (\(Format.fixed(m, 2)) s)" }
        if let r = t.exact {
            line += (t.minedSeconds == nil ? "" : ", exact ") + "JS \(Format.fixed(r.measures.jaccard, 3))"
            line += r.certificate.proven ? " (proven)" : " (≤ \(Format.fixed(r.certificate.jaccardUpperBound, 3)))"
            line += ", \(Format.fixed(r.seconds, 2)) s"
        }
        if let theirs = t.theirs { line += ", theirs \(Format.fixed(theirs.bestJaccard, 3))" }
        return line
    }
}

extension RedescribeJob.Result {
    /// Ours against theirs over the targets that came from their files (JS compared at 1e-12).
    public struct Comparison: Sendable, Equatable {
        public var targets: Int, proven: Int
        public var better: Int, equal: Int, worse: Int
        public var meanOurs: Double, meanTheirs: Double
        public var secondsMean: Double, secondsMedian: Double, secondsMax: Double
        public var atLeastTheirs: Int { better + equal }
    }

    /// Nil when no target came from their files.
    public var comparison: Comparison? {
        let compared = targets.filter { $0.theirs != nil }
        guard !compared.isEmpty else { return nil }
        let ours = compared.map(\.jaccard), theirs = compared.map { $0.theirs!.bestJaccard }
        let better = zip(ours, theirs).filter { $0 > $1 + 1e-12 }.count, worse = zip(ours, theirs).filter { $0 < $1 - 1e-12 }.count
        let seconds = compared.map(\.seconds).sorted()
        let median = seconds.count % 2 == 1 ? seconds[seconds.count / 2] : (seconds[seconds.count / 2 - 1] + seconds[seconds.count / 2]) / 2
        return Comparison(targets: compared.count, proven: compared.filter { $0.exact?.certificate.proven == true }.count,
                          better: better, equal: compared.count - better - worse, worse: worse,
                          meanOurs: ours.reduce(0, +) / Double(ours.count), meanTheirs: theirs.reduce(0, +) / Double(theirs.count),
                          secondsMean: seconds.reduce(0, +) / Double(seconds.count), secondsMedian: median, secondsMax: seconds.last!)
    }
}
