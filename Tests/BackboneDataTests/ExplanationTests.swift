@testable import BackboneData
import FileSupport
import Foundation
import Testing

@Suite struct ExplanationTests {
    static let birdFiles = (1...10).map { "bird/explanation\($0).txt" }
    static let lfwFiles = (2...5).map { "lfw/explanation\($0).txt" }

    @Test(.enabled(if: Fixtures.referenceAvailable, "shared/reference is missing: cannot read the authors' explanation files"),
          arguments: birdFiles + lfwFiles)
    func roundTripsTheAuthorsFiles(_ name: String) throws {
        let path = Fixtures.reference(name)
        let original = try TextFile.read(path)
        let parsed = try Explanation.parse(original, file: path)
        let written = parsed.text
        #expect(try Explanation.parse(written) == parsed)
        // Python's str(dict) layout and float repr are reproduced exactly.
        #expect(written == original)
    }

    @Test(.enabled(if: Fixtures.referenceAvailable, "shared/reference is missing"))
    func birdFilesHaveTheStatedShape() throws {
        var sizes: [Int] = []
        for name in Self.birdFiles {
            let e = try Explanation.read(path: Fixtures.reference(name))
            #expect(e.correct.map(\.key) == [.string("0"), .string("1")])
            #expect(e.misclassified.map(\.key) == [.string("0"), .string("1")])
            #expect(e.confusion.isEmpty)
            for b in e.correct + e.misclassified {
                #expect(b.neurons.allSatisfy { $0.neuron >= 0 && $0.neuron < 288 && $0.weight > 0 && $0.weight <= 1 })
                #expect(Set(b.neurons.map(\.neuron)).count == b.neurons.count)
            }
            sizes += e.correct.map(\.neurons.count)
        }
        // REFERENCE.md: correct-group backbones of 4–16 neurons per class.
        #expect(sizes.min() == 4 && sizes.max() == 16)
    }

    @Test(.enabled(if: Fixtures.referenceAvailable, "shared/reference is missing"))
    func lfwFilesHaveTheStatedShape() throws {
        var sizes: [Int] = []
        for name in Self.lfwFiles {
            let e = try Explanation.read(path: Fixtures.reference(name))
            #expect(e.correct.count == 12 && e.misclassified.count == 12 && e.confusion.count == 12)
            #expect(Set(e.correct.map(\.key)).contains(.string("George_W_Bush")))
            // Confusion keys: predicted person first, then the true person (never the same one).
            for c in e.confusion {
                #expect(!c.byTrueClass.isEmpty)
                #expect(c.byTrueClass.allSatisfy { $0.key != c.predicted })
            }
            for b in e.correct + e.misclassified + e.confusion.flatMap(\.byTrueClass) {
                #expect(b.neurons.allSatisfy { $0.neuron >= 0 && $0.neuron < 230 && $0.weight > 0 && $0.weight <= 1 })
            }
            sizes += e.correct.map(\.neurons.count)
        }
        // REFERENCE.md: 12 people, 8–43 neurons each.
        #expect(sizes.min() == 8 && sizes.max() == 43)
        let two = try Explanation.read(path: Fixtures.reference("lfw/explanation2.txt"))
        let c = try #require(two.confusionBackbone(trueClass: .string("Jacques_Chirac"), predicted: .string("Gerhard_Schroeder")))
        #expect(c.neurons.count == 106)
        #expect(c.neurons.first == .init(neuron: 1, weight: 1.0))
    }

    @Test func writesAndParsesAHandMadeExplanation() throws {
        let e = Explanation(
            correct: [.init(key: .string("0"), neurons: [.init(neuron: 3, weight: 1), .init(neuron: 40, weight: 0.8750000000000002)])],
            misclassified: [.init(key: .integer(1), neurons: [])],
            confusion: [.init(predicted: .string("B"), byTrueClass: [.init(key: .string("A'x"), neurons: [.init(neuron: 0, weight: 1e-05)])])])
        let text = e.text
        #expect(text == "{'0': [(3, 1.0), (40, 0.8750000000000002)]}\n{1: []}\n{'B': {\"A'x\": [(0, 1e-05)]}}\n")
        #expect(try Explanation.parse(text) == e)
        let path = try Fixtures.scratchDirectory() + "/e.txt"
        try e.write(to: path)
        #expect(try Explanation.read(path: path) == e)
    }

