import LinearModel
import Testing

@Suite struct ModelCompileTests {
    @Test func duplicateCoefficientsAreSummedAndZerosDropped() throws {
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer, upper: 5)
        let y = m.addVariable(name: "y", kind: .continuous)
        m.addRow(.greaterOrEqual([Term(x, 1), Term(y, 2), Term(x, 2), Term(y, -2)], 3))
        let c = try m.compile()
        #expect(c.nonzeroCount == 1)
        #expect(c.columnStart == [0, 1, 1])
        #expect(c.value == [3])
        #expect(c.rowIndex == [0])
    }

    @Test func columnCompressedLayoutIsRowSortedPerColumn() throws {
        var m = Model()
        let x = m.addBinaries(3, namePrefix: "x")
        m.addRow(.lessOrEqual([Term(x[2], 1), Term(x[0], 4)], 1))
        m.addRow(.lessOrEqual([Term(x[0], 5), Term(x[1], 6)], 1))
        let c = try m.compile()
        #expect(c.columnStart == [0, 2, 3, 4])
        #expect(c.rowIndex == [0, 1, 1, 0])
        #expect(c.value == [4, 5, 6, 1])
        #expect(c.rowWise()[0].map(\.column) == [0, 2])
    }

    static func invalidModel(_ label: String) -> Model {
        var m = Model()
        switch label {
        case "lower > upper": _ = m.addVariable(name: "v", kind: .continuous, lower: 2, upper: 1)
        case "NaN bound": _ = m.addVariable(name: "v", kind: .continuous, lower: .nan)
        case "integer without integer": _ = m.addVariable(name: "v", kind: .integer, lower: 0.2, upper: 0.8)
        case "index out of range": m.addRow(.lessOrEqual([Term(VariableID(7))], 1))
        case "infinite coefficient":
            let v = m.addVariable(kind: .continuous)
            m.addRow(.lessOrEqual([Term(v, .infinity)], 1))
        case "row lower > upper":
            let v = m.addVariable(kind: .continuous)
            m.addRow(Row(terms: [Term(v)], lower: 3, upper: 1))
        case "duplicate names":
            _ = m.addVariable(name: "a", kind: .binary)
            _ = m.addVariable(name: "a", kind: .binary)
        default: fatalError(label)
        }
        return m
    }

    @Test(arguments: ["lower > upper", "NaN bound", "integer without integer", "index out of range",
                      "infinite coefficient", "row lower > upper", "duplicate names"])
    func invalidModelsAreRejectedBeforeAnySolver(_ label: String) {
        let m = Self.invalidModel(label)
        #expect(throws: ModelError.self, "\(label)") { try m.compile() }
    }

    @Test func maxViolationMeasuresRowsBoundsAndIntegrality() throws {
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer, lower: 0, upper: 3)
        let y = m.addVariable(name: "y", kind: .continuous, lower: 0, upper: 3)
        m.addRow(.lessOrEqual([Term(x), Term(y)], 4))
        let c = try m.compile()
        #expect(c.maxViolation(of: [1, 2]) == 0)
        #expect(abs(c.maxViolation(of: [1.25, 0]) - 0.25) < 1e-12)
        #expect(c.maxViolation(of: [3, 3]) == 2)
        #expect(c.maxViolation(of: [0, 3.5]) == 0.5)
    }
}
