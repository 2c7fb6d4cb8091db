import FileSupport

/// Reads CPLEX LP files: objective (min/max), `Subject To` rows `[name:] expr op rhs`,
/// `Bounds` (`x >= l`, `x <= u`, `l <= x <= u`, `x = v`, `x free`), `General`/`Integer`
/// and `Binary` lists, `End`. Comments start with `\`. Ranged rows (`l <= expr <= u`)
/// are accepted in the constraints section too. Variables default to [0, +inf).
public enum LPReader {
    public static func read(path: String) throws -> Model {
        try parse(TextFile.read(path), file: path)
    }

    public static func parse(_ text: String, file: String = "<lp>") throws -> Model {
        var p = LPParser(tokens: try LPToken.scan(text, file: file), file: file)
        return try p.parseModel()
    }

    /// Words this reader (or GLPK's or CBC's) treats as keywords wherever a name could stand:
    /// section headers, `inf`/`infinity`, `free`, and the first words of two-word headers.
    /// `LPWriter` renames a column or row with one of these names (compared in lower case).
    public static let reservedWords: Set<String> = [
        "minimize", "minimise", "minimum", "min", "maximize", "maximise", "maximum", "max",
        "subject", "such", "st", "s.t.", "st.", "bounds", "bound", "general", "generals", "gen",
        "integer", "integers", "int", "binary", "binaries", "bin", "end", "inf", "infinity", "free",
        "semi", "semis", "semi-continuous", "sos", "sos1", "sos2",
    ]
}

struct LPToken {
    enum Kind: Equatable { case number(Double), word(String), op(String), sign(Character), colon }
    let kind: Kind
    let line: Int
    let column: Int

    static func scan(_ text: String, file: String) throws -> [LPToken] {
        var tokens: [LPToken] = []
        let chars = Array(text.unicodeScalars)
        var i = 0, line = 1, column = 1
        func isNameChar(_ c: Unicode.Scalar) -> Bool {
            c.properties.isAlphabetic || ("0"..."9").contains(c) || "_.[]{}!\"#$%&()/,;?@'`|~".unicodeScalars.contains(c)
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\n" { line += 1; column = 1; i += 1; continue }
            if c == " " || c == "\t" || c == "\r" { i += 1; column += 1; continue }
            if c == "\\" { while i < chars.count, chars[i] != "\n" { i += 1 }; continue }
            let startColumn = column
            func advance(_ n: Int) { i += n; column += n }
            if ("0"..."9").contains(c) || (c == "." && i + 1 < chars.count && ("0"..."9").contains(chars[i + 1])) {
                var j = i
                while j < chars.count, ("0"..."9").contains(chars[j]) || chars[j] == "." { j += 1 }
                if j < chars.count, chars[j] == "e" || chars[j] == "E" {
                    var k = j + 1
                    if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
                    if k < chars.count, ("0"..."9").contains(chars[k]) {
                        while k < chars.count, ("0"..."9").contains(chars[k]) { k += 1 }
                        j = k
                    }
                }
                let s = String(String.UnicodeScalarView(chars[i..<j]))
                guard let v = Double(s) else { throw InputError(file: file, line: line, column: startColumn, "malformed number '\(InputError.excerpt(s))'") }
                tokens.append(LPToken(kind: .number(v), line: line, column: startColumn))
                advance(j - i)
            } else if c == "<" || c == ">" || c == "=" {
                var op = String(c)
                if i + 1 < chars.count, chars[i + 1] == "=" || (c == "=" && (chars[i + 1] == "<" || chars[i + 1] == ">")) {
                    op += String(chars[i + 1])
                }
                advance(op.count)
                let normal: String
                switch op { case "<", "<=", "=<": normal = "<="; case ">", ">=", "=>": normal = ">="; default: normal = "=" }
                tokens.append(LPToken(kind: .op(normal), line: line, column: startColumn))
            } else if c == "+" || c == "-" {
                tokens.append(LPToken(kind: .sign(Character(c)), line: line, column: startColumn))
                advance(1)
            } else if c == ":" {
                tokens.append(LPToken(kind: .colon, line: line, column: startColumn))
                advance(1)
            } else if isNameChar(c) {
                var j = i
                while j < chars.count, isNameChar(chars[j]) { j += 1 }
                tokens.append(LPToken(kind: .word(String(String.UnicodeScalarView(chars[i..<j]))), line: line, column: startColumn))
                advance(j - i)
            } else {
                throw InputError(file: file, line: line, column: startColumn, "unexpected character '\(c)'")
            }
        }
        return tokens
    }
}

struct LPParser {
    let tokens: [LPToken]
    let file: String
    var position = 0
    var model = Model(name: "model")
    var columns: [String: VariableID] = [:]

