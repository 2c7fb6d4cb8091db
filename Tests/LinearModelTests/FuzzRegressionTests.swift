import FileSupport
import Foundation
@testable import LinearModel
import TestSupport
import Testing

/// The fuzzing reproducers of the model layer (Tests/Fixtures/fuzz): each once hung the LP
/// reader, aborted a solver, made it answer wrongly, or could not be read back.
@Suite struct FuzzRegressionTests {
    static func fuzz(_ name: String) -> String { TestPaths.fixture("fuzz/" + name) }

    // MARK: - The LP reader always consumes input or stops with an error

    @Test(arguments: [
        ("lp_hang_inf_objective.lp", 2, 2, "unexpected 'inf' in the objective"),
        ("lp_hang_colon_objective.lp", 2, 2, "unexpected ':' in the objective"),
    ])
    func lpReaderNeverStalls(_ c: (file: String, line: Int, column: Int, fragment: String)) throws {
        let path = Self.fuzz(c.file)
        let error = try #require(throws: InputError.self) { _ = try LPReader.read(path: path) }
        #expect(error.file == path)
        #expect(error.line == c.line)
        #expect(error.column == c.column)
        #expect(error.message == c.fragment)
    }

    @Test(arguments: [
        ("Minimize\n a: x\n b: y\nEnd\n", 3, 2, "a second name 'b' in the objective"),
        ("Minimize\n obj: x + y\nSubject To\n c: x >= 1\nMaximize\n y\nEnd\n", 5, 1, "a second objective section"),
        ("Minimize\n obj: x\nSubject To\n c: x >= 1\nBounds\n : x\nEnd\n", 6, 2, "a bound value or a variable name"),
        ("Minimize\n x\nGeneral\n 3\nEnd\n", 4, 2, "expected a variable name"),
        ("Minimize\n obj: x\nSubject To\n inf\nEnd\n", 4, 2, "expected <=, >= or = in constraint c1"),
        ("Minimize\n obj: x\nSubject To\n c1: x >= 1 c2: x\nEnd\n", 5, 1, "expected <=, >= or = in constraint c2"),
        ("Minimize\n 3 inf\nEnd\n", 2, 4, "expected a number or a variable name"),
    ])
    func lpReaderRejectsWhatItCannotTake(_ c: (text: String, line: Int, column: Int, fragment: String)) throws {
        let error = try #require(throws: InputError.self, "\(c.text)") { _ = try LPReader.parse(c.text, file: "f.lp") }
        #expect(error.line == c.line, "\(error)")
        #expect(error.column == c.column, "\(error)")
        #expect(error.message.contains(c.fragment), "\(error)")
    }

    // MARK: - Badly scaled data is refused before any backend sees it

    @Test(arguments: [
        ("cbc_abort_obj_1e25.lp", "the objective coefficient of variable x is 1e+25: badly scaled"),
        ("cbc_abort_rhs_1e300.lp", "row c1 can never be satisfied: bounds [1e+300, inf] (bounds of 1e30 or more mean infinity)"),
        ("cbc_abort_dblmax_rhs.lp", "row c3 can never be satisfied: bounds [-1.7976931348623157e+308, -1.7976931348623157e+308]"),
        ("cbc_wrong_infeasible_rhs1e30.lp", "row c1 can never be satisfied: bounds [1e+30, inf]"),
        ("cbc_wrong_infeasible_1e200.lp", "row c1 can never be satisfied: bounds [-1e+200, -1e+200]"),
        ("cbc_wrong_infeasible_1e30.lp", "the coefficient of x in row c1 is 1e+30: badly scaled"),
        ("glpk_abort_coef_1e200.lp", "the coefficient of x in row c1 is 1e+200: badly scaled"),
        ("glpk_wrong_optimum_1e19.lp", "the objective coefficient of variable x3 is 1e+19: badly scaled"),
    ])
    func badlyScaledModelsAreRefused(_ c: (file: String, fragment: String)) throws {
        let path = Self.fuzz(c.file)
        let error = try #require(throws: InputError.self) { _ = try ModelFile.read(path: path) }
        #expect(error.file == path)
        #expect(error.message.contains(c.fragment), "\(error)")
        #expect(!error.description.contains("\n"))
    }

