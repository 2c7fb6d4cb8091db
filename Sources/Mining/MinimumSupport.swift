import FileSupport

/// The minimum support of an itemset: an absolute number of transactions, or a fraction of
/// the database.
///
/// The rounding rule, stated once and used everywhere: a fraction `f` of a database with
/// `|T|` transactions means the count `max(1, ⌈f·|T|⌉)`. The product is computed in floating
/// point, where `0.3 · 10` is `3.0000000000000004`; so that this still means 3 (not 4), the
/// product is first lowered by a relative `1e-9` before rounding up. (Only a fraction within
/// one part in a billion above an integer boundary is affected, and it rounds to that
/// boundary.) The floor of 1 keeps an empty database from making every itemset frequent.
public enum MinimumSupport: Sendable, Hashable, CustomStringConvertible {
    /// At least this many transactions (≥ 1).
    case count(Int)
    /// At least this share of the transactions, in (0, 1].
    case fraction(Double)

    /// The relative slack applied to `f·|T|` before rounding up (see the type's comment; `Share`).
    public static let roundingSlack = Share.slack

    /// Throws an `InputError` unless the count is ≥ 1 or the fraction is in (0, 1].
    public func validate() throws {
        switch self {
        case let .count(c):
            guard c >= 1 else {
                throw InputError("minimum support count must be at least 1 transaction, got \(c)")
            }
        case let .fraction(f):
            guard f.isFinite, f > 0, f <= 1 else {
                throw InputError("minimum support fraction must be in (0, 1], got \(f) (for an absolute number of transactions give a count)")
            }
        }
    }

    /// The absolute minimum support for a database of `transactionCount` transactions.
    public func count(forTransactionCount transactionCount: Int) throws -> Int {
        try validate()
        switch self {
        case let .count(c):
            return c
        case let .fraction(f):
            return max(1, Share.count(f, of: transactionCount))
        }
    }

    public var description: String {
        switch self {
        case let .count(c): return "\(c) transactions"
        case let .fraction(f): return "fraction \(f)"
        }
    }
}
