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

@Suite struct AuthorsConfusionRowsTests {
    func parse(_ text: String) throws -> ActivationMatrix {
        try RowsFormat.parse(Data(text.utf8), file: "confusion.csv")
    }

    @Test func trueAndPredictedLabelPairs() throws {
        let m = try parse("3 5,0.5,1\n2 1,2,3\n")
        #expect(m.trueLabels == [3, 2])
        #expect(m.predictedLabels == [5, 1])
        #expect(m.values == [0.5, 1, 2, 3])
        let g = try Grouping(matrix: m, kinds: [.confusion])
        #expect(g.groups.map(\.name) == ["confusion:2->1", "confusion:3->5"])
    }

    @Test func everyRowNeedsAPair() {
        expectInputError(line: 2, column: 1, "'true predicted'") { _ = try parse("3 5,0.5,1\n2,2,3\n") }
        expectInputError(line: 1, column: 1, "predicted label 'x'") { _ = try parse("3 x,0.5,1\n") }
    }
}

@Suite struct ActivationSourceTests {
    @Test func formatFromExtension() {
        #expect(ActivationFormat.detect(path: "a/b.NPZ") == .npz)
        #expect(ActivationFormat.detect(path: "b.npy") == .npy)
        #expect(ActivationFormat.detect(path: "b.csv") == .csv)
        #expect(ActivationFormat.detect(path: "activation_1_plus.txt") == .rows)
        #expect(ActivationFormat.detect(path: "noext") == .rows)
    }

    @Test func plusMinusRowsAndCSV() throws {
        let dir = try Fixtures.scratchDirectory()
        try "0 1 2\n1 3 4\n".write(toFile: dir + "/plus.txt", atomically: true, encoding: .utf8)
        try "1 5 6\n".write(toFile: dir + "/minus.txt", atomically: true, encoding: .utf8)
        let m = try ActivationSource(path: dir + "/plus.txt", minusPath: dir + "/minus.txt").read()
        #expect(m.correctness == [true, true, false] && m.trueLabels == [0, 1, 1])
        // A CSV pair, format forced (the extension says rows).
        try "label,a\n2,0.5\n".write(toFile: dir + "/p.dat", atomically: true, encoding: .utf8)
        try "label,a\n2,1.5\n".write(toFile: dir + "/m.dat", atomically: true, encoding: .utf8)
        let c = try ActivationSource(path: dir + "/p.dat", format: .csv, minusPath: dir + "/m.dat").read()
        #expect(c.values == [0.5, 1.5] && c.correctness == [true, false])
    }

    @Test func contradictoryCombinations() throws {
        let dir = try Fixtures.scratchDirectory()
        try "0 1 2\n".write(toFile: dir + "/rows.txt", atomically: true, encoding: .utf8)
        try "label,p,a\n0,1,2\n".write(toFile: dir + "/pred.csv", atomically: true, encoding: .utf8)
        try "0\n".write(toFile: dir + "/l.txt", atomically: true, encoding: .utf8)
        var w = NpzWriter()
        w.add("activations", [1, 2], shape: [1, 2])
        w.add("labels", npy: NpyWriter.data(integers: [0]))
        try w.write(to: dir + "/a.npz")
        let labels = expectInputError(line: nil, column: nil, "a labels file is for .npy/.npz") {
            _ = try ActivationSource(path: dir + "/rows.txt", labelsPath: dir + "/l.txt").read()
        }
        #expect(labels?.subject == .labels)
        let minus = expectInputError(line: nil, column: nil, "a minus file pairs two row or CSV files") {
            _ = try ActivationSource(path: dir + "/a.npz", minusPath: dir + "/rows.txt").read()
        }
        #expect(minus?.subject == .minus)
        expectInputError(line: nil, column: nil, "already has predicted labels") {
            _ = try ActivationSource(path: dir + "/pred.csv", minusPath: dir + "/pred.csv",
                                     csvColumns: .init(label: "label", prediction: "p")).read()
        }
        expectInputError(line: nil, column: nil, "has its own 'labels'") {
            _ = try ActivationSource(path: dir + "/a.npz", labelsPath: dir + "/l.txt").read()
        }
        expectInputError(line: nil, column: nil, "already say what was predicted") {
            _ = try ActivationSource(path: dir + "/rows.txt", minusPath: dir + "/rows.txt", predictionsPath: dir + "/l.txt").read()
        }
        let missing = expectInputError(line: nil, column: nil, "no such file") { _ = try ActivationSource(path: dir + "/nope.txt").read() }
        #expect(missing?.file == dir + "/nope.txt")
    }
}
