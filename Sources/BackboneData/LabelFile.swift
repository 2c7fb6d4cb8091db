import FileSupport
import Foundation

/// Labels (true or predicted) kept apart from the activations: a 1-D integer `.npy`, or text
/// with one integer per line (blank lines skipped; line numbers in errors are file lines).
public enum LabelFile {
    /// Reads the labels and checks there is one per activation row when `expectedCount` is given.
    public static func read(path: String, expectedCount: Int? = nil) throws -> [Int] {
        let data = try TextFile.readData(path)
        let labels: [Int]
        if path.lowercased().hasSuffix(".npy") {
            labels = try NpzFormat.vector(NpyFormat.parse(data, file: path), rows: expectedCount ?? -1, file: path,
                                          what: "labels", checkCount: expectedCount != nil)
        } else {
            labels = try parseText(data, file: path)
        }
        if let expectedCount, labels.count != expectedCount {
            throw InputError(file: path, "the file holds \(labels.count) labels but the activations have \(expectedCount) rows")
        }
        return labels
    }

    /// One integer per non-blank line.
    public static func parseText(_ data: Data, file: String) throws -> [Int] {
        try data.withUnsafeBytes { raw -> [Int] in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else {
                throw InputError(file: file, "the label file is empty: expected one integer label per line")
            }
            var text = DelimitedText(base, count: raw.count)
            var parser = FieldParser(file: file)
            var labels: [Int] = []
            while let line = text.nextNonBlankLine() {
                var fields = text.fields(of: line, .whitespace)
                let field = fields.next()!
                labels.append(try parser.label(text, field, line: text.lineNumber, column: 1))
                if fields.next() != nil {
                    throw InputError(file: file, line: text.lineNumber, column: 2, "expected one label per line")
                }
            }
            guard !labels.isEmpty else {
                throw InputError(file: file, "the label file holds only blank lines: expected one integer label per line")
            }
            return labels
        }
    }
}
