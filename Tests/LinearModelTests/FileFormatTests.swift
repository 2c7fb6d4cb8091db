import FileSupport
import Foundation
import LinearModel
import TestSupport
import Testing

/// A model touching every feature the writers must carry: all kinds, bound shapes, row shapes,
/// maximization, an objective offset, a column with no entries.
func featureModel() -> Model {
    var m = Model(name: "features", sense: .maximize)
    m.objectiveOffset = 2.5
    let b = m.addBinaries(2, cost: 3, namePrefix: "b")
    let i = m.addVariable(name: "i", kind: .integer, lower: -4, upper: 9, cost: -1)
    let big = m.addVariable(name: "g", kind: .integer, lower: 0, upper: .infinity, cost: 0.5)
    let c = m.addVariable(name: "c", kind: .continuous, lower: -.infinity, upper: 7.25, cost: 1e-3)
    let f = m.addVariable(name: "f", kind: .continuous, lower: -.infinity, upper: .infinity, cost: 0)
    _ = m.addVariable(name: "unused", kind: .continuous, lower: 1, upper: 1, cost: 4)
    m.addRow(.lessOrEqual([Term(b[0]), Term(b[1]), Term(i, 2)], 10, name: "le"))
    m.addRow(.greaterOrEqual([Term(i), Term(c, -1)], -3, name: "ge"))
    m.addRow(.equal([Term(f), Term(c)], 1.5, name: "eq"))
    m.addRow(Row(name: "range", terms: [Term(big), Term(b[1], -1)], lower: -1, upper: 6))
    return m
}

/// Compiled models equal up to names (writers may rename) and a split ranged row.
func expectSameModel(_ a: CompiledModel, _ b: CompiledModel, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.sense == b.sense, sourceLocation: sourceLocation)
    #expect(a.kinds == b.kinds, sourceLocation: sourceLocation)
    #expect(a.columnLower == b.columnLower, sourceLocation: sourceLocation)
    #expect(a.columnUpper == b.columnUpper, sourceLocation: sourceLocation)
    #expect(a.cost == b.cost, sourceLocation: sourceLocation)
    #expect(a.rowLower == b.rowLower, sourceLocation: sourceLocation)
    #expect(a.rowUpper == b.rowUpper, sourceLocation: sourceLocation)
    #expect(a.columnStart == b.columnStart, sourceLocation: sourceLocation)
    #expect(a.rowIndex == b.rowIndex, sourceLocation: sourceLocation)
    #expect(a.value == b.value, sourceLocation: sourceLocation)
    #expect(a.objectiveOffset == b.objectiveOffset, sourceLocation: sourceLocation)
}

@Suite struct FileFormatTests {
    @Test func mpsRoundTripKeepsEveryFeature() throws {
        var m = featureModel()
        m.objectiveOffset = 0  // the writers turn an offset into a fixed column
        let original = try m.compile()
        let text = MPSWriter.write(original)
        let back = try MPSReader.parse(text).compile()
        expectSameModel(original, back)
        #expect(back.columnNames == original.columnNames)
        #expect(back.rowNames == original.rowNames)
    }

    @Test func lpRoundTripKeepsEveryFeature() throws {
        var m = featureModel()
        m.objectiveOffset = 0  // the LP writer turns an offset into a fixed column
        let original = try m.compile()
        let text = LPWriter.write(original)
        let back = try LPReader.parse(text).compile()
        // The ranged row comes back as two rows: compare through the split.
        #expect(back.rowCount == original.rowCount + 1)
        #expect(back.columnNames == original.columnNames)
        #expect(back.kinds == original.kinds)
        #expect(back.columnLower == original.columnLower)
        #expect(back.columnUpper == original.columnUpper)
        #expect(back.cost == original.cost)
        #expect(back.rowLower == [-.infinity, -3, 1.5, -1, -.infinity])
        #expect(back.rowUpper == [10, .infinity, 1.5, .infinity, 6])
    }

    @Test(arguments: ["lp", "mps"])
    func writersTurnTheOffsetIntoAFixedColumn(_ format: String) throws {
        let original = try featureModel().compile()
        let back = try (format == "lp" ? LPReader.parse(LPWriter.write(original)) : MPSReader.parse(MPSWriter.write(original))).compile()
        #expect(back.columnCount == original.columnCount + 1)
        #expect(back.columnNames.last == "objective_offset")
        #expect(back.columnLower.last == 1 && back.columnUpper.last == 1)
        #expect(back.cost.last == 2.5)
        #expect(back.sense == .maximize)
    }

