import FileSupport
import Foundation

/// One weight per neuron (layer order), used to scale activations before ranking them.
/// The authors' weights are the sums of each neuron's absolute outgoing weights
/// (`DenseNetwork.neuronWeights()`); their files hold one comma-separated row.
public struct NeuronWeights: Sendable, Equatable {
    public let values: [Double]

    public init(values: [Double]) { self.values = values }

    public var count: Int { values.count }

    public static func read(path: String) throws -> NeuronWeights {
        try parse(TextFile.readData(path), file: path)
    }

    /// One row of finite numbers, comma- or whitespace-separated. Errors: file line and
    /// 1-based field index.
    public static func parse(_ data: Data, file: String) throws -> NeuronWeights {
        try data.withUnsafeBytes { raw -> NeuronWeights in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else {
                throw InputError(file: file, "the weight file is empty: expected one row of neuron weights")
            }
            var text = DelimitedText(base, count: raw.count)
            guard let line = text.nextNonBlankLine() else {
                throw InputError(file: file, "the weight file holds only blank lines: expected one row of neuron weights")
            }
            let lineNumber = text.lineNumber
            let delimiter: DelimitedText.Delimiter = memchr(base + line.lowerBound, 0x2C, line.count) != nil ? .comma : .whitespace
            var fields = text.fields(of: line, delimiter)
            var parser = FieldParser(file: file)
            var values: [Double] = []
            var column = 0
            while let field = fields.next() {
                column += 1
                values.append(try parser.value(text, field, line: lineNumber, column: column))
            }
            if text.nextNonBlankLine() != nil {
                throw InputError(file: file, line: text.lineNumber, "expected one row of neuron weights, found a second row")
            }
            return NeuronWeights(values: values)
        }
    }

    /// Throws unless there is exactly one weight per neuron; the message names both counts.
    public func check(neuronCount: Int, file: String? = nil) throws {
        guard values.count == neuronCount else {
            throw InputError(file: file, "\(values.count) neuron weights but the activations have \(neuronCount) neurons (columns)")
        }
    }
}
