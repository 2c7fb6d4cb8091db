import BackboneData
import FileSupport
import Foundation
import Testing

@Suite struct RowsFormatTests {
    func parse(_ text: String) throws -> ActivationMatrix {
        try RowsFormat.parse(Data(text.utf8), file: "rows.txt")
    }

    @Test func spaceDelimitedRows() throws {
        let m = try parse("1 0.5 -2 3e-1\n0 4 5 6\n\n2 7   8\t9\n")
        #expect(m.rowCount == 3 && m.columnCount == 3)
        #expect(m.values == [0.5, -2, 0.3, 4, 5, 6, 7, 8, 9])
        #expect(m.trueLabels == [1, 0, 2])
        #expect(m.predictedLabels == nil && m.correctness == nil)
        #expect(m[1, 2] == 6)
    }

    @Test func commaDelimitedRowsWithCRLFAndNoFinalNewline() throws {
        let m = try parse("3, 1.5,2\r\n4 ,0.25, -1")
        #expect(m.values == [1.5, 2, 0.25, -1])
        #expect(m.trueLabels == [3, 4])
    }

    @Test func integralDecimalLabelsAreAccepted() throws {
        // NumPy's savetxt writes labels as 1.000000000000000000e+00.
        let m = try parse("1.000000000000000000e+00 2\n0.0 3\n")
        #expect(m.trueLabels == [1, 0])
    }

    @Test func readsFromAFile() throws {
        let path = try Fixtures.file("plus.txt", "0 1 2\n1 3 4\n")
        let m = try RowsFormat.read(path: path)
        #expect(m.values == [1, 2, 3, 4])
    }

    @Test func raggedRowTooShort() {
        expectInputError(line: 2, column: nil, "2 fields", "line 1 has 3") { _ = try parse("0 1 2\n1 3\n") }
    }

    @Test func raggedRowTooLongCountsBlankLines() {
        expectInputError(line: 3, column: nil, "4 fields", "line 1 has 3") { _ = try parse("0 1 2\n\n1 3 4 5\n") }
    }

    @Test func nonNumericValue() {
        expectInputError(line: 2, column: 3, "'x1' is not a number") { _ = try parse("0 1 2\n1 4 x1\n") }
    }

    @Test func notANumberValue() {
        expectInputError(line: 1, column: 3, "not finite") { _ = try parse("0 1 nan\n") }
    }

    @Test func infiniteValues() {
        expectInputError(line: 2, column: 2, "not finite") { _ = try parse("0 1 2\n0 -inf 2\n") }
        expectInputError(line: 1, column: 2, "'1e400' is not finite") { _ = try parse("0 1e400 2\n") }
    }

    @Test func emptyValueBetweenCommas() {
        expectInputError(line: 1, column: 2, "empty value") { _ = try parse("1,,2\n") }
    }

    @Test func emptyFile() {
        expectInputError(line: nil, column: nil, "empty") { _ = try parse("") }
        expectInputError(line: nil, column: nil, "no rows") { _ = try parse("\n  \n\t\n") }
    }

    @Test func nonIntegerLabels() {
        expectInputError(line: 1, column: 1, "'0.5' is not an integer") { _ = try parse("0.5 1 2\n") }
        expectInputError(line: 2, column: 1, "'cat' is not an integer") { _ = try parse("0 1 2\ncat 1 2\n") }
    }

    @Test func labelWithoutValues() {
        expectInputError(line: 1, column: nil, "no activation values") { _ = try parse("3\n") }
    }

    @Test func errorNamesTheFile() throws {
        let path = try Fixtures.file("bad.txt", "0 1\n0 zz\n")
        let error = expectInputError(line: 2, column: 2) { _ = try RowsFormat.read(path: path) }
        #expect(error?.file == path)
        #expect(error?.description.hasPrefix("\(path):2:2: ") == true)
    }

    @Test func plusMinusPairMarksCorrectness() throws {
        let plus = try parse("0 1 2\n1 3 4\n")
        let minus = try parse("1 5 6\n")
        let m = try ActivationMatrix.plusMinus(plus: plus, minus: minus)
        #expect(m.rowCount == 3)
        #expect(m.values == [1, 2, 3, 4, 5, 6])
        #expect(m.trueLabels == [0, 1, 1])
        #expect(m.correctness == [true, true, false])
        #expect((0..<3).map { m.isCorrect($0) } == [true, true, false])
        #expect(m.predictedLabels == nil)
        expectInputError(line: nil, column: nil, "3 activation columns", "plus file has 2") {
            _ = try ActivationMatrix.plusMinus(plus: plus, minus: try parse("1 5 6 7\n"), minusFile: "m.txt")
        }
    }
}