    @Test func malformedFiles() {
        expectInputError(line: nil, column: nil, "3 lines", "found 2") { _ = try Explanation.parse("{}\n{}\n") }
        expectInputError(line: 4, column: nil, "found 4") { _ = try Explanation.parse("{}\n{}\n{}\n{}\n") }
        expectInputError(line: 2, column: 8, "(neuron, weight) tuple", "a list") { _ = try Explanation.parse("{}\n{'a': [[1, 0.5]]}\n{}\n") }
        expectInputError(line: 1, column: 9, "neuron id must be non-negative, found -1") { _ = try Explanation.parse("{'a': [(-1, 0.5)]}\n{}\n{}\n") }
        expectInputError(line: 1, column: 12, "weight must be a number") { _ = try Explanation.parse("{'a': [(1, 'x')]}\n{}\n{}\n") }
        expectInputError(line: 3, column: 1, "expected a dict") { _ = try Explanation.parse("{}\n{}\n[]\n") }
        expectInputError(line: 1, column: 14, "missing ']'") { _ = try Explanation.parse("{'a': [(1, 1)\n{}\n{}\n") }
        expectInputError(line: 1, column: 2, "class key") { _ = try Explanation.parse("{(1,): []}\n{}\n{}\n") }
    }
}

@Suite struct PythonTextTests {
    @Test func literals() throws {
        let v = try PythonLiteral.parse("{'a': [1, -2.5, (3,), ()], \"b\\n\": (True, False, None), 'c': (4), }")
        guard case .dict(let entries) = v.value else { Issue.record("not a dict"); return }
        #expect(entries.count == 3)
        #expect(entries[0].key.value == .string("a"))
        #expect(entries[0].value.value == .list([
            PythonLiteral(value: .integer(1), column: 8), PythonLiteral(value: .float(-2.5), column: 11),
            PythonLiteral(value: .tuple([PythonLiteral(value: .integer(3), column: 18)]), column: 17),
            PythonLiteral(value: .tuple([]), column: 23)]))
        #expect(entries[1].key.value == .string("b\n"))
        #expect(entries[2].value.value == .integer(4))
        expectInputError(line: nil, column: 5, "unterminated string") { _ = try PythonLiteral.parse("[1, 'abc") }
        expectInputError(line: nil, column: 5, "after the value") { _ = try PythonLiteral.parse("[1] 2") }
        expectInputError(line: nil, column: 2, "'nan'") { _ = try PythonLiteral.parse("[nan]") }
    }

    @Test(arguments: [
        (1.0, "1.0"), (0.1, "0.1"), (1e-05, "1e-05"), (0.0001, "0.0001"), (3.3306690738754686e-16, "3.3306690738754686e-16"),
        (1e16, "1e+16"), (1234567890123456.0, "1234567890123456.0"), (1.5e300, "1.5e+300"), (-0.875, "-0.875"),
        (0.8750000000000002, "0.8750000000000002"), (123.456, "123.456"), (2.0 / 3.0, "0.6666666666666666"),
        (100.0, "100.0"), (0.0, "0.0"), (5e-324, "5e-324"), (1e22, "1e+22"), (9999999999999998.0, "9999999999999998.0"),
    ])
    func floatReprMatchesPython(_ value: Double, _ expected: String) {
        #expect(PythonRepr.float(value) == expected)
    }

    @Test func stringRepr() {
        #expect(PythonRepr.string("Tony_Blair") == "'Tony_Blair'")
        #expect(PythonRepr.string("it's") == "\"it's\"")
        #expect(PythonRepr.string("a'b\"c") == "'a\\'b\"c'")
        #expect(PythonRepr.string("tab\there") == "'tab\\there'")
    }
}
