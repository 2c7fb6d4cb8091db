import FileSupport
import Foundation
import Mining

extension ActivationSpec {
    /// What a streamed binarization did.
    public struct StreamSummary: Sendable {
        public var rows: Int
        public var columns: Int
        public var items: Int
        public var layout: LayerLayout
        public var notes: [String]
    }

    /// Binarizes a `.npy` activation file of any size a block of rows at a time and writes
    /// every row's transaction to `output` (FIMI, atomically), in memory bounded by the block
    /// (about `blockValues` doubles) and not by the file. Same transactions as `load()` for the
    /// row-wise rules (reference, topk, threshold); the quantile rule needs every row at once.
    public func stream(to output: String, blockValues: Int = 8 << 20,
                       progress: ((Int, Int) -> Void)? = nil) throws -> StreamSummary {
        if case .quantile = rule { throw InputError(subject: .quantile, "the quantile rule needs every row at once: it cannot be streamed") }
        guard (format ?? ActivationFormat.detect(path: path)) == .npy else { throw InputError(file: path, subject: .format, "only .npy activations can be streamed") }
        let reader = try NpyRowReader(path: path)
        let (layout, weights, notes) = try layoutAndWeights(columnCount: reader.columnCount)
        let target = try WriteTarget(path: output)
        let url = URL(fileURLWithPath: output)
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        guard FileManager.default.createFile(atPath: tmp, contents: nil), let out = FileHandle(forWritingAtPath: tmp) else {
            throw InputError(file: output, "cannot write")
        }
        var finished = false
        Interruption.writing(tmp)
        defer { try? out.close(); if !finished { unlink(tmp) }; Interruption.written(tmp) }
        let block = max(1, blockValues / max(1, reader.columnCount))
        var items = 0
        var reported = ContinuousClock.now
        for start in stride(from: 0, to: reader.rowCount, by: block) {
            let range = start..<min(reader.rowCount, start + block)
            let matrix = ActivationMatrix(rowCount: range.count, columnCount: reader.columnCount, values: try reader.rows(range),
                                          trueLabels: [Int](repeating: 0, count: range.count))
            let database = try Binarizer.binarize(matrix, layout: layout, weights: weights, rule: rule, ties: ties).database
            var text = ""
            for t in 0..<database.count {
                let row = database.items(ofTransaction: t)
                items += row.count
                text += row.map(String.init).joined(separator: " ") + "\n"
            }
            out.write(Data(text.utf8))
            if ContinuousClock.now - reported > .seconds(5) || range.upperBound == reader.rowCount {
                progress?(range.upperBound, reader.rowCount)
                reported = ContinuousClock.now
            }
        }
        try out.close()
        if let mode = target.keptMode { chmod(tmp, mode) }
        guard rename(tmp, output) == 0 else { throw InputError(file: output, "cannot write: \(String(cString: strerror(errno)))") }
        finished = true
        return StreamSummary(rows: reader.rowCount, columns: reader.columnCount, items: items, layout: layout, notes: notes)
    }
}