    /// The limits one by one, on both sides of each threshold.
    @Test func scaleLimitsAreExactlyTheDocumentedOnes() throws {
        func model(cost: Double = 1, coefficient: Double = 1, upper: Double = 10, rhs: Double = 1,
                   offset: Double = 0, otherCost: Double = 1) -> Model {
            var m = Model(name: "limits")
            m.objectiveOffset = offset
            let x = m.addVariable(name: "x", kind: .continuous, lower: 0, upper: upper, cost: cost)
            let y = m.addVariable(name: "y", kind: .continuous, lower: 0, upper: 1, cost: otherCost)
            m.addRow(.greaterOrEqual([Term(x, coefficient), Term(y)], rhs, name: "r"))
            return m
        }
        // Just below the limits: accepted, values kept.
        let fine = try model(cost: 9.99e14, coefficient: -9.99e14, upper: 9.99e14, rhs: 9.99e14, offset: -9.99e14, otherCost: 1e6).compile()
        #expect(fine.cost == [9.99e14, 1e6])
        #expect(fine.columnUpper == [9.99e14, 1])
        #expect(fine.value == [-9.99e14, 1])
        _ = try model(coefficient: 1e-15).compile()
        _ = try model(cost: 1, otherCost: 1.0001e-9).compile()
        // At the limits: refused, each naming what and where.
        let refused: [(Model, String)] = [
            (model(cost: 1e15), "the objective coefficient of variable x is 1000000000000000.0"),
            (model(coefficient: -1e15), "the coefficient of x in row r is -1000000000000000.0"),
            (model(upper: 1e15), "the upper bound of variable x is 1000000000000000.0"),
            (model(rhs: 2e20), "the lower bound of row r is 2e+20"),
            (model(offset: 1e16), "the objective offset is 1e+16"),
            (model(coefficient: 9e-16), "the coefficient of x in row r is 9e-16: badly scaled: non-zero coefficients must be at least 1e-15"),
            (model(cost: 2, otherCost: 2e-9), "objective coefficients span from 2e-09 (y) to 2.0 (x)"),
        ]
        for (m, fragment) in refused {
            let error = try #require(throws: ModelError.self, "\(fragment)") { try m.compile() }
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    /// Bounds and right-hand sides of magnitude 1e30 or more are infinite (CPLEX's and
    /// COIN-OR's convention), so an "infinite" bound written as a number stays one.
    @Test func boundsOf1e30MeanInfinity() throws {
        var m = Model(name: "inf")
        let x = m.addVariable(name: "x", kind: .continuous, lower: -1e30, upper: 1e30, cost: 1)
        let y = m.addVariable(name: "y", kind: .integer, lower: 0, upper: 3e35, cost: 1)
        m.addRow(Row(name: "r", terms: [Term(x), Term(y)], lower: -1e31, upper: 4))
        m.addRow(Row(name: "free", terms: [Term(x)], lower: -.greatestFiniteMagnitude, upper: 1e30))
        let c = try m.compile()
        #expect(c.columnLower == [-.infinity, 0])
        #expect(c.columnUpper == [.infinity, .infinity])
        #expect(c.rowLower == [-.infinity, -.infinity])
        #expect(c.rowUpper == [4, .infinity])
        // The MPS reader's file convention agrees: "UP BND x 1e30" is no bound.
        let mps = "NAME t\nROWS\n N obj\n G r\nCOLUMNS\n x obj 1 r 1\nRHS\n rhs r -1e30\nBOUNDS\n UP BND x 1e30\n MI BND x\nENDATA\n"
        let read = try MPSReader.parse(mps).compile()
        #expect(read.columnLower == [-.infinity])
        #expect(read.columnUpper == [.infinity])
        #expect(read.rowLower == [-.infinity])
    }

    // MARK: - What the LP writer writes, the LP reader reads back

    @Test func keywordNamesAreRenamedAndReadBack() throws {
        let original = try ModelFile.read(path: Self.fuzz("keyword_column.mps"))
        #expect(original.columnNames == ["y", "MIN"])
        let text = LPWriter.write(original)
        #expect(text.contains(" obj: + 1 y + 2 MIN_\n"), "\(text)")
        let back = try LPReader.parse(text, file: "back.lp").compile()
        expectSameModel(original, back)
        #expect(back.columnNames == ["y", "MIN_"])
    }

    /// Every reserved word as a column and a row name, in every section the writer uses.
    @Test func everyReservedWordRoundTrips() throws {
        var m = Model(name: "reserved", sense: .maximize)
        let words = LPReader.reservedWords.sorted().filter { !$0.contains("-") } + ["Subject", "END", "Inf", "Bin"]
        var columns: [VariableID] = []
        for (k, w) in words.enumerated() {
            let kind: VariableKind = [.binary, .integer, .continuous][k % 3]
            columns.append(m.addVariable(name: w, kind: kind, lower: kind == .binary ? 0 : -Double(k), upper: Double(k + 1), cost: Double(k % 5) - 2))
        }
        for (k, w) in words.enumerated() {
            m.addRow(.lessOrEqual([Term(columns[k]), Term(columns[(k + 1) % words.count], 2)], Double(10 + k), name: w))
        }
        let compiled = try m.compile()
        let text = LPWriter.write(compiled)
        let back = try LPReader.parse(text, file: "reserved.lp").compile()
        expectSameModel(compiled, back)
        for name in back.columnNames + back.rowNames {
            #expect(!LPReader.reservedWords.contains(name.lowercased()), "\(name)")
        }
    }

    // MARK: - CRLF line endings ("\r\n" is one Character in Swift)

    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: "\r\n")
    }

