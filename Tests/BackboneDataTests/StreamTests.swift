@testable import BackboneData
import FileSupport
import Foundation
import Mining
import TestSupport
import Testing

/// `transactions --stream`: a .npy read a block of rows at a time gives the transactions of the
/// whole-file path, for float64 and float32, any block size, weighted and unweighted rules.
@Suite struct StreamTests {
    @Test(arguments: [NpyDType.float64, .float32], [1, 7, 1000])
    func streamedEqualsLoaded(dtype: NpyDType, blockRows: Int) throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SplitMix(seed: 11)
        let rows = 53, columns = 12
        let values = (0..<rows * columns).map { _ in Double(Float(Double.random(in: -1...2, using: &rng))) }
        let npy = dir.appendingPathComponent("a.npy").path, labels = dir.appendingPathComponent("l.txt").path
        try NpyWriter.data(values, shape: [rows, columns], dtype: dtype).write(to: URL(fileURLWithPath: npy))
        try (0..<rows).map { "\($0 % 3)\n" }.joined().write(toFile: labels, atomically: true, encoding: .utf8)
        let weights = dir.appendingPathComponent("w.csv").path
        try (0..<columns).map { _ in String(Double.random(in: 0.1...3, using: &rng)) }.joined(separator: ",").write(toFile: weights, atomically: true, encoding: .utf8)
        for (rule, w) in [(BinarizationRule.reference(k: 6), weights), (.topK(2), nil), (.threshold(0.5), nil)] {
            let spec = ActivationSpec(path: npy, labelsPath: labels, layers: try LayerLayout(parsing: "5,4,3"), weightsPath: w, rule: rule)
            let out = dir.appendingPathComponent("t.dat").path
            let summary = try spec.stream(to: out, blockValues: blockRows * columns)
            let expected = try spec.load().binarized.database.fimiText
            #expect(try String(contentsOfFile: out, encoding: .utf8) == expected, "\(rule) \(dtype) blocks of \(blockRows)")
            #expect(summary.rows == rows && summary.columns == columns)
        }
    }

    @Test func badStreamsAreErrors() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let npy = dir.appendingPathComponent("a.npy").path
        try NpyWriter.data([1, 2, .nan, 4], shape: [2, 2]).write(to: URL(fileURLWithPath: npy))
        let out = dir.appendingPathComponent("t.dat").path
        let spec = ActivationSpec(path: npy, rule: .topK(1))
        #expect(throws: InputError.self) { _ = try spec.stream(to: out) }
        #expect(!FileManager.default.fileExists(atPath: out), "nothing half-written")
        let quantile = ActivationSpec(path: npy, rule: .quantile(0.5))
        #expect((try? quantile.stream(to: out)) == nil)
        let truncated = dir.appendingPathComponent("b.npy").path
        let data = NpyWriter.data([1, 2, 3, 4], shape: [2, 2])
        try data.prefix(data.count - 3).write(to: URL(fileURLWithPath: truncated))
        #expect(throws: InputError.self) { _ = try ActivationSpec(path: truncated, rule: .topK(1)).stream(to: out) }
    }
}
