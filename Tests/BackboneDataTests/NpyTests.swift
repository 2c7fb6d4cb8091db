@testable import BackboneData
import FileSupport
import Foundation
import Testing

@Suite struct NpyTests {
    /// A `.npy` file with a hand-written header dict and payload (for cases the writer never makes).
    static func npy(header dict: String, payload: [UInt8], version: UInt8 = 1) -> Data {
        var text = dict
        let prefix = version == 1 ? 10 : 12
        text += String(repeating: " ", count: (64 - (prefix + text.utf8.count + 1) % 64) % 64) + "\n"
        var out = Data(NpyFormat.magic)
        out.append(contentsOf: [version, 0])
        let n = text.utf8.count
        out.append(contentsOf: version == 1 ? [UInt8(n & 0xFF), UInt8(n >> 8)] : [UInt8(n & 0xFF), UInt8(n >> 8), 0, 0])
        out.append(contentsOf: Array(text.utf8))
        out.append(contentsOf: payload)
        return out
    }

    static func littleEndian(_ values: [Double]) -> [UInt8] {
        values.flatMap { v in (0..<8).map { UInt8(truncatingIfNeeded: v.bitPattern >> (8 * UInt64($0))) } }
    }

    @Test func float64RoundTripAndHeaderAlignment() throws {
        let values: [Double] = [0.5, -1.25, 3.3306690738754686e-16, 7, 8, 9]
        let data = NpyWriter.data(values, shape: [2, 3])
        // Magic + version + length + dict end on a 64-byte boundary, as NumPy aligns them.
        #expect((data.count - values.count * 8) % 64 == 0)
        let header = String(decoding: data[10 ..< data.count - 48], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"))
        #expect(header.hasSuffix("\n"))
        let array = try NpyFormat.parse(data, file: "a.npy")
        #expect(array.shape == [2, 3])
        #expect(array.dtype == .float64)
        #expect(array.values == values)
    }

    @Test func float32AndIntegerTypes() throws {
        let f = try NpyFormat.parse(NpyWriter.data([0.5, 1.5, -2], shape: [3, 1], dtype: .float32), file: "f.npy")
        #expect(f.dtype == .float32 && f.shape == [3, 1] && f.values == [0.5, 1.5, -2])
        for (n, signed) in [(1, true), (2, true), (4, true), (8, true), (1, false), (2, false), (4, false), (8, false)] {
            let values: [Double] = signed ? [-3, 0, 100] : [3, 0, 200]
            let a = try NpyFormat.parse(NpyWriter.data(values, shape: [3], dtype: .integer(byteCount: n, signed: signed)), file: "i.npy")
            #expect(a.values == values, "\(signed ? "i" : "u")\(n)")
            #expect(try a.integers(file: nil) == values.map { Int($0) })
        }
        let b = try NpyFormat.parse(NpyWriter.data([1, 0, 1], shape: [3], dtype: .bool), file: "b.npy")
        #expect(b.values == [1, 0, 1])
        #expect(try NpyFormat.parse(NpyWriter.data(integers: [4, -2]), file: "l.npy").integers(file: nil) == [4, -2])
    }

    @Test func bigEndianAndVersion2Headers() throws {
        let be: [UInt8] = [0x3F, 0xF0, 0, 0, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0]  // 1.0, -2.0
        let a = try NpyFormat.parse(Self.npy(header: "{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }", payload: be), file: "be.npy")
        #expect(a.values == [1, -2])
        let i = try NpyFormat.parse(Self.npy(header: "{'shape': (1, 1), 'fortran_order': False, 'descr': '>i2'}", payload: [0xFF, 0xFE], version: 2), file: "v2.npy")
        #expect(i.values == [-2] && i.shape == [1, 1])
        let s = try NpyFormat.parse(Self.npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", payload: Self.littleEndian([4.5])), file: "s.npy")
        #expect(s.shape == [] && s.values == [4.5])
    }

    @Test func fortranOrderIsRejected() {
        let data = Self.npy(header: "{'descr': '<f8', 'fortran_order': True, 'shape': (1, 2), }", payload: Self.littleEndian([1, 2]))
        expectInputError(line: nil, column: nil, "Fortran-order") { _ = try NpyFormat.parse(data, file: "f.npy") }
    }

    @Test(arguments: ["<c16", "<U8", "|O", "<f2", "<M8[ns]", "f8"])
    func unsupportedDtypes(_ descr: String) {
        let data = Self.npy(header: "{'descr': '\(descr)', 'fortran_order': False, 'shape': (0,), }", payload: [])
        expectInputError(line: nil, column: nil, "dtype '\(descr)' is not supported") { _ = try NpyFormat.parse(data, file: "d.npy") }
    }

    @Test func structuredDtypeIsRejected() {
        let data = Self.npy(header: "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }", payload: Self.littleEndian([1]))
        expectInputError(line: nil, column: nil, "structured arrays") { _ = try NpyFormat.parse(data, file: "s.npy") }
    }

    @Test func truncatedFiles() {
        let data = NpyWriter.data([1, 2, 3, 4], shape: [2, 2])
        expectInputError(line: nil, column: nil, "truncated", "needs 32 data bytes, found 29") {
            _ = try NpyFormat.parse(data.prefix(data.count - 3), file: "t.npy")
        }
        expectInputError(line: nil, column: nil, "truncated", "header") { _ = try NpyFormat.parse(data.prefix(40), file: "t.npy") }
        expectInputError(line: nil, column: nil, "truncated") { _ = try NpyFormat.parse(data.prefix(7), file: "t.npy") }
        expectInputError(line: nil, column: nil, "empty") { _ = try NpyFormat.parse(Data(), file: "t.npy") }
        expectInputError(line: nil, column: nil, "unexpected bytes") { _ = try NpyFormat.parse(data + Data([0]), file: "t.npy") }
    }

    @Test func badHeaders() {
        expectInputError(line: nil, column: nil, "not a NumPy .npy file") { _ = try NpyFormat.parse(Data("label,a\n1,2\n".utf8), file: "x.npy") }
        expectInputError(line: nil, column: nil, "no 'shape' key") {
            _ = try NpyFormat.parse(Self.npy(header: "{'descr': '<f8', 'fortran_order': False}", payload: []), file: "x.npy")
        }
        expectInputError(line: nil, column: nil, "not a Python dict literal") {
            _ = try NpyFormat.parse(Self.npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (2, }", payload: []), file: "x.npy")
        }
        expectInputError(line: nil, column: nil, "'shape'", "non-negative integers") {
            _ = try NpyFormat.parse(Self.npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (2.0,), }", payload: []), file: "x.npy")
        }
    }

    @Test func activationsFromNpyWithLabelFiles() throws {
        let dir = try Fixtures.scratchDirectory()
        try NpyWriter.write([0.5, 1, 2, 3, 4, 5], shape: [3, 2], dtype: .float32, to: dir + "/act.npy")
        try NpyWriter.data(integers: [2, 0, 2]).write(to: URL(fileURLWithPath: dir + "/labels.npy"))
        try "1\n\n0\n2\n".write(toFile: dir + "/pred.txt", atomically: true, encoding: .utf8)
        let m = try ActivationSource(path: dir + "/act.npy", labelsPath: dir + "/labels.npy", predictionsPath: dir + "/pred.txt").read()
        #expect(m.rowCount == 3 && m.columnCount == 2)
        #expect(m.values == [0.5, 1, 2, 3, 4, 5])
        #expect(m.trueLabels == [2, 0, 2])
        #expect(m.predictedLabels == [1, 0, 2])

        // Text labels: one integer per line, errors at file line, column 1.
        try "1\n2\nx\n".write(toFile: dir + "/bad.txt", atomically: true, encoding: .utf8)
        expectInputError(line: 3, column: 1, "not an integer") {
            _ = try ActivationSource(path: dir + "/act.npy", labelsPath: dir + "/bad.txt").read()
        }
        try "1\n2\n".write(toFile: dir + "/short.txt", atomically: true, encoding: .utf8)
        expectInputError(line: nil, column: nil, "2 labels", "3 rows") {
            _ = try ActivationSource(path: dir + "/act.npy", labelsPath: dir + "/short.txt").read()
        }
        try NpyWriter.data([1.5, 0, 1], shape: [3]).write(to: URL(fileURLWithPath: dir + "/frac.npy"))
        expectInputError(line: nil, column: nil, "element 1 is 1.5, not an integer") {
            _ = try ActivationSource(path: dir + "/act.npy", labelsPath: dir + "/frac.npy").read()
        }
        let missing = expectInputError(line: nil, column: nil, "need a labels file") { _ = try ActivationSource(path: dir + "/act.npy").read() }
        #expect(missing?.subject == .labels)
    }

    @Test func npyActivationsMustBeFinite2DFloats() throws {
        let dir = try Fixtures.scratchDirectory()
        try "0\n1\n".write(toFile: dir + "/l.txt", atomically: true, encoding: .utf8)
        try NpyWriter.write([1, 2, .nan, 4], shape: [2, 2], to: dir + "/nan.npy")
        expectInputError(line: nil, column: nil, "row 2, column 1 is NaN") {
            _ = try ActivationSource(path: dir + "/nan.npy", labelsPath: dir + "/l.txt").read()
        }
        try NpyWriter.write([1, 2, 3, -.infinity], shape: [2, 2], to: dir + "/inf.npy")
        expectInputError(line: nil, column: nil, "row 2, column 2 is infinite") {
            _ = try ActivationSource(path: dir + "/inf.npy", labelsPath: dir + "/l.txt").read()
        }
        try NpyWriter.write([1, 2], shape: [2], to: dir + "/flat.npy")
        expectInputError(line: nil, column: nil, "expected a 2-D array") {
            _ = try ActivationSource(path: dir + "/flat.npy", labelsPath: dir + "/l.txt").read()
        }
        try NpyWriter.write([1, 2, 3, 4], shape: [2, 2], dtype: .integer(byteCount: 4, signed: true), to: dir + "/int.npy")
        expectInputError(line: nil, column: nil, "expected float32 or float64") {
            _ = try ActivationSource(path: dir + "/int.npy", labelsPath: dir + "/l.txt").read()
        }
    }
}