    @Test func crlfFilesReadLikeLFFiles() throws {
        let mps = try TextFile.read(Self.fuzz("cbc_unbounded_as_infeasible.mps"))
        #expect(!mps.contains("\r"))
        expectSameModel(try MPSReader.parse(mps).compile(), try MPSReader.parse(Self.crlf(mps)).compile())
        #expect(try MPSReader.parse(Self.crlf(mps)).sense == .maximize)  // the *SENSE comment on line 1

        let orlib = try TextFile.read(Self.fuzz("tiny.txt"))
        let lf = try ORLibraryReader.parse(orlib).compile()
        expectSameModel(lf, try ORLibraryReader.parse(Self.crlf(orlib)).compile())
        #expect(lf.columnCount == 8 && lf.rowCount == 5)

        let lp = LPWriter.write(try featureModel().compile())
        expectSameModel(try LPReader.parse(lp).compile(), try LPReader.parse(Self.crlf(lp)).compile())
    }

    @Test func crlfErrorsNameTheRightLine() throws {
        let mps = Self.crlf("NAME t\nROWS\n N obj\n X r\nENDATA\n")
        let error = try #require(throws: InputError.self) { _ = try MPSReader.parse(mps, file: "crlf.mps") }
        #expect(error.line == 4)
        #expect(error.column == 2)
        #expect(error.message == "unknown row type 'X' (expected N, L, G or E)")
        let truncated = Self.crlf("NAME t\nROWS\n N obj\n")
        let end = try #require(throws: InputError.self) { _ = try MPSReader.parse(truncated, file: "crlf.mps") }
        #expect(end.line == 3)
        let orlib = Self.crlf(" 2 2\n 1 1\n 1 1\n 1 x\n")
        let bad = try #require(throws: InputError.self) { _ = try ORLibraryReader.parse(orlib, file: "crlf.txt") }
        #expect(bad.line == 4)
        #expect(bad.column == 4)
    }

    // MARK: - Time limits and threads as backends receive them

    @Test func timeLimitsBecomeMillisecondsWithoutOverflow() {
        #expect(SolverOptions.milliseconds(1.5) == 1500)
        #expect(SolverOptions.milliseconds(0) == 0)
        #expect(SolverOptions.milliseconds(-3) == 0)
        #expect(SolverOptions.milliseconds(9.3e15) == Int32.max)
        #expect(SolverOptions.milliseconds(2_147_483.647) == Int32.max)
        #expect(SolverOptions.milliseconds(.infinity) == Int32.max)
        #expect(SolverOptions.milliseconds(.nan) == Int32.max)
        #expect(SolverOptions(timeLimit: .infinity).effectiveTimeLimit == nil)
        #expect(SolverOptions(timeLimit: .nan).effectiveTimeLimit == nil)
        #expect(SolverOptions(timeLimit: -1).effectiveTimeLimit == 0)
        #expect(SolverOptions(timeLimit: 2.5).effectiveTimeLimit == 2.5)
        #expect(SolverOptions.largestThreadCount == 99)
    }

    // MARK: - The models that settle "infeasible or unbounded?"

    @Test func improvingDirectionAndFeasibilityModels() throws {
        var m = Model(name: "u", sense: .maximize)
        let x = m.addVariable(name: "x", kind: .integer, lower: 0, upper: .infinity, cost: 3)
        let y = m.addVariable(name: "y", kind: .continuous, lower: -.infinity, upper: 2, cost: -1)
        let z = m.addVariable(name: "z", kind: .binary, cost: 5)
        m.addRow(Row(name: "r", terms: [Term(x), Term(y, -1)], lower: -.infinity, upper: 4))
        m.addRow(Row(name: "e", terms: [Term(y), Term(z)], lower: 1, upper: 1))
        m.objectiveOffset = 7
        let c = try m.compile()
        #expect(c.mayHaveImprovingDirection)
        let d = c.improvingDirectionModel()
        #expect(d.kinds == [.continuous, .continuous, .continuous])
        #expect(d.columnLower == [0, -1, 0])
        #expect(d.columnUpper == [1, 0, 0])
        #expect(d.rowLower == [-.infinity, 0])
        #expect(d.rowUpper == [0, 0])
        #expect(d.cost == c.cost && d.sense == .maximize && d.objectiveOffset == 0)
        #expect(d.value == c.value && d.rowIndex == c.rowIndex && d.columnStart == c.columnStart)
        #expect(c.isImprovingDirection(objective: 1e-3))
        #expect(!c.isImprovingDirection(objective: 1e-12))
        #expect(!c.isImprovingDirection(objective: -2))
        let f = c.feasibilityModel()
        #expect(f.cost == [0, 0, 0] && f.objectiveOffset == 0 && f.sense == .minimize)
        #expect(f.kinds == c.kinds && f.columnLower == c.columnLower && f.rowUpper == c.rowUpper)

        // Bounded in every improving direction: nothing to check.
        var b = Model(name: "b")
        _ = b.addVariable(name: "p", kind: .continuous, lower: 0, upper: .infinity, cost: 0)
        _ = b.addVariable(name: "q", kind: .binary, cost: -1)
        #expect(try !b.compile().mayHaveImprovingDirection)
    }
}