    @Test func mpsReaderTakesObjsenseSectionsAndObjectiveRHS() throws {
        let text = "NAME t\nOBJSENSE\n    MAX\nROWS\n N obj\n L c\nCOLUMNS\n    x obj 2 c 1\nRHS\n    RHS c 4 obj -3\nENDATA\n"
        let m = try MPSReader.parse(text).compile()
        #expect(m.sense == .maximize)
        #expect(m.objectiveOffset == 3)
        #expect(m.rowUpper == [4])
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "needs ../shared/reference")) func orlibScpa1HasTheAnnouncedShape() throws {
        let m = try ORLibraryReader.read(path: TestPaths.reference("orlib/scpa1.txt")).compile()
        #expect(m.rowCount == 300)
        #expect(m.columnCount == 3000)
        #expect(m.kinds.allSatisfy { $0 == .binary })
        #expect(m.rowLower.allSatisfy { $0 == 1 })
        #expect(m.cost.min() == 1 && m.cost.max() == 100)
        #expect(m.sense == .minimize)
    }

    @Test func orlibParsesAHandWrittenInstanceAcrossLineBreaks() throws {
        let m = try ORLibraryReader.parse("3 4\n 1 2\n 3 4\n2 1 2\n1\n 3\n3 2 3 4\n").compile()
        #expect(m.cost == [1, 2, 3, 4])
        #expect(m.rowWise().map { $0.map(\.column) } == [[0, 1], [2], [1, 2, 3]])
    }

    // MARK: bad input: one error naming file, line and what was expected

    static let badInputs: [(name: String, format: String, text: String, line: Int?, column: Int?, fragment: String)] = [
        ("truncated MPS", "mps", "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n    x obj 1 c1 1\n", 6, nil, "ENDATA"),
        ("unknown section", "mps", "NAME t\nROWS\n N obj\nCOLUMNZ\nENDATA\n", 4, 1, "unknown section 'COLUMNZ'"),
        ("non-numeric field", "mps", "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n    x obj 1 c1 one\nENDATA\n", 6, 16, "expected a number"),
        ("unknown row", "mps", "NAME t\nROWS\n N obj\nCOLUMNS\n    x obj 1 c9 1\nENDATA\n", 5, 13, "unknown row 'c9'"),
        ("bad bound type", "mps", "NAME t\nROWS\n N obj\nCOLUMNS\n    x obj 1\nBOUNDS\n XX BND x 1\nENDATA\n", 7, 2, "unknown bound type"),
        ("orlib index out of range", "orlib", "2 3\n1 1 1\n2 1 2\n1 4\n", 4, 3, "outside 1...3"),
        ("orlib too few rows", "orlib", "3 3\n1 1 1\n2 1 2\n1 3\n", 4, nil, "file ends early"),
        ("orlib too many rows", "orlib", "1 3\n1 1 1\n2 1 2\n1 3\n", 4, 1, "row count mismatch"),
        ("orlib non-numeric cost", "orlib", "1 2\n1 x\n1 1\n", 2, 3, "expected a number"),
        ("lp missing operator", "lp", "Minimize\n obj: x + y\nSubject To\n c1: x + y 3\nEnd\n", 5, 1, "expected <=, >= or ="),
        ("lp no End", "lp", "Minimize\n obj: x\nSubject To\n c1: x >= 1\n", nil, nil, "missing End"),
    ]

    @Test(arguments: badInputs.indices)
    func badInputNamesFileLineAndColumn(_ index: Int) throws {
        let c = Self.badInputs[index]
        let file = "bad.\(c.format)"
        let error = try #require(throws: InputError.self, "\(c.name)") {
            switch c.format {
            case "mps": _ = try MPSReader.parse(c.text, file: file)
            case "lp": _ = try LPReader.parse(c.text, file: file)
            default: _ = try ORLibraryReader.parse(c.text, file: file)
            }
        }
        #expect(error.file == file, "\(c.name)")
        if let line = c.line { #expect(error.line == line, "\(c.name): \(error)") }
        if let column = c.column { #expect(error.column == column, "\(c.name): \(error)") }
        #expect(error.description.contains(c.fragment), "\(c.name): \(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test func missingFileIsAnInputError() {
        #expect(throws: InputError(file: "/nonexistent/model.mps", "no such file")) {
            _ = try MPSReader.read(path: "/nonexistent/model.mps")
        }
    }
}
