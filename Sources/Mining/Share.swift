/// A share `s` of `n` things as a whole number: the toolkit's one rounding rule for shares,
/// used by minimum supports, coverage requirements `⌈q·a⌉`, coverage targets `⌈α·|T|⌉` and
/// budgets `⌊ρ·n⌋`.
///
/// The product is computed in floating point, where `0.3·10` is `3.0000000000000004` and
/// `0.29·100` is `28.999999999999996`. So that these still mean 3 and 29, the product is moved
/// by a relative `1e-9` (at least `1e-9`) toward the integer it should round to before
/// rounding: only a product within one part in a billion of an integer is affected.
public enum Share {
    public static let slack = 1e-9

    /// `⌈s·n⌉`: the least whole number that is at least the share.
    public static func count(_ s: Double, of n: Int) -> Int {
        let exact = s * Double(n)
        return Int((exact - slack * max(1, abs(exact))).rounded(.up))
    }

    /// `⌊s·n⌋`: the greatest whole number that is at most the share.
    public static func floor(_ s: Double, of n: Int) -> Int {
        let exact = s * Double(n)
        return Int((exact + slack * max(1, abs(exact))).rounded(.down))
    }
}
