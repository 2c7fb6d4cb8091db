import FileSupport

/// A Python literal as written by `repr`/`str`: the authors' explanation files and the header
/// dict of a `.npy` file are both Python literals, so one small parser serves both.
///
/// Each value remembers its 1-based character column on its line, so a reader that finds
/// the wrong type can say where.
public struct PythonLiteral: Sendable, Equatable {
    public indirect enum Value: Sendable, Equatable {
        case integer(Int)
        case float(Double)
        case string(String)
        case bool(Bool)
        case none
        case list([PythonLiteral])
        case tuple([PythonLiteral])
        /// Entries in written order (Python dicts keep insertion order).
        case dict([Entry])
    }

    public struct Entry: Sendable, Equatable {
        public var key: PythonLiteral
        public var value: PythonLiteral
    }

    public var value: Value
    /// 1-based character column where the value starts.
    public var column: Int

    /// A short name of the value's type, for error messages.
    public var typeName: String {
        switch value {
        case .integer: return "an integer"
        case .float: return "a float"
        case .string: return "a string"
        case .bool: return "a boolean"
        case .none: return "None"
        case .list: return "a list"
        case .tuple: return "a tuple"
        case .dict: return "a dict"
        }
    }

    /// Parses one literal filling all of `text` (surrounding spaces allowed).
    /// Errors carry `file`, `line` and the 1-based character column.
    public static func parse(_ text: Substring, file: String? = nil, line: Int? = nil) throws -> PythonLiteral {
        var parser = PythonLiteralParser(chars: Array(text.unicodeScalars), file: file, line: line)
        let value = try parser.parseValue()
        parser.skipSpaces()
        if parser.position < parser.chars.count {
            throw parser.error("unexpected text after the value")
        }
        return value
    }
}

private struct PythonLiteralParser {
    let chars: [Unicode.Scalar]
    let file: String?
    let line: Int?
    var position = 0
    var decimal = DecimalParser()
    var depth = 0

    init(chars: [Unicode.Scalar], file: String?, line: Int?) {
        self.chars = chars
        self.file = file
        self.line = line
    }

    func error(_ message: String, at column: Int? = nil) -> InputError {
        InputError(file: file, line: line, column: column ?? position + 1, message)
    }

    mutating func skipSpaces() {
        while position < chars.count, chars[position] == " " || chars[position] == "\t" || chars[position] == "\n" || chars[position] == "\r" {
            position += 1
        }
    }

    mutating func parseValue() throws -> PythonLiteral {
        skipSpaces()
        guard position < chars.count else { throw error("unexpected end of the line: expected a value") }
        let column = position + 1
        let c = chars[position]
        switch c {
        case "{":
            return PythonLiteral(value: .dict(try parseDict()), column: column)
        case "[":
            return PythonLiteral(value: .list(try parseSequence(close: "]")), column: column)
        case "(":
            var isTuple = false
            let items = try parseSequence(close: ")", sawComma: &isTuple)
            // `(x)` is just x in Python; `(x,)` and `()` are tuples.
            if items.count == 1 && !isTuple { return items[0] }
            return PythonLiteral(value: .tuple(items), column: column)
        case "'", "\"":
            return PythonLiteral(value: .string(try parseString()), column: column)
        default:
            if c == "-" || c == "+" || c == "." || (c.value >= 48 && c.value <= 57) {
                return PythonLiteral(value: try parseNumber(), column: column)
            }
            let start = position
            while position < chars.count, chars[position].properties.isAlphabetic || chars[position] == "_" { position += 1 }
            switch String(String.UnicodeScalarView(chars[start ..< position])) {
            case "True": return PythonLiteral(value: .bool(true), column: column)
            case "False": return PythonLiteral(value: .bool(false), column: column)
            case "None": return PythonLiteral(value: .none, column: column)
            case "": throw error("unexpected '\(c)': expected a value", at: column)
            case let word: throw error("unexpected '\(InputError.excerpt(word))': expected a value", at: column)
            }
        }
    }

