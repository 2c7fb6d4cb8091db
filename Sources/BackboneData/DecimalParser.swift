import Foundation

/// Number parsing straight from file bytes.
///
/// Activation files hold up to ~10^8 numbers, so fields are parsed in place, without making a
/// `String` per field. Short decimals (≤ 19 significant digits, |exponent| ≤ 22, mantissa ≤ 2^53)
/// are converted exactly with one multiplication or division (Clinger's fast path); other
/// mantissas of up to 19 digits (e.g. Python's and NumPy's 17-digit reprs) by the Eisel–Lemire
/// algorithm with a table of 128-bit powers of five (`PowersOfFive`). What neither can settle
/// (near-halfway cases, subnormals, overflow, > 19 digits whose truncation matters) goes to C
/// `strtod` through a reused buffer. Either way the result is the correctly rounded double.
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
    @inline(__always)
    mutating func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Result {
        var stop = start
        let result = parsePrefix(base, start, end, stop: &stop)
        return stop == end ? result : .invalid
    }

    /// Parses the decimal number that starts at `start` and ends at the first byte before `end`
    /// that cannot continue it, and sets `stop` there. The result is for `[start, stop)`, so
    /// it means something only when the caller accepts what follows (`stop == end` for a whole
    /// field, or a delimiter). Without digits (`nan`, `inf`, garbage), `[start, end)` is judged
    /// as a whole and `stop` is `end`.
    mutating func parsePrefix(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, stop: inout Int) -> Result {
        var i = start
        stop = end
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
            if mantissa == 0 {
                // Leading zeros of the fraction only scale.
                while i < end, base[i] == UInt8(ascii: "0") {
                    sawDigit = true
                    fractionDigits &+= 1
                    i &+= 1
                }
            }
            // Eight digits at a time while they fit (the first one is significant: nonzero, or
            // after a nonzero integer part).
            while significant <= 11, end &- i >= 8 {
                let chunk = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                guard Self.isEightDigits(chunk) else { break }
                sawDigit = true
                mantissa = mantissa &* 100_000_000 &+ Self.eightDigits(chunk)
                significant &+= 8
                fractionDigits &+= 8
                i &+= 8
            }
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
            guard i < end, digit(base[i]) != nil else { stop = i; return .invalid }
            while i < end, let d = digit(base[i]) {
                if exponent < 100_000 { exponent = exponent * 10 + d }
                i += 1
            }
            if expNegative { exponent = -exponent }
        }
        stop = i

        let scale = exponent + dropped - fractionDigits
        if mantissa == 0 && exact { return .value(negative ? -0.0 : 0.0) }
        if exact, mantissa <= 1 << 53, scale >= -22, scale <= 22 {
            var v = Double(mantissa)
            if scale >= 0 { v *= Self.exactPowers[scale] } else { v /= Self.exactPowers[-scale] }
            return .value(negative ? -v : v)
        }
        if mantissa != 0, let v = Self.eiselLemire(mantissa, scale) {
            // With dropped digits the value lies in [mantissa, mantissa + 1) · 10^scale: when
            // both ends round to the same double, so does the value (rounding is monotonic).
            if exact || Self.eiselLemire(mantissa + 1, scale) == v {
                return .value(negative ? -v : v)
            }
        }
        return slowPath(base, start, i)
    }

    /// The double nearest to `w · 10^q` (ties to even) by the Eisel–Lemire algorithm (as in
    /// fast_float), or nil when it cannot decide cheaply — near-halfway products, subnormal
    /// or overflowing results, `q` outside the table — and `strtod` must.
    @inline(__always)
    static func eiselLemire(_ w: UInt64, _ q: Int) -> Double? {
        guard w != 0, q >= PowersOfFive.smallest, q <= PowersOfFive.largest else { return nil }
        let lz = w.leadingZeroBitCount
        let wn = w << UInt64(lz)
        let index = 2 * (q - PowersOfFive.smallest)
        return PowersOfFive.table.withUnsafeBufferPointer { table -> Double? in
            var (high, low) = wn.multipliedFullWidth(by: table[index])
            // 64 - 55 = 9 low bits of `high` are below the 52+3 bits we need: when they are all
            // ones the truncation error might carry into them, so add the next 64 bits.
            let precisionMask: UInt64 = UInt64.max >> 55
            if high & precisionMask == precisionMask {
                let (high2, _) = wn.multipliedFullWidth(by: table[index + 1])
                let (sum, carry) = low.addingReportingOverflow(high2)
                low = sum
                if carry { high &+= 1 }
            }
            if low == UInt64.max { return nil }  // a carry from further bits cannot be ruled out
            let upperBit = Int(high >> 63)
            var mantissa = high >> UInt64(upperBit + 9)
            // floor(q · log2(10)) + 63, plus the normalization shifts and the exponent bias 1023.
            var power2 = ((217_706 * q) >> 16) + 63 + upperBit - lz + 1023
            if power2 <= 0 { return nil }  // subnormal
            // Possibly exactly halfway between two doubles (only possible for -4 ≤ q ≤ 23).
            if low <= 1, q >= -4, q <= 23, mantissa & 3 == 1 { return nil }
            mantissa += mantissa & 1
            mantissa >>= 1
            if mantissa >= (2 << 52) {
                mantissa = 1 << 52
                power2 += 1
            }
            mantissa &= ~(1 << 52)
            if power2 >= 0x7FF { return nil }  // overflow
            return Double(bitPattern: UInt64(power2) << 52 | mantissa)
        }
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

    /// Whether the eight bytes of `chunk` (first byte lowest) are all ASCII digits.
    @inline(__always)
    static func isEightDigits(_ chunk: UInt64) -> Bool {
        (chunk & 0xF0F0_F0F0_F0F0_F0F0) | (((chunk &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4)
            == 0x3333_3333_3333_3333
    }

    /// The value of eight ASCII digits (first byte lowest = most significant digit).
    @inline(__always)
    static func eightDigits(_ chunk: UInt64) -> UInt64 {
        var v = chunk & 0x0F0F_0F0F_0F0F_0F0F
        v = (v &* 2561) >> 8
        v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        return ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
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
