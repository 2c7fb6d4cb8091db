import Mining

/// When a backbone covers an instance (DESIGN.md, "Coverage"): in every layer `l` where the
/// instance activates something, the backbone holds at least `max(1, ⌈q·|t ∩ L_l|⌉)` of the
/// neurons the instance activates there. `q = 1` means `t ⊆ B` (the authors' coverage rows).
///
/// Choice written down: a layer where the instance activates nothing asks for nothing (the
/// design's `max(1, …)` would otherwise make such an instance uncoverable). The authors'
/// `reference` binarization activates neurons in every layer, so this never matters there.
public struct CoverageRule: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The share `q` in (0, 1].
    public let share: Double

    public init(share: Double) throws {
        guard share > 0, share <= 1, share.isFinite else {
            throw CoreError.invalidArgument("coverage share q must be in (0, 1], got \(share)")
        }
        self.share = share
    }

    public static let full = try! CoverageRule(share: 1)

    /// Shares in (0, 1], comma-separated (`1,0.5`); at least one.
    public static func shares(parsing text: String) throws -> [CoverageRule] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !(parts.count == 1 && parts[0].isEmpty) else { throw CoreError.invalidArgument("no coverage share given: give shares in (0, 1], e.g. 1,0.5") }
        return try parts.map { part in
            guard let value = Double(part), value > 0, value <= 1 else {
                throw CoreError.invalidArgument("coverage shares are in (0, 1], comma-separated; got '\(part)'")
            }
            return try CoverageRule(share: value)
        }
    }

    public var description: String { "q=\(share == 1 ? "1" : String(share))" }

    /// Neurons needed from a layer in which the instance activates `active` neurons.
    public func requirement(active: Int) -> Int {
        guard active > 0 else { return 0 }
        // ⌈q·a⌉ by the toolkit's share rounding (0.5·4 is 2, not 3 after rounding error).
        return max(1, Share.count(share, of: active))
    }

    /// Requirements of one transaction, per layer.
    public func requirements(of items: [Int], layout: LayerLayout) -> [Int] {
        var active = [Int](repeating: 0, count: layout.layerCount)
        for i in items { active[layout.layer(of: i)] += 1 }
        return active.map(requirement(active:))
    }

    /// Whether `backbone` (a membership mask over all neurons) covers the transaction.
    public func covers(_ items: [Int], backbone: [Bool], layout: LayerLayout) -> Bool {
        var active = [Int](repeating: 0, count: layout.layerCount)
        var held = [Int](repeating: 0, count: layout.layerCount)
        for i in items {
            let l = layout.layer(of: i)
            active[l] += 1
            if backbone[i] { held[l] += 1 }
        }
        for l in 0..<layout.layerCount where held[l] < requirement(active: active[l]) { return false }
        return true
    }

    /// Smallest backbone size that can cover this transaction.
    public func minimumSize(of items: [Int], layout: LayerLayout) -> Int {
        requirements(of: items, layout: layout).reduce(0, +)
    }
}

/// Errors of the core computations that are the caller's fault.
public enum CoreError: Error, Equatable, CustomStringConvertible {
    /// An argument the computation cannot take (the caller's input).
    case invalidArgument(String)
    case emptyGroup(String)
    /// Two engines prove different optima for the same point (a result check failed).
    case solverDisagreement(String)
    /// A backend ended with an error status, or an engine's result failed its own check.
    case solverFailed(String)

    public var description: String {
        switch self {
        case let .invalidArgument(m): return m
        case let .emptyGroup(g): return "group \(g) has no instances"
        case let .solverDisagreement(m): return m
        case let .solverFailed(m): return m
        }
    }
}

extension CoverageRule: Codable {
    public init(from decoder: Decoder) throws {
        try self.init(share: try decoder.singleValueContainer().decode(Double.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(share)
    }
}
