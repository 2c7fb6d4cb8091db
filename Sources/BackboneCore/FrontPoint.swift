import LinearModel

/// One point of an exact coverage-vs-size front: the best backbone found with at most
/// `budget` neurons, as one backend solved it.
public struct FrontPoint: Sendable, Equatable {
    /// The size limit `K` of this solve.
    public var budget: Int
    /// Neurons in the backbone returned (tidied; at most `budget`).
    public var size: Int
    /// Instances the backbone covers (recomputed from the backbone, not read off the solver).
    public var covered: Int
    /// `covered / instances`.
    public var coverage: Double
    public var status: SolveStatus
    /// Best proven upper bound on coverable instances at this budget (nil when unknown).
    public var bound: Double?
    /// Relative gap reported for this point (0 when proven optimal).
    public var gap: Double?
    public var seconds: Double
    public var solver: String
    /// The backbone itself, ascending neuron ids.
    public var backbone: [Int]

    public var isProvenOptimal: Bool { status == .optimal }

    /// A point of a front sweep: size and coverage from the backbone, and the gap
    /// `(bound − covered)/max(1, covered)` (0 when `status` is `.optimal`).
    init(budget: Int, backbone: [Int], covered: Int, of instances: Int, status: SolveStatus, bound: Double,
         seconds: Double, solver: String) {
        let proven = status == .optimal
        self.init(budget: budget, size: backbone.count, covered: covered, coverage: Double(covered) / Double(instances),
                  status: status, bound: bound,
                  gap: proven ? 0 : max(0, bound - Double(covered)) / max(1, Double(covered)),
                  seconds: seconds, solver: solver, backbone: backbone)
    }

    public init(budget: Int, size: Int, covered: Int, coverage: Double, status: SolveStatus, bound: Double?,
                gap: Double?, seconds: Double, solver: String, backbone: [Int]) {
        self.budget = budget
        self.size = size
        self.covered = covered
        self.coverage = coverage
        self.status = status
        self.bound = bound
        self.gap = gap
        self.seconds = seconds
        self.solver = solver
        self.backbone = backbone
    }
}

/// The exact front of one group under one coverage rule, solved by one backend.
public struct ExactFront: Sendable, Equatable {
    public var groupName: String
    public var rule: CoverageRule
    public var solver: String
    public var solverVersion: String
    public var instanceCount: Int
    public var distinctTransactions: Int
    /// Below this size nothing can be covered: the front is 0 there (trivially).
    public var minimumUsefulSize: Int
    /// One point per budget from `minimumUsefulSize` until everything is covered.
    public var points: [FrontPoint]
    /// Why the front ended before full coverage, when a stop request or the time budget ended it.
    public var stop: FrontStop?

    public init(groupName: String, rule: CoverageRule, solver: String, solverVersion: String, instanceCount: Int,
                distinctTransactions: Int, minimumUsefulSize: Int, points: [FrontPoint]) {
        self.groupName = groupName
        self.rule = rule
        self.solver = solver
        self.solverVersion = solverVersion
        self.instanceCount = instanceCount
        self.distinctTransactions = distinctTransactions
        self.minimumUsefulSize = minimumUsefulSize
        self.points = points
    }

    public var totalSeconds: Double { points.reduce(0) { $0 + $1.seconds } }
    public var provenCount: Int { points.filter(\.isProvenOptimal).count }

    /// The Pareto-optimal points: those covering strictly more than every smaller budget.
    public var paretoPoints: [FrontPoint] {
        var best = 0
        return points.filter { p in
            defer { best = max(best, p.covered) }
            return p.covered > best
        }
    }

    /// Best known coverage (instances) with at most `size` neurons, and whether it is proven.
    /// Uses monotonicity: a larger budget never covers less.
    public func bestCovered(atMost size: Int) -> (covered: Int, proven: Bool)? {
        if size < minimumUsefulSize { return (0, true) }
        guard let p = points.last(where: { $0.budget <= size }) else { return nil }
        if size > (points.last?.budget ?? 0), p.covered == instanceCount { return (instanceCount, true) }
        return (p.covered, p.isProvenOptimal && p.budget == size || p.covered == instanceCount)
    }

    /// The first budget both fronts prove optimal with different coverage, described
    /// (nil when they agree wherever both are proven).
    public func disagreement(with other: ExactFront) -> String? {
        for p in points where p.isProvenOptimal {
            if let q = other.points.first(where: { $0.budget == p.budget }), q.isProvenOptimal, q.covered != p.covered {
                return "\(groupName) \(rule) at size \(p.budget): \(solver) proves \(p.covered) covered, \(other.solver) proves \(q.covered)"
            }
        }
        return nil
    }

    /// Smallest budget whose best known backbone covers at least `covered` instances.
    public func smallestSize(covering covered: Int) -> Int? {
        if covered <= 0 { return 0 }
        return points.first { $0.covered >= covered }?.budget
    }
}

// Codable for the run checkpoint (`FrontCheckpoint`): a front read back is equal to the one written.
extension FrontPoint: Codable {}
extension ExactFront: Codable {}