    mutating func parseSequence(close: Unicode.Scalar) throws -> [PythonLiteral] {
        var sawComma = false
        return try parseSequence(close: close, sawComma: &sawComma)
    }

    mutating func parseSequence(close: Unicode.Scalar, sawComma: inout Bool) throws -> [PythonLiteral] {
        depth += 1
        defer { depth -= 1 }
        guard depth < 200 else { throw error("values nested too deeply") }
        position += 1
        var items: [PythonLiteral] = []
        while true {
            skipSpaces()
            guard position < chars.count else { throw error("unexpected end of the line: missing '\(close)'") }
            if chars[position] == close { position += 1; return items }
            items.append(try parseValue())
            skipSpaces()
            guard position < chars.count else { throw error("unexpected end of the line: missing '\(close)'") }
            if chars[position] == "," {
                sawComma = true
                position += 1
            } else if chars[position] != close {
                throw error("expected ',' or '\(close)'")
            }
        }
    }

    mutating func parseDict() throws -> [PythonLiteral.Entry] {
        depth += 1
        defer { depth -= 1 }
        guard depth < 200 else { throw error("values nested too deeply") }
        position += 1
        var entries: [PythonLiteral.Entry] = []
        while true {
            skipSpaces()
            guard position < chars.count else { throw error("unexpected end of the line: missing '}'") }
            if chars[position] == "}" { position += 1; return entries }
            let key = try parseValue()
            skipSpaces()
            guard position < chars.count, chars[position] == ":" else { throw error("expected ':' after a dict key") }
            position += 1
            let value = try parseValue()
            entries.append(PythonLiteral.Entry(key: key, value: value))
            skipSpaces()
            guard position < chars.count else { throw error("unexpected end of the line: missing '}'") }
            if chars[position] == "," {
                position += 1
            } else if chars[position] != "}" {
                throw error("expected ',' or '}'")
            }
        }
    }

    mutating func parseString() throws -> String {
        let quote = chars[position]
        let startColumn = position + 1
        position += 1
        var result = String.UnicodeScalarView()
        while position < chars.count {
            let c = chars[position]
            position += 1
            if c == quote { return String(result) }
            if c == "\\" {
                guard position < chars.count else { break }
                let e = chars[position]
                position += 1
                switch e {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "0": result.append("\0")
                case "\\", "'", "\"": result.append(e)
                case "x", "u", "U":
                    let n = e == "x" ? 2 : (e == "u" ? 4 : 8)
                    guard position + n <= chars.count,
                          let code = UInt32(String(String.UnicodeScalarView(chars[position ..< position + n])), radix: 16),
                          let scalar = Unicode.Scalar(code) else {
                        throw error("bad \\\(e) escape in a string", at: position - 1)
                    }
                    result.append(scalar)
                    position += n
                default:
                    result.append("\\")
                    result.append(e)
                }
            } else {
                result.append(c)
            }
        }
        throw error("unterminated string", at: startColumn)
    }

    mutating func parseNumber() throws -> PythonLiteral.Value {
        let start = position
        while position < chars.count {
            let c = chars[position]
            let isNumberChar = (c.value >= 48 && c.value <= 57) || c == "." || c == "e" || c == "E" || c == "-" || c == "+" || c == "_"
            if !isNumberChar { break }
            // A sign continues a number only right after an exponent mark.
            if (c == "-" || c == "+") && position > start && chars[position - 1] != "e" && chars[position - 1] != "E" { break }
            position += 1
        }
        let token = String(String.UnicodeScalarView(chars[start ..< position])).filter { $0 != "_" }
        let isInteger = !token.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
        if isInteger {
            guard let v = Int(token) else {
                throw error(token.count > 18 ? "integer '\(InputError.excerpt(token))' is too large" : "'\(InputError.excerpt(token))' is not a number", at: start + 1)
            }
            return .integer(v)
        }
        switch decimal.parse(Substring(token)) {
        case .value(let v): return .float(v)
        case .notFinite: throw error("'\(InputError.excerpt(token))' is not a finite number", at: start + 1)
        case .invalid: throw error("'\(InputError.excerpt(token))' is not a number", at: start + 1)
        }
    }
}
