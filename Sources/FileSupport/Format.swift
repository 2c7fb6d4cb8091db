import Foundation

/// The toolkit's one number formatter (reports, tables, progress lines). Written by hand (not
/// `String(format:)`) so the output never depends on a locale and is byte-identical across
/// platforms.
public enum Format {
    /// `x` with exactly `decimals` digits after the point, rounded half away from zero.
    /// Non-finite values become `nan`, `inf`, `-inf`.
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond Int64 the fixed form is meaningless anyway; fall back to Swift's shortest form.
        guard scaled < 9e18 else { return "\(x)" }
        var digits = String(Int64(scaled))
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        // No "-0.00": a value that rounds to zero has no sign.
        return (x < 0 && scaled != 0 ? "-" : "") + digits
    }

    /// A share in [0, 1] as a percentage: `0.9023` → `90.2 %`.
    public static func percent(_ share: Double, _ decimals: Int = 1) -> String {
        fixed(share * 100, decimals) + " %"
    }

    /// The JSON writer's number text (shortest round-trip, integral values without `.0`), so
    /// CSV and JSON show the same digits for the same value. Non-finite → empty.
    public static func exact(_ x: Double) -> String {
        x.isFinite ? JSON.number(x).serialized() : ""
    }

    /// `q` as the coverage rule prints it: `1`, `0.5`.
    public static func share(_ q: Double) -> String { q == 1 ? "1" : exact(q) }

    /// About three significant digits (`0.973`, `12.3`, `1234`), for progress lines.
    public static func short(_ x: Double) -> String {
        guard x.isFinite, x != 0 else { return fixed(x, 0) }
        let magnitude = Int((log10(abs(x))).rounded(.down))
        return fixed(x, max(0, 2 - magnitude))
    }

    /// `1 instance`, `3 instances`.
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : (plural ?? singular + "s"))
    }
}
