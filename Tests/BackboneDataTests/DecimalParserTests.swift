@testable import BackboneData
import Testing

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
