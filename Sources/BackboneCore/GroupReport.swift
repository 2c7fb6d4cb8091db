import BackboneData
import LinearModel

/// Everything the Pareto report says about one group under one coverage rule.
public struct GroupReport: Sendable, Equatable {
    /// `correct:3`, `misclassified:3`, `confusion:3->5`.
    public var groupName: String
    public var groupKind: Group.Kind
    public var rule: CoverageRule
    public var instanceCount: Int
    public var distinctTransactions: Int
    /// One exact front per backend that ran (empty when exact solving was skipped).
    public var fronts: [ExactFront]
    /// The reference heuristic's backbone and the greedy path's steps, each with its standing
    /// against the first front.
    public var heuristicPoints: [HeuristicPoint]
    /// Things the user should know (e.g. "no layer-complete itemset: the reference heuristic
    /// has no backbone for this group").
    public var notes: [String]

    public init(groupName: String, groupKind: Group.Kind, rule: CoverageRule, instanceCount: Int,
                distinctTransactions: Int, fronts: [ExactFront] = [], heuristicPoints: [HeuristicPoint] = [],
                notes: [String] = []) {
        self.groupName = groupName
        self.groupKind = groupKind
        self.rule = rule
        self.instanceCount = instanceCount
        self.distinctTransactions = distinctTransactions
        self.fronts = fronts
        self.heuristicPoints = heuristicPoints
        self.notes = notes
    }
}

/// The whole report: input description plus every group's report.
public struct ParetoReport: Sendable, Equatable {
    /// Free-form facts about the run: input file, layers, binarization, solver options.
    public var settings: [(String, String)]
    public var groups: [GroupReport]
    /// Set when fronts were cut short: `.interrupted` if any was, else `.timeBudget`.
    public var stop: FrontStop?

    public init(settings: [(String, String)], groups: [GroupReport]) {
        self.settings = settings
        self.groups = groups
    }

    public static func == (a: ParetoReport, b: ParetoReport) -> Bool {
        a.groups == b.groups && a.stop == b.stop && a.settings.map { $0.0 + "=" + $0.1 } == b.settings.map { $0.0 + "=" + $0.1 }
    }
}
