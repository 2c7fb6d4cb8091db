/// Python's `repr` of floats and strings, so written explanation files match what the
/// authors' `str(dict)` produced byte for byte.
enum PythonRepr {
    /// `repr(float)`: the shortest digits that round-trip (Swift's `description` finds the same
    /// digits), laid out the Python way: fixed notation while the decimal exponent `e` of
    /// `d.ddd × 10^e` is in `-4 ... 15`, else `d.ddde±XX`; a whole number keeps `.0`.
    static func float(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        if v == 0 { return v.sign == .minus ? "-0.0" : "0.0" }
        let (digits, exponent) = shortestDigits(abs(v))
        let sign = v < 0 ? "-" : ""
        // Python's float_repr_style 'short': scientific when exponent < -4 or >= 16.
        if exponent < -4 || exponent >= 16 {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let e = abs(exponent)
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
        }
        let point = exponent + 1  // digits before the decimal point
        if point <= 0 {
            return sign + "0." + String(repeating: "0", count: -point) + digits
        }
        if point >= digits.count {
            return sign + digits + String(repeating: "0", count: point - digits.count) + ".0"
        }
        let i = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<i] + "." + digits[i...]
    }

    /// The shortest round-trip significant digits of a positive finite `v` (no leading or
    /// trailing zeros) and the decimal exponent of its first digit.
    static func shortestDigits(_ v: Double) -> (String, Int) {
        // Swift prints shortest round-trip digits, as "123.45", "1.2e-07" or "1e+16".
        let text = v.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...])!
            mantissa = text[..<e]
        }
        var digits = ""
        var pointPosition: Int? = nil
        for c in mantissa {
            if c == "." { pointPosition = digits.count } else { digits.append(c) }
        }
        let intDigits = pointPosition ?? digits.count
        // Strip leading zeros (each moves the first digit one place right).
        var leading = 0
        for c in digits { if c == "0" { leading += 1 } else { break } }
        digits.removeFirst(leading)
        while digits.last == "0" { digits.removeLast() }
        return (digits, exponent + intDigits - 1 - leading)
    }

    /// `repr(str)`: single quotes unless the text has a single quote and no double quote;
    /// backslash, the chosen quote and control characters escaped.
    static func string(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(quote)
        return out
    }
}
