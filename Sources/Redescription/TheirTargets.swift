/// The targets of ExItNeRdoM's runs: each distinct single-interval `W1R` query of their `.rr`
/// files, with the best JS they report for it (over every `W2R` it is paired with).
public struct TheirTarget: Sendable {
    public var literal: IntervalLiteral
    /// Their best JS for this target, and the redescription that has it (first in file order).
    public var bestJaccard: Double
    public var best: RRRecord
    public var bestFile: String
    /// How many of their redescriptions have this target.
    public var records: Int

    /// Collects the targets of `files` (path and contents), ordered by attribute position in
    /// `view` (the first view) and then by bounds.
    public static func collect(_ files: [(path: String, file: RRFile)], view: View) -> [TheirTarget] {
        var targets: [IntervalLiteral: TheirTarget] = [:]
        for (path, file) in files {
            for record in file.records {
                guard case let .literal(l) = record.left else { continue }
                if var t = targets[l] {
                    t.records += 1
                    if record.jaccard > t.bestJaccard { (t.bestJaccard, t.best, t.bestFile) = (record.jaccard, record, path) }
                    targets[l] = t
                } else {
                    targets[l] = TheirTarget(literal: l, bestJaccard: record.jaccard, best: record, bestFile: path, records: 1)
                }
            }
        }
        func position(_ l: IntervalLiteral) -> Int { view.column(named: l.attribute) ?? Int.max }
        return targets.values.sorted {
            (position($0.literal), $0.literal.lower, $0.literal.upper) < (position($1.literal), $1.literal.lower, $1.literal.upper)
        }
    }
}
