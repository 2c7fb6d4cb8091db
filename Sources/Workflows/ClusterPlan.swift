import BackboneCore
import BackboneData
import FileSupport
import Foundation

/// A `pareto` run split into one job per group, for a cluster scheduler or local workers
/// (DESIGN.md "Beyond one machine"; docs/cluster.md). `plan.json` in the plan folder holds the
/// `pareto` arguments, the folder they are relative to, and the jobs, hardest first (most
/// distinct transactions). A job's fronts go to `jobs/<index>/fronts.jsonl` (the `pareto`
/// checkpoint, so a job stopped by the scheduler resumes where it stopped) and `jobs/<index>/done`
/// marks it finished; running a finished job again does nothing, so resubmitting is safe.
/// The merge builds the report from the jobs' fronts: the same report as one `pareto` process.
public struct ClusterPlan: Codable, Sendable {
    public static let fileName = "plan.json"
    public static let schema = "backbones.plan/1"

    public struct Job: Codable, Sendable, Equatable {
        public var index: Int
        public var group: String
        public var instances: Int
        public var distinctTransactions: Int
        /// The job's time if every point of every front ran to its limit (nil: no limit per point).
        public var worstCaseSeconds: Double?
    }

    public var schema: String
    /// The `pareto` arguments (without `--output`, `--only` and `--resume`).
    public var paretoArguments: [String]
    /// The working folder the arguments' paths are relative to.
    public var directory: String
    public var jobs: [Job]

    /// The plan of `loaded`'s groups for `pipeline`, hardest first (ties: in the groups' order).
    public init(paretoArguments: [String], directory: String, loaded: LoadedActivations, pipeline: ParetoPipeline) {
        schema = Self.schema
        self.paretoArguments = paretoArguments
        self.directory = directory
        let limit = pipeline.options.timeLimit
        let sized = loaded.groups.map { g -> Job in
            let merged = GroupTransactions(database: loaded.database(of: g), layout: loaded.layout)
            // A front has at most one point per size from the smallest useful one to the active neurons.
            let active = Set(merged.distinct.joined()).count
            let points = pipeline.rules.reduce(0) { $0 + max(1, active - CoverModel(group: merged, rule: $1).minimumUsefulSize + 1) }
            return Job(index: 0, group: g.name, instances: merged.instanceCount, distinctTransactions: merged.distinct.count,
                       worstCaseSeconds: limit.map { $0 * Double(points * pipeline.engines.count) })
        }
        let order = sized.indices.sorted { (sized[$0].distinctTransactions, -$0) > (sized[$1].distinctTransactions, -$1) }
        jobs = order.enumerated().map { var job = sized[$0.element]; job.index = $0.offset; return job }
    }

    // MARK: files

    public static func read(_ path: String) throws -> ClusterPlan {
        let data = try TextFile.readData(path)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let plan = try? decoder.decode(ClusterPlan.self, from: data), plan.schema == schema else {
            throw InputError(file: path, "not a plan of this version (\(schema)); make one with `backbones plan`")
        }
        return plan
    }

    public func write(to folder: String) throws -> String {
        try TextFile.createFolder(folder)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let path = URL(fileURLWithPath: folder).appendingPathComponent(Self.fileName).path
        try TextFile.writeAtomically(try encoder.encode(self) + Data("\n".utf8), to: path)
        return path
    }

    /// `jobs/<index>` in the plan folder.
    public static func jobFolder(_ planFolder: String, index: Int) -> String {
        URL(fileURLWithPath: planFolder).appendingPathComponent("jobs/\(index)").path
    }

    public static func isDone(_ planFolder: String, index: Int) -> Bool {
        FileManager.default.fileExists(atPath: jobFolder(planFolder, index: index) + "/done")
    }

    public static func markDone(_ planFolder: String, index: Int) throws {
        try TextFile.writeAtomically("done\n", to: jobFolder(planFolder, index: index) + "/done")
    }

    /// The jobs not finished: never started, or started and stopped (time limit, failure).
    public func unfinished(in planFolder: String) -> (neverRan: [Int], stopped: [Int]) {
        var never: [Int] = [], stopped: [Int] = []
        for job in jobs where !Self.isDone(planFolder, index: job.index) {
            if FileManager.default.fileExists(atPath: Self.jobFolder(planFolder, index: job.index)) { stopped.append(job.index) } else { never.append(job.index) }
        }
        return (never, stopped)
    }

    /// The fronts every finished job wrote.
    public func finishedFronts(in planFolder: String) throws -> [FrontKey: ExactFront] {
        var fronts: [FrontKey: ExactFront] = [:]
        for job in jobs where Self.isDone(planFolder, index: job.index) {
            let path = Self.jobFolder(planFolder, index: job.index) + "/" + FrontCheckpoint.fileName
            fronts.merge(try FrontCheckpoint.fronts(at: path)) { a, _ in a }
        }
        return fronts
    }

    /// Array indices as Slurm writes them: `0-3,7,9-10`.
    public static func ranges(_ indices: [Int]) -> String {
        var parts: [String] = [], i = 0
        let s = indices.sorted()
        while i < s.count {
            var j = i
            while j + 1 < s.count && s[j + 1] == s[j] + 1 { j += 1 }
            parts.append(i == j ? "\(s[i])" : "\(s[i])-\(s[j])")
            i = j + 1
        }
        return parts.joined(separator: ",")
    }
}