    init(tokens: [LPToken], file: String) {
        self.tokens = tokens
        self.file = file
        model.name = String(file.split(separator: "/").last ?? "model")
    }

    enum Section { case objective, constraints, bounds, general, binary, end }

    var current: LPToken? { position < tokens.count ? tokens[position] : nil }

    func error(_ message: String, at token: LPToken? = nil) -> InputError {
        if let t = token ?? current { return InputError(file: file, line: t.line, column: t.column, message) }
        let last = tokens.last
        return InputError(file: file, line: last?.line, "file ends early: \(message)")
    }

    /// A section keyword at the current position, consuming it.
    mutating func sectionKeyword() -> Section? {
        guard let t = current, case let .word(w) = t.kind else { return nil }
        let lower = w.lowercased()
        let next: String? = position + 1 < tokens.count ? { if case let .word(n) = tokens[position + 1].kind { return n.lowercased() }; return nil }() : nil
        switch lower {
        case "minimize", "minimise", "minimum", "min":
            model.sense = .minimize; position += 1; return .objective
        case "maximize", "maximise", "maximum", "max":
            model.sense = .maximize; position += 1; return .objective
        case "subject" where next == "to", "such" where next == "that":
            position += 2; return .constraints
        case "st", "s.t.", "st.":
            position += 1; return .constraints
        case "bounds", "bound":
            position += 1; return .bounds
        case "general", "generals", "gen", "integer", "integers", "int":
            position += 1; return .general
        case "binary", "binaries", "bin":
            position += 1; return .binary
        case "end":
            position += 1; return .end
        default: return nil
        }
    }

    mutating func variable(_ name: String) -> VariableID {
        if let v = columns[name] { return v }
        let v = model.addVariable(name: name, kind: .continuous, lower: 0, upper: .infinity)
        columns[name] = v
        return v
    }

    /// `[name:]` label at the current position.
    mutating func label() -> String? {
        guard position + 1 < tokens.count, case let .word(w) = tokens[position].kind, tokens[position + 1].kind == .colon else { return nil }
        position += 2
        return w
    }

    /// A signed linear expression up to an operator or a section keyword. Returns terms and constant.
    mutating func expression() throws -> (terms: [Term], constant: Double) {
        var terms: [Term] = [], constant = 0.0
        var sawAny = false
        while let t = current {
            if case .op = t.kind { break }
            var save = self
            if save.sectionKeyword() != nil { break }
            var sign = 1.0
            var sawSign = false
            while case let .sign(s)? = current?.kind { if s == "-" { sign = -sign }; sawSign = true; position += 1 }
            var coefficient = 1.0
            var hadNumber = false
            if case let .number(v)? = current?.kind { coefficient = v; hadNumber = true; position += 1 }
            if case let .word(w)? = current?.kind, !isInfinity(w), position + 1 >= tokens.count || tokens[position + 1].kind != .colon {
                save = self
                if save.sectionKeyword() != nil {  // keywords are reserved, never variables
                    if hadNumber { constant += sign * coefficient }
                    break
                }
                terms.append(Term(variable(w), sign * coefficient))
                position += 1
            } else if hadNumber {
                constant += sign * coefficient
            } else {
                // A label (`name:`) after complete terms ends the expression; the caller decides.
                let isLabel: Bool = { if case .word? = current?.kind, position + 1 < tokens.count, tokens[position + 1].kind == .colon { return true }; return false }()
                if (sawAny && !isLabel) || sawSign { throw error("expected a number or a variable name") }
                break
            }
            sawAny = true
        }
        return (terms, constant)
    }

    mutating func signedNumber(_ what: String) throws -> Double {
        var sign = 1.0
        while case let .sign(s)? = current?.kind { if s == "-" { sign = -sign }; position += 1 }
        guard let t = current else { throw error("expected \(what)") }
        switch t.kind {
        case let .number(v): position += 1; return sign * v
        case let .word(w) where isInfinity(w): position += 1; return sign * .infinity
        default: throw error("expected \(what)", at: t)
        }
    }

    func isInfinity(_ w: String) -> Bool { ["inf", "infinity"].contains(w.lowercased()) }

    /// How a token reads in a message: `'inf'`, `':'`, `number 3`.
    func describe(_ t: LPToken) -> String {
        switch t.kind {
        case let .number(v): return "number \(v)"
        case let .word(w): return "'\(InputError.excerpt(w))'"
        case let .op(o): return "'\(o)'"
        case let .sign(c): return "'\(c)'"
        case .colon: return "':'"
        }
    }

