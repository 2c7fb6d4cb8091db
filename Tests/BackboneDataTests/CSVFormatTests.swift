@testable import BackboneData
import FileSupport
import Foundation
import Testing

@Suite struct CSVFormatTests {
    func parse(_ text: String, label: String = "label", prediction: String? = nil) throws -> ActivationMatrix {
        try CSVFormat.parse(Data(text.utf8), file: "a.csv", columns: .init(label: label, prediction: prediction))
    }

    @Test func namedColumnsAnywhereInTheHeader() throws {
        let m = try parse("n0,label,n1,predicted,n2\n0.5,3,1.5,3,2.5\n-1,4,-2,5,-3\n", prediction: "predicted")
        #expect(m.columnCount == 3 && m.rowCount == 2)
        #expect(m.values == [0.5, 1.5, 2.5, -1, -2, -3])
        #expect(m.trueLabels == [3, 4])
        #expect(m.predictedLabels == [3, 5])
        #expect(m.isCorrect(0) == true && m.isCorrect(1) == false)
    }

    @Test func withoutPredictionColumnEveryOtherColumnIsAnActivation() throws {
        let m = try parse("label,predicted,n0\n1,2,0.5\n")
        #expect(m.columnCount == 2)
        #expect(m.values == [2, 0.5])
        #expect(m.predictedLabels == nil)
    }

    @Test func quotedHeaderAndValues() throws {
        let m = try parse("\"cls\",\"a,b\",\"say \"\"hi\"\"\"\n\"1\",\"2.5\",3\n", label: "cls")
        #expect(m.values == [2.5, 3])
        #expect(m.trueLabels == [1])
        #expect(CSVFormat.splitQuoted("\"a,b\", \"say \"\"hi\"\"\" ,c") == ["a,b", "say \"hi\"", "c"])
    }

    @Test func missingLabelColumnListsTheHeader() {
        let label = expectInputError(line: 1, column: nil, "no column named 'label'", "'a', 'b'") {
            _ = try parse("a,b\n1,2\n")
        }
        #expect(label?.subject == .labelColumn)
        let prediction = expectInputError(line: 1, column: nil, "no column named 'pred'") {
            _ = try parse("label,a\n1,2\n", prediction: "pred")
        }
        #expect(prediction?.subject == .predictionColumn)
    }

    @Test func headerlessDataPointsToRowsFormat() {
        let error = expectInputError(line: 1, column: nil, "looks like data", "'rows' format") { _ = try parse("1,0.5,0.25\n2,1,1\n") }
        #expect(error?.subject == .format)
    }

    @Test func duplicateColumn() {
        expectInputError(line: 1, column: 3, "appears more than once") { _ = try parse("label,a,label\n1,2,3\n") }
    }

    @Test func raggedRows() {
        expectInputError(line: 3, column: nil, "2 fields", "header (line 1) has 3") { _ = try parse("label,a,b\n1,2,3\n1,2\n") }
        expectInputError(line: 2, column: nil, "4 fields") { _ = try parse("label,a,b\n1,2,3,4\n") }
    }

    @Test func badValues() {
        expectInputError(line: 2, column: 3, "'abc' is not a number") { _ = try parse("label,a,b\n1,2,abc\n") }
        expectInputError(line: 3, column: 2, "not finite") { _ = try parse("label,a,b\n1,2,3\n1,NaN,3\n") }
        expectInputError(line: 2, column: 1, "label '1.5' is not an integer") { _ = try parse("label,a\n1.5,2\n") }
        expectInputError(line: 2, column: 2, "predicted label 'x' is not an integer") {
            _ = try parse("label,p,a\n1,x,2\n", prediction: "p")
        }
    }

    @Test func emptyInputs() {
        expectInputError(line: nil, column: nil, "empty") { _ = try parse("") }
        expectInputError(line: 1, column: nil, "no data rows") { _ = try parse("label,a\n\n") }
        expectInputError(line: 1, column: nil, "no activation columns") { _ = try parse("label,p\n1,2\n", prediction: "p") }
    }
}
