@testable import BackboneData
import FileSupport
import Foundation
import Testing

@Suite struct NpzTests {
    static func archive(compressed: Bool, predictions: Bool = true) -> Data {
        var w = NpzWriter(compressed: compressed)
        w.add("activations", [0.5, 0, 0, 0, 0, 0, 0.25, 1e-300, 3, 3, 3, 3], shape: [3, 4])
        w.add("labels", npy: NpyWriter.data(integers: [1, 0, 1]))
        if predictions { w.add("predictions", npy: NpyWriter.data(integers: [1, 1, 0])) }
        w.add("notes", npy: NpyWriter.data([42], shape: [1]))
        return w.data()
    }

    @Test(arguments: [false, true])
    func readsStoredAndDeflatedArchives(compressed: Bool) throws {
        let data = Self.archive(compressed: compressed)
        let path = try Fixtures.file("a.npz", data)
        let zip = try ZipArchive.read(path: path)
        #expect(zip.memberNames == ["activations.npy", "labels.npy", "predictions.npy", "notes.npy"])
        let m = try ActivationSource(path: path).read()
        #expect(m.rowCount == 3 && m.columnCount == 4)
        #expect(m.values == [0.5, 0, 0, 0, 0, 0, 0.25, 1e-300, 3, 3, 3, 3])
        #expect(m.trueLabels == [1, 0, 1])
        #expect(m.predictedLabels == [1, 1, 0])
    }

    @Test func compressionReallyDeflates() throws {
        let stored = Self.archive(compressed: false)
        let deflated = Self.archive(compressed: true)
        #expect(deflated.count < stored.count)
        let zip = try ZipArchive(data: deflated, file: "c.npz")
        #expect(try zip.contents(ofMemberNamed: "activations.npy") == NpyWriter.data([0.5, 0, 0, 0, 0, 0, 0.25, 1e-300, 3, 3, 3, 3], shape: [3, 4]))
    }

    @Test func predictionsAreOptional() throws {
        let m = try NpzFormat.activations(in: ZipArchive(data: Self.archive(compressed: true, predictions: false), file: "p.npz"))
        #expect(m.predictedLabels == nil)
    }

    @Test func missingKeysAreNamed() throws {
        var w = NpzWriter()
        w.add("X", [1], shape: [1, 1])
        let zip = try ZipArchive(data: w.data(), file: "k.npz")
        expectInputError(line: nil, column: nil, "no 'activations' array", "'X'") { _ = try NpzFormat.activations(in: zip) }
        var v = NpzWriter()
        v.add("activations", [1, 2], shape: [2, 1])
        expectInputError(line: nil, column: nil, "no 'labels' array") {
            _ = try NpzFormat.activations(in: ZipArchive(data: v.data(), file: "k.npz"))
        }
        v.add("labels", npy: NpyWriter.data(integers: [1, 2, 3]))
        expectInputError(line: nil, column: nil, "3 labels for 2 activation rows") {
            _ = try NpzFormat.activations(in: ZipArchive(data: v.data(), file: "k.npz"))
        }
    }

    @Test(arguments: [false, true])
    func truncatedArchives(compressed: Bool) {
        let data = Self.archive(compressed: compressed)
        // Cut inside the central directory, and inside the member data.
        for cut in [data.count - 30, data.count / 2, 40] {
            expectInputError(line: nil, column: nil, "truncated") { _ = try ZipArchive(data: data.prefix(cut), file: "t.npz") }
        }
        expectInputError(line: nil, column: nil, "empty") { _ = try ZipArchive(data: Data(), file: "t.npz") }
        expectInputError(line: nil, column: nil, "not a zip") { _ = try ZipArchive(data: Data("hello".utf8), file: "t.npz") }
    }

    @Test func damagedMembersAreCaught() throws {
        var stored = Self.archive(compressed: false)
        // Flip a byte inside the first member's data (after its 30 + 15 byte local header and the npy header).
        stored[30 + 15 + 80] ^= 0xFF
        expectInputError(line: nil, column: nil, "CRC-32") { _ = try NpzFormat.activations(in: ZipArchive(data: stored, file: "d.npz")) }

        var w = NpzWriter(compressed: true)
        w.add("a", Array(repeating: 1.0, count: 1000), shape: [1000])
        var deflated = w.data()
        // Break the deflate stream of the only member: cut its compressed size in the directory
        // so the stream ends early.
        let zip = try ZipArchive(data: deflated, file: "z.npz")
        let size = zip.members[0].compressedSize
        let directory = deflated.count - 22 - (46 + 5)
        let short = UInt32(size - 4)
        for b in 0..<4 { deflated[directory + 20 + b] = UInt8(truncatingIfNeeded: short >> (8 * UInt32(b))) }
        expectInputError(line: nil, column: nil, "truncated deflate data") {
            _ = try ZipArchive(data: deflated, file: "z.npz").contents(ofMemberNamed: "a.npy")
        }
    }

    @Test(.enabled(if: Fixtures.referenceAvailable, "shared/reference is missing: cannot read the authors' LFW networks"))
    func readsNumpysZip64Archives() throws {
        // The authors' networks were written by NumPy, which forces zip64 local headers.
        let zip = try ZipArchive.read(path: Fixtures.reference("lfw/recognizer1.npz"))
        #expect(zip.memberNames.contains("W0.npy") && zip.memberNames.contains("b5.npy"))
        let w0 = try #require(try NpzFormat.array("W0", in: zip))
        #expect(w0.shape == [128, 80] && w0.dtype == .float64)
        let classes = try #require(try NpzFormat.array("classes", in: zip))
        #expect(try classes.integers(file: nil) == Array(0..<12))
    }
}
