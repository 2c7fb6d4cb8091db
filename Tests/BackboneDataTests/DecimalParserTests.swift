@testable import BackboneData
import Foundation
import Testing
import TestSupport

@Suite struct DecimalParserTests {
    func parse(_ s: String) -> DecimalParser.Result {
        var p = DecimalParser()
        return p.parse(Substring(s))
    }

    @Test(arguments: [
        "0", "-0.0", "1", "0.1", "0.3", "3.3306690738754686e-16", "0.8750000000000002", "6.717640464369946",
        "2.3951044268767182e-26", "1e22", "1e23", "123456789012345678901234567890", "0.000123", "-7.5e-3",
        "4.9e-324", "1.7976931348623157e308", "+2.5", ".5", "5.", "1E+05", "9007199254740993",
        "3.000000000000000000e+00", "0.1000000000000000055511151231257827",
    ])
    func agreesWithTheStandardLibrary(_ text: String) {
        #expect(parse(text) == .value(Double(text)!))
    }

    @Test(arguments: ["nan", "NaN", "-inf", "inf", "Infinity", "+INF", "1e400", "-1e999"])
    func nonFiniteIsFlagged(_ text: String) {
        #expect(parse(text) == .notFinite)
    }

    @Test(arguments: ["", "-", ".", "e5", "1e", "1e+", "1.2.3", "0x10", "abc", "1,5", "12a", "--1", "nanx"])
    func garbageIsInvalid(_ text: String) {
        #expect(parse(text) == .invalid)
    }

    @Test func signOfZeroIsKept() {
        guard case .value(let v) = parse("-0") else { Issue.record("not parsed"); return }
        #expect(v == 0 && v.sign == .minus)
    }
}

/// The fast paths (Clinger, Eisel–Lemire) against the C library, bit for bit.
@Suite struct DecimalParserBitExactTests {
    func libc(_ s: String) -> Double { strtod(s, nil) }

    /// Parses `s` and checks it equals `strtod` and `Double(String)` bit for bit.
    func check(_ s: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var p = DecimalParser()
        let expected = libc(s)
        #expect(Double(s).map { $0.bitPattern == expected.bitPattern } ?? false, "\(s)", sourceLocation: sourceLocation)
        switch p.parse(Substring(s)) {
        case .value(let v):
            #expect(v.bitPattern == expected.bitPattern, "\(s): \(v) ≠ \(expected)", sourceLocation: sourceLocation)
        case .notFinite:
            #expect(!expected.isFinite, "\(s)", sourceLocation: sourceLocation)
        case .invalid:
            Issue.record("\(s) rejected", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        "0.1", "0.2", "0.3", "1e-300", "-1e-300", "1e300", "4.9e-324", "5e-324", "2.4703282292062327e-324",
        "2.4703282292062328e-324", "2.2250738585072011e-308", "2.2250738585072014e-308",
        "2.225073858507201e-308", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
        "9007199254740993", "9007199254740992.5", "9007199254740993.0000000001", "18014398509481985",
        "0.017003910663104471", "0.00051849177404025316", "0.53212134843961079", "1.9614421172330827",
        "00000000000000000000000000001.5", "0.000000000000000000000000000000000000000000000000123456789012345678",
        "12345678901234567890123", "1234567890123456789.0123456789", "9999999999999999999", "18446744073709551615",
        "18446744073709551616", "1e23", "8.988465674311579e307", "7.2057594037927933e16", "-0.0", "-0",
        "123456789012345678e-30", "2.00000000000000011102230246251565404236316680908203125",
        "2.00000000000000011102230246251565404236316680908203124", "2.00000000000000011102230246251565404236316680908203126",
        "1.00000000000000011102230246251565404236316680908203125", "3.0517578125e-05", "1e-5", "1e-400", "1e400",
        "0.99999999999999994448884876874217297882", "0.999999999999999944488848768742172978818416595458984375",
    ])
    func handCases(_ s: String) {
        check(s)
    }

    /// Shortest and 17-digit reprs of random doubles (what Python and NumPy write), subnormals included.
    @Test func reprsOfRandomDoubles() {
        var g = SplitMix(seed: 20_261_121)
        for i in 0..<40_000 {
            var d: Double
            switch i % 4 {
            case 0: d = Double(bitPattern: g.next() & 0x7FEF_FFFF_FFFF_FFFF)  // any finite, below the max exponent
            case 1: d = Double.random(in: 0..<4, using: &g)                   // activations
            case 2: d = Double(bitPattern: g.next() & 0x000F_FFFF_FFFF_FFFF)  // subnormals
            default: d = Double.random(in: -1e-3..<1e3, using: &g)
            }
            if g.next() & 1 == 0 { d = -d }
            check("\(d)")
            check(String(format: "%.17g", d))
            check(String(format: "%.16e", d))
        }
    }

    /// Random decimal strings: leading zeros, long mantissas (beyond 19 digits), exponents.
    @Test func randomDecimalStrings() {
        var g = SplitMix(seed: 42)
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(Int.random(in: 0...9, using: &g))) }) }
        for _ in 0..<60_000 {
            var s = Bool.random(using: &g) ? "-" : ""
            let intDigits = Int.random(in: 0...24, using: &g)
            let fracDigits = Int.random(in: 0...24, using: &g)
            s += String(repeating: "0", count: Int.random(in: 0...2, using: &g) == 0 ? Int.random(in: 1...5, using: &g) : 0)
            s += digits(intDigits)
            if fracDigits > 0 || intDigits == 0 { s += "." + digits(max(fracDigits, 1)) }
            if Int.random(in: 0...2, using: &g) > 0 {
                s += (Bool.random(using: &g) ? "e" : "E") + ["", "+", "-"].randomElement(using: &g)!
                s += String(Int.random(in: 0...(Bool.random(using: &g) ? 30 : 340), using: &g))
            }
            check(s)
        }
    }

    /// Decimals close to halfway between two neighbouring doubles, where rounding is hardest.
    @Test func nearHalfway() {
        var g = SplitMix(seed: 7)
        for _ in 0..<20_000 {
            let d = Double(bitPattern: g.next() & 0x7FEF_FFFF_FFFF_FFFF)
            let e = d.nextUp
            guard e.isFinite else { continue }
            // (d + e) / 2 rounded to 17–25 significant digits: both sides of the midpoint.
            let mid = d / 2 + e / 2
            let precision = Int.random(in: 17...25, using: &g)
            check(String(format: "%.\(precision)e", mid))
            check(String(format: "%.\(precision)e", d))
        }
    }

    /// The Eisel–Lemire path alone: whenever it answers, it agrees with `strtod`, and it does
    /// answer for (nearly) all 17-digit reprs of activations.
    @Test func eiselLemireDecidesReprs() {
        var g = SplitMix(seed: 99)
        var undecided = 0
        let n = 20_000
        for _ in 0..<n {
            let d = Double.random(in: 0..<8, using: &g)
            let s = String(format: "%.16e", d)  // 17 significant digits
            let parts = s.split(separator: "e")
            let w = UInt64(parts[0].replacingOccurrences(of: ".", with: ""))!
            let q = Int(parts[1])! - 16
            if let v = DecimalParser.eiselLemire(w, q) {
                #expect(v.bitPattern == d.bitPattern, "\(s)")
            } else {
                undecided += 1
            }
        }
        #expect(undecided * 1000 < n, "undecided \(undecided) of \(n)")
    }
}
