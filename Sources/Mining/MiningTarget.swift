/// Which itemsets a miner reports.
///
/// - `frequent`: every itemset with support ≥ the minimum.
/// - `closed`: frequent itemsets with no superset of the same support.
/// - `maximal`: frequent itemsets with no frequent superset.
public enum MiningTarget: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case frequent
    case closed
    case maximal

    public var description: String { rawValue }
}
