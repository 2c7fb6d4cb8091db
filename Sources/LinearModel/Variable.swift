/// What values a variable may take.
public enum VariableKind: String, Sendable, Codable, CaseIterable {
    /// 0 or 1 (bounds are clamped to [0, 1]).
    case binary
    /// Any integer within its bounds.
    case integer
    /// Any real number within its bounds.
    case continuous

    public var isIntegral: Bool { self != .continuous }
}

/// One column of a model. Bounds may be infinite (`-.infinity`, `.infinity`).
public struct Variable: Sendable, Equatable {
    public var name: String?
    public var kind: VariableKind
    public var lower: Double
    public var upper: Double
    /// Objective coefficient.
    public var cost: Double

    public init(name: String? = nil, kind: VariableKind, lower: Double = 0, upper: Double = .infinity, cost: Double = 0) {
        self.name = name
        self.kind = kind
        self.lower = kind == .binary ? max(0, lower) : lower
        self.upper = kind == .binary ? min(1, upper) : upper
        self.cost = cost
    }
}

/// A handle to a variable of a `Model` (its 0-based column index).
public struct VariableID: Hashable, Sendable, Comparable {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (a: VariableID, b: VariableID) -> Bool { a.index < b.index }
}
