import BackboneData
import Foundation
import TestSupport
import FileSupport
import Redescription
import Testing

/// Bad views: one error naming the file, line and column, never a crash.
@Suite struct InputErrorTests {
    let header = "@relation r\n@attribute id string\n@attribute u0 numeric\n@attribute u1 numeric\n@data\n"

    func message(_ text: String) -> String {
        do { _ = try ARFFReader.parse(text, file: "v.arff"); return "read" } catch { return "\(error)" }
    }

    @Test func arffViews() throws {
        let v = try ARFFReader.parse(header + "'a',1,2\n% comment\n\n'b', 3.5 ,-4e-1\n", file: "v.arff")
        #expect(v.ids == ["a", "b"] && v.attributes == ["u0", "u1"] && v.columns == [[1, 3.5], [2, -0.4]] && v.lines == [6, 9])
        let noID = try ARFFReader.parse("@RELATION r\n@ATTRIBUTE x REAL\n@DATA\n1\n2\n")
        #expect(noID.ids == ["0", "1"] && noID.columns == [[1, 2]])
    }

    @Test func nominalAttributesAndNonNumbersAreErrors() {
        #expect(message("@relation r\n@attribute id string\n@attribute label {yes,no}\n@data\n'a',yes\n")
                == "v.arff:3:18: attribute 'label' is nominal: a view takes numeric attributes (and one string id)")
        #expect(message(header + "'a',1,yes\n") == "v.arff:6:7: 'yes' is not a finite number (attribute 'u1' is numeric)")
        #expect(message(header + "'a',1,?\n") == "v.arff:6:7: missing value '?' for attribute 'u1': a view needs every value")
        #expect(message(header + "'a',1\n") == "v.arff:6: 2 values but 3 attributes")
        #expect(message(header + "'a',1,nan\n") == "v.arff:6:7: 'nan' is not a finite number (attribute 'u1' is numeric)")
        #expect(message(header + "'a',1,2\n'a',3,4\n") == "v.arff:7:1: id 'a' appears twice (first on line 6)")
        #expect(message(header + "{0 'a', 1 2}\n") == "v.arff:6:1: sparse ARFF rows ({index value, …}) are not supported")
        #expect(message(header) == "v.arff:5: no data rows after @data")
        #expect(message("@relation r\n@attribute id string\n@data\n'a'\n") == "v.arff:3:1: no numeric attribute before @data: a view needs numeric attributes")
        #expect(message("1,2\n") == "v.arff:1:1: expected @relation, @attribute or @data before the rows")
        #expect(message(header + "'a,1,2\n") == "v.arff:6:1: a quoted value has no closing '")
    }

    @Test func viewsOfDifferentRows() throws {
        let a = try ARFFReader.parse(header + "'a',1,2\n'b',3,4\n", file: "a.arff")
        let b = try ARFFReader.parse(header + "'a',1,2\n'c',3,4\n", file: "b.arff")
        let c = try ARFFReader.parse(header + "'a',1,2\n", file: "c.arff")
        #expect(throws: InputError(file: "b.arff", line: 7, column: 1, "row 2 has id 'c' but row 2 of a.arff has id 'b': the two views must list the same instances in the same order")) {
            try a.checkSameRows(as: b)
        }
        #expect(throws: InputError(file: "c.arff", "has 1 rows but a.arff has 2: the two views must describe the same instances")) {
            try a.checkSameRows(as: c)
        }
    }

    @Test func malformedRRFiles() {
        func rr(_ text: String) -> String {
            do { _ = try RRFile.parse(text, file: "x.rr"); return "read" } catch { return "\(error)" }
        }
        let good = "Redescriptions: \n\nRules: \n\nW1R: a >= 0.0 <= 1.0 \nW2R: b >= 0.0 <= 1.0 \nJS: 1.0\np-value :0.0\nSupport intersection: 1\nSupport union: 1\n\nCovered examples (intersection): \n'0' \nUnion elements: \n'0' \n\nFound: 1"
        #expect(rr(good) == "read")
        #expect(rr(good.replacingOccurrences(of: "JS: 1.0", with: "JS: one")) == "x.rr:7:5: 'one' is not a number")
        #expect(rr(good.replacingOccurrences(of: "W2R: b >= 0.0", with: "W2R: b >= x")) == "x.rr:6:11: 'x' is not a number")
        #expect(rr(good.replacingOccurrences(of: "JS: 1.0\n", with: "")) == "x.rr:7: expected 'JS: ' but found 'p-value :0.0'")
        #expect(rr("hello") == "x.rr:1:1: expected 'Redescriptions:' but found 'hello'".replacingOccurrences(of: ":1:1:", with: ":1:"))
    }
}

/// CSV and .npy views read to the same view as the ARFF they mirror.
@Suite struct ViewFormatTests {
    @Test func csvAndNpy() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("v.csv").path, npy = dir.appendingPathComponent("v.npy").path
        try "u0,id,u1\n1,a,2\n3.5,b,-0.4\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let v = try ViewReader.read(path: csv)
        #expect(v.ids == ["a", "b"] && v.attributes == ["u0", "u1"] && v.columns == [[1, 3.5], [2, -0.4]] && v.lines == [2, 3])
        try NpyWriter.write([1, 2, 3.5, -0.4], shape: [2, 2], to: npy)
        let w = try ViewReader.read(path: npy)
        #expect(w.ids == ["0", "1"] && w.attributes == ["c0", "c1"] && w.columns == v.columns)
        func message(_ text: String) -> String {
            do { _ = try ViewReader.csv(text, file: "v.csv"); return "read" } catch { return "\(error)" }
        }
        #expect(message("a,b\n1,x\n") == "v.csv:2:3: 'x' is not a finite number (column 'b')")
        #expect(message("a,b\n1\n") == "v.csv:2: 1 fields but the header (line 1) has 2")
        #expect(message("id,a\nr,1\nr,2\n") == "v.csv:3:1: id 'r' appears twice (first on line 2)")
        #expect(message("id\nr\n") == "v.csv:1: no numeric column: a view needs numeric attributes")
        let flat = dir.appendingPathComponent("flat.npy").path
        try NpyWriter.write([1, 2, 3], shape: [3], to: flat)
        #expect(throws: InputError(file: flat, "a view is a 2-D array (rows × attributes), not shape (3,)")) { try ViewReader.read(path: flat) }
        #expect(throws: InputError(file: "v.txt", "unknown view format: give an .arff, .csv or .npy file")) { try ViewReader.read(path: "v.txt") }
    }
}
