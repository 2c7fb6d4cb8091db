import BackboneCore
import BackboneData
import FileSupport
import LinearModel

/// `backbones ilp` as one call: the model asked for (cover, joint or reference), the files it
/// is exported to before solving, and the solve.
public struct ILPRun: Sendable {
    public enum Job: Sendable {
        case cover(CoverILPJob)
        case joint(JointILPJob)
        case reference(ReferenceILPJob)
    }

    /// What was solved, with what the report needs to describe it.
    public enum Outcome: Sendable {
        case cover([CoverILPJob.GroupResult], rule: CoverageRule, goal: CoverILPJob.Goal)
        case joint([JointILPJob.Solved])
        case reference([ReferenceILPJob.Solved], built: ReferenceILPJob.Built, groups: [String], neurons: Int)
    }

    public var job: Job
    /// CPLEX LP and free MPS files of the model that is solved, written before solving.
    public var lp: String?
    public var mps: String?

    public init(job: Job, lp: String? = nil, mps: String? = nil) {
        self.job = job
        self.lp = lp
        self.mps = mps
    }

    /// Exports (if asked) and solves. `onPoint` sees each exact front point of a cover run as
    /// it is found: `(group, engine, point)`.
    public func run(_ loaded: LoadedActivations,
                    onPoint: (@Sendable (String, String, FrontPoint) -> Void)? = nil) throws -> Outcome {
        switch job {
        case let .cover(job):
            if lp != nil || mps != nil {
                guard loaded.groups.count == 1, job.goal != .front,
                      let model = job.model(for: GroupTransactions(database: loaded.database(of: loaded.groups[0]), layout: loaded.layout)) else {
                    throw InputError("--write-lp/--write-mps with --model cover need one group (--only NAME) and --budget or --alpha")
                }
                try model.compile().export(lp: lp, mps: mps)
            }
            return .cover(try job.run(loaded, onPoint: onPoint), rule: job.rule, goal: job.goal)
        case let .joint(job):
            if lp != nil || mps != nil { try job.model(loaded).0.build().compile().export(lp: lp, mps: mps) }
            return .joint(try job.run(loaded))
        case let .reference(job):
            let built = try job.build(loaded)
            try built.compiled.export(lp: lp, mps: mps)
            return .reference(try job.solve(built), built: built, groups: loaded.groups.map(\.name), neurons: loaded.layout.neuronCount)
        }
    }
}
