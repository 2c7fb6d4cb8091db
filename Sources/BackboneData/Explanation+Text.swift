import FileSupport
import Foundation

extension Explanation {
    public static func read(path: String) throws -> Explanation {
        try parse(TextFile.read(path), file: path)
    }

    /// Parses the three lines. Errors: `InputError` with the file line and the 1-based
    /// character column on that line.
    public static func parse(_ text: String, file: String? = nil) throws -> Explanation {
        // "\r\n" is one Character in Swift: split on it too, or CRLF files are one long line.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        while let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeLast() }
        guard lines.count == 3 else {
            throw InputError(file: file, line: lines.count > 3 ? 4 : nil,
                             "an explanation file has 3 lines (correct, misclassified, confusion backbones), found \(lines.count)")
        }
        let correct = try backbones(PythonLiteral.parse(lines[0], file: file, line: 1), file: file, line: 1)
        let misclassified = try backbones(PythonLiteral.parse(lines[1], file: file, line: 2), file: file, line: 2)
        let third = try PythonLiteral.parse(lines[2], file: file, line: 3)
        guard case .dict(let entries) = third.value else {
            throw InputError(file: file, line: 3, column: third.column,
                             "expected a dict {predicted: {true: [(neuron, weight), …]}}, found \(third.typeName)")
        }
        var confusion: [Confusion] = []
        for entry in entries {
            confusion.append(Confusion(predicted: try key(entry.key, file: file, line: 3),
                                       byTrueClass: try backbones(entry.value, file: file, line: 3)))
        }
        return Explanation(correct: correct, misclassified: misclassified, confusion: confusion)
    }

    /// The file text: three lines as Python's `str(dict)` writes them, each ending in `\n`.
    public var text: String {
        var out = Self.text(of: correct) + "\n" + Self.text(of: misclassified) + "\n{"
        for (i, c) in confusion.enumerated() {
            if i > 0 { out += ", " }
            out += Self.text(of: c.predicted) + ": " + Self.text(of: c.byTrueClass)
        }
        return out + "}\n"
    }

    /// Writes the file atomically.
    public func write(to path: String) throws {
        try TextFile.writeAtomically(text, to: path)
    }

    private static func text(of backbones: [Backbone]) -> String {
        "{" + backbones.map { b in
            text(of: b.key) + ": [" + b.neurons.map { "(\($0.neuron), \(PythonRepr.float($0.weight)))" }.joined(separator: ", ") + "]"
        }.joined(separator: ", ") + "}"
    }

    private static func text(of key: Key) -> String {
        switch key {
        case .string(let s): return PythonRepr.string(s)
        case .integer(let i): return String(i)
        }
    }

    private static func backbones(_ literal: PythonLiteral, file: String?, line: Int) throws -> [Backbone] {
        guard case .dict(let entries) = literal.value else {
            throw InputError(file: file, line: line, column: literal.column,
                             "expected a dict {class: [(neuron, weight), …]}, found \(literal.typeName)")
        }
        var result: [Backbone] = []
        for entry in entries {
            let k = try key(entry.key, file: file, line: line)
            guard case .list(let items) = entry.value.value else {
                throw InputError(file: file, line: line, column: entry.value.column,
                                 "the backbone of '\(k)' should be a list of (neuron, weight) tuples, found \(entry.value.typeName)")
            }
            var neurons: [WeightedNeuron] = []
            for item in items {
                guard case .tuple(let pair) = item.value, pair.count == 2 else {
                    throw InputError(file: file, line: line, column: item.column,
                                     "expected a (neuron, weight) tuple, found \(item.typeName)")
                }
                guard case .integer(let neuron) = pair[0].value else {
                    throw InputError(file: file, line: line, column: pair[0].column,
                                     "a neuron id must be an integer, found \(pair[0].typeName)")
                }
                guard neuron >= 0 else {
                    throw InputError(file: file, line: line, column: pair[0].column,
                                     "a neuron id must be non-negative, found \(neuron)")
                }
                let weight: Double
                switch pair[1].value {
                case .float(let w): weight = w
                case .integer(let w): weight = Double(w)
                default:
                    throw InputError(file: file, line: line, column: pair[1].column,
                                     "a neuron weight must be a number, found \(pair[1].typeName)")
                }
                neurons.append(WeightedNeuron(neuron: neuron, weight: weight))
            }
            result.append(Backbone(key: k, neurons: neurons))
        }
        return result
    }

    private static func key(_ literal: PythonLiteral, file: String?, line: Int) throws -> Key {
        switch literal.value {
        case .string(let s): return .string(s)
        case .integer(let i): return .integer(i)
        default:
            throw InputError(file: file, line: line, column: literal.column,
                             "a class key must be a string or an integer, found \(literal.typeName)")
        }
    }
}
