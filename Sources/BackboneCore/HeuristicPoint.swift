/// A backbone produced by a heuristic, scored with the same coverage rule as the front it
/// is compared with.
public struct HeuristicPoint: Sendable, Equatable {
    /// Which heuristic made a point.
    public enum Method: String, Sendable {
        /// The authors' Section 4 heuristic.
        case reference
        /// The greedy cover path.
        case greedy
    }

    public var method: Method
    /// For the greedy path, the step number (1-based); nil for the reference heuristic.
    public var step: Int?
    public var size: Int
    public var covered: Int
    public var coverage: Double
    public var backbone: [Int]
    /// Where this point stands against the exact front.
    public var standing: Standing?

    public init(method: Method, step: Int? = nil, backbone: [Int], covered: Int, instanceCount: Int) {
        self.method = method
        self.step = step
        self.backbone = backbone
        self.size = backbone.count
        self.covered = covered
        self.coverage = instanceCount == 0 ? 0 : Double(covered) / Double(instanceCount)
    }

    /// `reference` or `greedy step 3`.
    public var label: String { step.map { "\(method.rawValue) step \($0)" } ?? method.rawValue }
}

/// How a heuristic point compares with an exact front (DESIGN.md, "Pareto report").
public struct Standing: Sendable, Equatable {
    public enum Verdict: String, Sendable {
        /// No exact backbone of at most this size covers more, and none smaller covers as much.
        case onFront = "on_front"
        /// Smaller than any backbone that covers anything, with zero coverage.
        case triviallyOnFront = "trivially_on_front"
        /// An exact backbone covers more with as many neurons, or as much with fewer.
        case dominated
        /// Not dominated by any exact point found, but the front is not proven at this size.
        case notDominatedUnproven = "not_dominated_unproven"
    }

    public var verdict: Verdict
    /// Best exact coverage (instances) with at most the heuristic's size.
    public var exactCoveredAtSize: Int
    /// `exactCoveredAtSize − covered` (≥ 0): coverage lost at equal size.
    public var coverageLost: Int
    /// Heuristic size minus the smallest exact size that covers as many instances (≥ 0).
    public var extraNeurons: Int
    /// Whether the exact value used is proven optimal.
    public var exactProven: Bool
    /// The backend whose front was used.
    public var solver: String

    public init(verdict: Verdict, exactCoveredAtSize: Int, coverageLost: Int, extraNeurons: Int,
                exactProven: Bool, solver: String) {
        self.verdict = verdict
        self.exactCoveredAtSize = exactCoveredAtSize
        self.coverageLost = coverageLost
        self.extraNeurons = extraNeurons
        self.exactProven = exactProven
        self.solver = solver
    }
}
