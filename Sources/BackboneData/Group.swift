/// A set of instances (rows of an activation matrix) that a backbone is sought for.
public struct Group: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, CaseIterable, Hashable {
        /// All instances of one true class.
        case trueClass = "class"
        /// Instances of one true class the network predicted correctly.
        case correct
        /// Instances of one true class the network got wrong (keyed by the true class).
        case misclassified
        /// Instances of true class `c` predicted as `d ≠ c`.
        case confusion
    }

    public enum Key: Sendable, Equatable, Hashable, Comparable {
        case label(Int)
        case confusion(trueLabel: Int, predicted: Int)
    }

    public let kind: Kind
    public let key: Key
    /// Row indices, ascending.
    public let instances: [Int]

    public init(kind: Kind, key: Key, instances: [Int]) {
        self.kind = kind
        self.key = key
        self.instances = instances
    }

    /// `class:3`, `correct:3`, `misclassified:3`, `confusion:3->5` (true → predicted).
    public var name: String { "\(kind.rawValue):\(keyText(arrow: "->"))" }

    /// The name made safe for file names: `correct-3`, `confusion-3-to-5`.
    public var fileStem: String { "\(kind.rawValue)-\(keyText(arrow: "-to-"))" }

    public var count: Int { instances.count }

    private func keyText(arrow: String) -> String {
        switch key {
        case .label(let c): return String(c)
        case let .confusion(t, p): return "\(t)\(arrow)\(p)"
        }
    }
}
