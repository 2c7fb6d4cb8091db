import FileSupport

/// The groups of an activation matrix, by kind, and the class groups that came out empty.
///
/// Groups are only made for keys that have instances, so no group is empty; `emptyGroups`
/// names the per-class groups (`correct:c`, `misclassified:c`) that a class present in the data
/// does not get, so callers can report them instead of silently dropping them.
public struct Grouping: Sendable, Equatable {
    public let groups: [Group]
    /// Names of per-class groups with no instances (e.g. `misclassified:4` when every
    /// instance of class 4 was predicted correctly).
    public let emptyGroups: [String]

    /// Groups of the requested kinds, in the order of `kinds`, each kind's groups sorted by key.
    ///
    /// - `class`: needs only true labels.
    /// - `correct`, `misclassified`: need predictions or plus/minus origin.
    /// - `confusion`: needs predicted labels (plus/minus files do not say what was predicted).
    public init(matrix: ActivationMatrix, kinds: [Group.Kind]) throws {
        var groups: [Group] = []
        var empty: [String] = []
        let classes = matrix.classes
        for kind in kinds {
            switch kind {
            case .trueClass:
                var byClass: [Int: [Int]] = [:]
                for (r, c) in matrix.trueLabels.enumerated() { byClass[c, default: []].append(r) }
                for c in classes { groups.append(Group(kind: .trueClass, key: .label(c), instances: byClass[c]!)) }
            case .correct, .misclassified:
                guard matrix.knowsCorrectness else {
                    throw InputError("\(kind.rawValue) groups need to know which rows were predicted correctly: give predicted labels (a column or a file), or the authors\' minus file beside the plus file")
                }
                let wantCorrect = kind == .correct
                var byClass: [Int: [Int]] = [:]
                for r in 0..<matrix.rowCount where matrix.isCorrect(r) == wantCorrect {
                    byClass[matrix.trueLabels[r], default: []].append(r)
                }
                for c in classes {
                    if let rows = byClass[c] {
                        groups.append(Group(kind: kind, key: .label(c), instances: rows))
                    } else {
                        empty.append("\(kind.rawValue):\(c)")
                    }
                }
            case .confusion:
                guard let predicted = matrix.predictedLabels else {
                    throw InputError("confusion groups need predicted labels (true → predicted); plus/minus files only say a row was wrong, not what was predicted")
                }
                var byPair: [Group.Key: [Int]] = [:]
                for r in 0..<matrix.rowCount where predicted[r] != matrix.trueLabels[r] {
                    byPair[.confusion(trueLabel: matrix.trueLabels[r], predicted: predicted[r]), default: []].append(r)
                }
                for key in byPair.keys.sorted() { groups.append(Group(kind: .confusion, key: key, instances: byPair[key]!)) }
            }
        }
        self.groups = groups
        self.emptyGroups = empty
    }

    /// The kinds `all` stands for, given what the data knows: class groups always;
    /// correct/misclassified when correctness is known; confusion when predictions are.
    public static func availableKinds(for matrix: ActivationMatrix) -> [Group.Kind] {
        var kinds: [Group.Kind] = []
        if matrix.knowsCorrectness { kinds += [.correct, .misclassified] } else { kinds.append(.trueClass) }
        if matrix.predictedLabels != nil { kinds.append(.confusion) }
        return kinds
    }
}
