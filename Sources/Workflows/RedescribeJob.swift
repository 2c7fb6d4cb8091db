import BackboneCore
import FileSupport
import Foundation
import LinearModel
import Redescription

/// `backbones redescribe`: for each target (a query on the first view, or every
/// single-interval target of ExItNeRdoM's `.rr` files), the certified best conjunction of at
/// most L free-threshold intervals on the second view (`ExactSearch`); with their files, their
/// best JS per target beside ours (docs/redescriptions.md).
public struct RedescribeJob: Sendable {
    public struct Settings: Sendable {
        /// The two views of the same rows: targets are on `left`, queries are found on `right`.
        public var leftPath: String, rightPath: String
        /// Target queries on the left view, in the `.rr` syntax.
        public var targets: [String]
        /// `.rr` files, or folders of them: their single-interval `W1R` queries become targets,
        /// compared with the best JS they report for each.
        public var theirFiles: [String]
        /// Every bin of every attribute of the left view is a target, too.
        public var targetBins: Discretization?
        public var search: ExactSearch.Settings

        public init(leftPath: String, rightPath: String, targets: [String] = [], theirFiles: [String] = [],
                    targetBins: Discretization? = nil, search: ExactSearch.Settings = ExactSearch.Settings()) {
            self.leftPath = leftPath
            self.rightPath = rightPath
            self.targets = targets
            self.theirFiles = theirFiles
            self.targetBins = targetBins
            self.search = search
        }
    }

    public struct Target: Sendable {
        public var query: Query
        /// |supp(target)|.
        public var size: Int
        /// Their best for this target, when it came from their files.
        public var theirs: TheirTarget?
        /// One search per solver (the first is reported; the others must agree when proven).
        public var searches: [ExactSearch.Result]
        public var best: ExactSearch.Result { searches[0] }
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
        let left = try ViewReader.read(path: settings.leftPath), right = try ViewReader.read(path: settings.rightPath)
        try left.checkSameRows(as: right)
        var targets: [(Query, TheirTarget?)] = try settings.targets.map { (try QueryParser.parse($0), nil) }
        let files = try settings.theirFiles.flatMap(Self.rrFiles).map { ($0, try RRFile.read(path: $0)) }
        targets += TheirTarget.collect(files, view: left).map { (.literal($0.literal), $0) }
        if let binning = settings.targetBins {
            for (j, name) in left.attributes.enumerated() {
                targets += binning.bins(left.columns[j]).map { (Query.literal(IntervalLiteral(attribute: name, lower: $0.lower, upper: $0.upper)), TheirTarget?.none) }
            }
        }
        guard !targets.isEmpty else { throw InputError("no target: give a target query, target bins or .rr files with single-interval W1R queries") }
        var done: [Target] = []
        for (query, theirs) in targets {
            let rows: RowSet
            do { rows = try query.rows(in: left) } catch let e as InputError { throw InputError(file: settings.leftPath, "target '\(InputError.excerpt(query.text))': \(e.message)") }
            guard rows.cardinality > 0 else { throw InputError("target '\(InputError.excerpt(query.text))' holds no row of \(settings.leftPath): nothing to describe") }
            let searches: [ExactSearch.Result]
            do {
                searches = try solvers.map { try ExactSearch.run(target: rows, view: right, settings: settings.search, solver: $0) }
            } catch let e as InputError { throw InputError(file: e.file, line: e.line, column: e.column, "target '\(InputError.excerpt(query.text))': \(e.message)") }
            try Self.check(searches, target: query)
            let t = Target(query: query, size: rows.cardinality, theirs: theirs, searches: searches)
            done.append(t)
            progress?(Self.summary(t, index: done.count, of: targets.count))
        }
        return Result(settings: settings, left: left, right: right, targets: done, seconds: clock.duration(to: .now).seconds)
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
        let r = t.best
        var line = "[\(index)/\(count)] \(InputError.excerpt(t.query.text, limit: 60)): JS \(Format.fixed(r.measures.jaccard, 3))"
        line += r.certificate.proven ? " (proven)" : " (≤ \(Format.fixed(r.certificate.jaccardUpperBound, 3)))"
        if let theirs = t.theirs { line += ", theirs \(Format.fixed(theirs.bestJaccard, 3))" }
        return line + ", \(Format.fixed(r.seconds, 2)) s"
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
        let ours = compared.map(\.best.measures.jaccard), theirs = compared.map { $0.theirs!.bestJaccard }
        let better = zip(ours, theirs).filter { $0 > $1 + 1e-12 }.count, worse = zip(ours, theirs).filter { $0 < $1 - 1e-12 }.count
        let seconds = compared.map(\.best.seconds).sorted()
        let median = seconds.count % 2 == 1 ? seconds[seconds.count / 2] : (seconds[seconds.count / 2 - 1] + seconds[seconds.count / 2]) / 2
        return Comparison(targets: compared.count, proven: compared.filter(\.best.certificate.proven).count,
                          better: better, equal: compared.count - better - worse, worse: worse,
                          meanOurs: ours.reduce(0, +) / Double(ours.count), meanTheirs: theirs.reduce(0, +) / Double(theirs.count),
                          secondsMean: seconds.reduce(0, +) / Double(seconds.count), secondsMedian: median, secondsMax: seconds.last!)
    }
}