    mutating func parseModel() throws -> Model {
        guard let first = sectionKeyword(), first == .objective else {
            throw error("an LP file starts with Minimize or Maximize")
        }
        var section = Section.objective
        var rowCount = 0
        var objectiveStarted = false
        while section != .end {
            let keywordToken = current
            if let next = sectionKeyword() {
                if next == .objective { throw error("a second objective section (an LP file has one Minimize or Maximize)", at: keywordToken) }
                section = next
                continue
            }
            guard let t = current else { break }
            // Every pass consumes input or throws: a token no rule takes is an error, not a loop.
            let start = position
            switch section {
            case .objective:
                if label() != nil, objectiveStarted {
                    throw error("a second name \(describe(t)) in the objective (its one name comes before its first term)", at: t)
                }
                objectiveStarted = true
                let (terms, constant) = try expression()
                for term in terms { model.setCost(term.variable, model.variables[term.variable.index].cost + term.coefficient) }
                model.objectiveOffset += constant
                if case .op = current?.kind { throw error("an objective has no comparison operator") }
            case .constraints:
                rowCount += 1
                let name = label() ?? "c\(rowCount)"
                // Ranged form: number op expr op number.
                var leftBound: (Double, String)?
                if case .number = current?.kind, position + 1 < tokens.count, case .op = tokens[position + 1].kind {
                    let v = try signedNumber("a bound"); guard case let .op(o)? = current?.kind else { throw error("expected an operator") }
                    position += 1; leftBound = (v, o)
                }
                let (terms, constant) = try expression()
                guard case let .op(op)? = current?.kind else { throw error("expected <=, >= or = in constraint \(name)") }
                position += 1
                let rhs = try signedNumber("a right-hand side number in constraint \(name)") - constant
                var row = Row(name: name, terms: terms)
                switch op { case "<=": row.upper = rhs; case ">=": row.lower = rhs; default: row.lower = rhs; row.upper = rhs }
                if let (v, o) = leftBound {
                    if o == "<=" { row.lower = v - constant } else if o == ">=" { row.upper = v - constant } else { throw error("a ranged row needs <= or >=", at: t) }
                }
                model.addRow(row)
            case .bounds:
                try parseBound()
            case .general, .binary:
                guard case let .word(w) = t.kind else { throw error("expected a variable name", at: t) }
                let v = variable(w)
                position += 1
                if section == .binary {
                    var x = model.variables[v.index]
                    x.kind = .binary; x.lower = max(0, x.lower); x.upper = min(1, x.upper)
                    model.setBounds(v, lower: x.lower, upper: x.upper)
                    model.setKind(v, .binary)
                } else {
                    model.setKind(v, .integer)
                }
            case .end:
                break
            }
            if position == start {
                let where_: String
                switch section {
                case .objective: where_ = "the objective"
                case .constraints: where_ = "Subject To"
                case .bounds: where_ = "Bounds"
                case .general: where_ = "General"
                case .binary: where_ = "Binary"
                case .end: where_ = "End"
                }
                throw error("unexpected \(describe(t)) in \(where_)", at: t)
            }
        }
        if section != .end { throw error("missing End") }
        if let extra = current { throw error("unexpected text after End", at: extra) }
        return model
    }

    mutating func parseBound() throws {
        // Forms: x free | x op v | v op x | v op x op v
        let start = current!
        if case let .word(w) = start.kind, !isInfinity(w) {
            position += 1
            let v = variable(w)
            if case let .word(f)? = current?.kind, f.lowercased() == "free" {
                position += 1; model.setBounds(v, lower: -.infinity, upper: .infinity); return
            }
            guard case let .op(op)? = current?.kind else { throw error("expected <=, >=, = or free after \(w) in Bounds") }
            position += 1
            let value = try signedNumber("a bound value for \(w)")
            try apply(op, value, to: v, valueOnLeft: false)
            return
        }
        let value = try signedNumber("a bound value or a variable name")
        guard case let .op(op)? = current?.kind else { throw error("expected an operator in Bounds") }
        position += 1
        guard case let .word(w)? = current?.kind else { throw error("expected a variable name in Bounds") }
        position += 1
        let v = variable(w)
        try apply(op, value, to: v, valueOnLeft: true)
        if case let .op(op2)? = current?.kind {
            position += 1
            let upper = try signedNumber("a bound value for \(w)")
            try apply(op2, upper, to: v, valueOnLeft: false)
        }
    }

    mutating func apply(_ op: String, _ value: Double, to v: VariableID, valueOnLeft: Bool) throws {
        let x = model.variables[v.index]
        switch (op, valueOnLeft) {
        case ("=", _): model.setBounds(v, lower: value, upper: value)
        case ("<=", false), (">=", true): model.setBounds(v, lower: x.lower, upper: value)
        default: model.setBounds(v, lower: value, upper: x.upper)
        }
    }
}

extension Model {
    /// Changes a variable's kind (readers learn integrality after the variable appears).
    public mutating func setKind(_ variable: VariableID, _ kind: VariableKind) {
        let v = variables[variable.index]
        var replacement = v
        replacement.kind = kind
        replaceVariable(variable, with: replacement)
    }
}
