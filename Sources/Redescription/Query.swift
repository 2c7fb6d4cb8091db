/// `lower ≤ attribute ≤ upper`: a closed interval on one attribute (their `a >= lo <= hi`).
public struct IntervalLiteral: Hashable, Sendable {
    public var attribute: String
    public var lower: Double
    public var upper: Double

    public init(attribute: String, lower: Double, upper: Double) {
        self.attribute = attribute
        self.lower = lower
        self.upper = upper
    }

    public func contains(_ x: Double) -> Bool { lower <= x && x <= upper }
}

/// A query over one view: interval literals combined by NOT, AND and OR. Precedence is
/// NOT > AND > OR, as in ExItNeRdoM's `.rr` files (`NOT ( a ) OR ( b AND c )` is
/// `(¬a) ∨ (b ∧ c)`).
public indirect enum Query: Hashable, Sendable {
    case literal(IntervalLiteral)
    case not(Query)
    /// All of the operands (two or more).
    case and([Query])
    /// Any of the operands (two or more).
    case or([Query])

    /// The literals in the order they appear.
    public var literals: [IntervalLiteral] {
        switch self {
        case let .literal(l): return [l]
        case let .not(q): return q.literals
        case let .and(qs), let .or(qs): return qs.flatMap(\.literals)
        }
    }

    /// The attributes the query reads, in order of first appearance.
    public var attributes: [String] {
        var seen: Set<String> = []
        return literals.map(\.attribute).filter { seen.insert($0).inserted }
    }

    /// Whether the query is a conjunction of literals (or one literal): no NOT, no OR.
    public var isConjunction: Bool {
        switch self {
        case .literal: return true
        case .not, .or: return false
        case let .and(qs): return qs.allSatisfy { if case .literal = $0 { return true }; return false }
        }
    }

    /// The query in the `.rr` syntax: `a >= 0.0 <= 2.5 AND NOT ( b >= 1.0 <= 3.0 )`, with
    /// parentheses only where precedence needs them (and always after NOT). Numbers are
    /// written in their shortest round-trip form, so `QueryParser` reads back the same query.
    public var text: String { render(parentPrecedence: 0) }

    private func render(parentPrecedence: Int) -> String {
        switch self {
        case let .literal(l):
            return "\(l.attribute) >= \(Self.number(l.lower)) <= \(Self.number(l.upper))"
        case let .not(q):
            return "NOT ( \(q.render(parentPrecedence: 0)) )"
        case let .and(qs):
            let s = qs.map { $0.render(parentPrecedence: 2) }.joined(separator: " AND ")
            return parentPrecedence > 2 ? "( \(s) )" : s
        case let .or(qs):
            let s = qs.map { $0.render(parentPrecedence: 1) }.joined(separator: " OR ")
            return parentPrecedence > 1 ? "( \(s) )" : s
        }
    }

    static func number(_ x: Double) -> String { "\(x)" }
}
