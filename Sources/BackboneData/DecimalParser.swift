import Foundation

/// Number parsing straight from file bytes.
///
/// Activation files hold up to ~10^8 numbers, so fields are parsed in place, without making a
/// `String` per field. Short decimals (≤ 19 significant digits, |exponent| ≤ 22, mantissa ≤ 2^53)
/// are converted exactly with one multiplication or division (Clinger's fast path); anything
/// else (e.g. Python's 17-digit reprs) goes to C `strtod` through a reused buffer, which is
/// correctly rounded. Either way the result is the correctly rounded double.
struct DecimalParser {
    enum Result: Equatable {
        case value(Double)
        /// `nan`, `inf`, `infinity` (any case, optional sign), or a finite literal that overflows.
        case notFinite
        /// Not a decimal number.
        case invalid
    }

    /// Reused null-terminated buffer for `strtod`.
    private var scratch: [CChar] = Array(repeating: 0, count: 128)

    /// 10^0 ... 10^22, all exactly representable (built by exact multiplications).
    private static let exactPowers: [Double] = {
        var p: [Double] = [1]
        for _ in 1...22 { p.append(p[p.count - 1] * 10) }
        return p
    }()

    /// Parses the bytes `[start, end)` of `base` as a decimal floating-point number.
    mutating func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Result {
        var i = start
        guard i < end else { return .invalid }
        var negative = false
        if base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+") {
            negative = base[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0      // digits accumulated into `mantissa` (leading zeros excluded)
        var dropped = 0          // integer-part digits beyond 19 (scale the exponent up)
        var fractionDigits = 0   // fraction digits accumulated (scale the exponent down)
        var sawDigit = false
        var exact = true         // false when nonzero digits had to be dropped
        while i < end, let d = digit(base[i]) {
            sawDigit = true
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                if mantissa != 0 { significant += 1 }
            } else {
                dropped += 1
                if d != 0 { exact = false }
            }
            i += 1
        }
        if i < end, base[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, let d = digit(base[i]) {
                sawDigit = true
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    if mantissa != 0 { significant += 1 }
                    fractionDigits += 1
                } else if d != 0 {
                    exact = false
                }
                i += 1
            }
        }
        guard sawDigit else { return Self.special(base, start, end) }
        var exponent = 0
        if i < end, base[i] == UInt8(ascii: "e") || base[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < end, base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+") {
                expNegative = base[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < end, digit(base[i]) != nil else { return .invalid }
            while i < end, let d = digit(base[i]) {
                if exponent < 100_000 { exponent = exponent * 10 + d }
                i += 1
            }
            if expNegative { exponent = -exponent }
        }
        guard i == end else { return .invalid }

        let scale = exponent + dropped - fractionDigits
        if mantissa == 0 && exact { return .value(negative ? -0.0 : 0.0) }
        if exact, mantissa <= 1 << 53, scale >= -22, scale <= 22 {
            var v = Double(mantissa)
            if scale >= 0 { v *= Self.exactPowers[scale] } else { v /= Self.exactPowers[-scale] }
            return .value(negative ? -v : v)
        }
        return slowPath(base, start, end)
    }

    /// Correctly rounded conversion by the C library (the token was already validated).
    private mutating func slowPath(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Result {
        let n = end - start
        if n + 1 > scratch.count { scratch = Array(repeating: 0, count: n + 1) }
        let v: Double? = scratch.withUnsafeMutableBufferPointer { buf -> Double? in
            let p = buf.baseAddress!
            UnsafeMutableRawPointer(p).copyMemory(from: base + start, byteCount: n)
            p[n] = 0
            var endPointer: UnsafeMutablePointer<CChar>? = nil
            let v = strtod(p, &endPointer)
            return endPointer == p + n ? v : nil
        }
        guard let v else { return .invalid }
        return v.isFinite ? .value(v) : .notFinite
    }

    /// `nan`, `inf`, `infinity` with an optional sign, any case.
    private static func special(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Result {
        var i = start
        if i < end, base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+") { i += 1 }
        var word = ""
        while i < end, word.count < 9 {
            word.append(Character(Unicode.Scalar(base[i] | 0x20)))
            i += 1
        }
        guard i == end else { return .invalid }
        return ["nan", "inf", "infinity"].contains(word) ? .notFinite : .invalid
    }

    @inline(__always)
    private func digit(_ b: UInt8) -> Int? {
        let d = Int(b) &- 48
        return d >= 0 && d <= 9 ? d : nil
    }
}

extension DecimalParser {
    /// Parses a whole string (for small inputs: headers, command-line values).
    mutating func parse(_ text: Substring) -> Result {
        var bytes = Array(text.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { parse($0.baseAddress!, 0, $0.count - 1) }
    }
}

/// An integral value as `Int`, or nil (non-integral, or beyond ±2^53 where doubles skip integers).
func exactInteger(_ v: Double) -> Int? {
    guard v.rounded() == v, abs(v) <= 9_007_199_254_740_992 else { return nil }
    return Int(v)
}
