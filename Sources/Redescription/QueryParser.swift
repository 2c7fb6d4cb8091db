import FileSupport

/// Reads queries in ExItNeRdoM's syntax: literals `attribute >= lower <= upper` (a closed
/// interval), `AND`, `OR`, `NOT`, parentheses; precedence NOT > AND > OR; AND and OR are
/// left-associative (and flattened). Errors give the 1-based column in the query text, and
/// the file and line when the caller passes them.
public enum QueryParser {
    public static func parse(_ text: String, file: String? = nil, line: Int? = nil, columnOffset: Int = 0) throws -> Query {
        var parser = Parser(tokens: try tokenize(text, file: file, line: line, columnOffset: columnOffset),
                            file: file, line: line, endColumn: columnOffset + text.count + 1)
        let q = try parser.parseOr()
        if let extra = parser.peek {
            throw parser.error(extra, "unexpected '\(InputError.excerpt(extra.text))' after a complete query")
        }
        return q
    }

    struct Token {
        var text: String
        var column: Int
    }

    static func tokenize(_ text: String, file: String?, line: Int?, columnOffset: Int) throws -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var start = 0
        func flush() { if !current.isEmpty { tokens.append(Token(text: current, column: columnOffset + start + 1)); current = "" } }
        for (i, c) in text.enumerated() {
            if c == " " || c == "\t" {
                flush()
            } else if c == "(" || c == ")" {
                flush()
                tokens.append(Token(text: String(c), column: columnOffset + i + 1))
            } else {
                if current.isEmpty { start = i }
                current.append(c)
            }
        }
        flush()
        return tokens
    }

    struct Parser {
        var tokens: [Token]
        var file: String?
        var line: Int?
        var endColumn: Int
        var position = 0

        var peek: Token? { position < tokens.count ? tokens[position] : nil }

        func error(_ token: Token?, _ message: String) -> InputError {
            InputError(file: file, line: line, column: token?.column ?? endColumn, message)
        }

        mutating func next(_ expected: String) throws -> Token {
            guard let t = peek else { throw error(nil, "the query ends where \(expected) was expected") }
            position += 1
            return t
        }

        mutating func parseOr() throws -> Query { try chain("OR", { try $0.parseAnd() }, or: true) }
        mutating func parseAnd() throws -> Query { try chain("AND", { try $0.parseUnary() }, or: false) }

        /// `operand (word operand)*`, flattened: `a OR (b OR c)` is one OR of three.
        mutating func chain(_ word: String, _ operand: (inout Parser) throws -> Query, or: Bool) throws -> Query {
            var operands = [try operand(&self)]
            while peek?.text == word {
                position += 1
                operands.append(try operand(&self))
            }
            guard operands.count > 1 else { return operands[0] }
            let flat = operands.flatMap { q -> [Query] in
                switch (q, or) {
                case let (.or(qs), true), let (.and(qs), false): return qs
                default: return [q]
                }
            }
            return or ? .or(flat) : .and(flat)
        }

        mutating func parseUnary() throws -> Query {
            let t = try next("a literal, NOT or '('")
            switch t.text {
            case "NOT":
                return .not(try parseUnary())
            case "(":
                let q = try parseOr()
                let close = try next("')'")
                guard close.text == ")" else { throw error(close, "expected ')' but found '\(InputError.excerpt(close.text))'") }
                return q
            case ")", "AND", "OR", ">=", "<=":
                throw error(t, "expected a literal, NOT or '(' but found '\(t.text)'")
            default:
                let ge = try next("'>='")
                guard ge.text == ">=" else { throw error(ge, "expected '>=' after attribute '\(InputError.excerpt(t.text))' (a literal is 'attribute >= lower <= upper')") }
                let lower = try number(try next("a lower bound"))
                let le = try next("'<='")
                guard le.text == "<=" else { throw error(le, "expected '<=' after the lower bound (a literal is 'attribute >= lower <= upper')") }
                let upperToken = try next("an upper bound")
                let upper = try number(upperToken)
                guard lower <= upper else {
                    throw error(upperToken, "the interval [\(lower), \(upper)] is empty: the lower bound is above the upper bound")
                }
                return .literal(IntervalLiteral(attribute: t.text, lower: lower, upper: upper))
            }
        }

        func number(_ t: Token) throws -> Double {
            guard let x = Double(t.text), !x.isNaN else {
                throw error(t, "'\(InputError.excerpt(t.text))' is not a number")
            }
            return x
        }
    }
}
