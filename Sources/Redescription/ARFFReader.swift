import FileSupport

/// Reads a view from a Weka ARFF file (ExItNeRdoM's input format): numeric attributes
/// (`numeric`, `real`, `integer`) and at most one `string` attribute holding the row ids;
/// without one, the ids are the 0-based row numbers. Nominal, date and relational attributes,
/// sparse rows and missing values (`?`) are errors naming the file, line and column.
public enum ARFFReader {
    public static func read(path: String) throws -> View {
        try parse(try TextFile.read(path), file: path)
    }

    public static func parse(_ text: String, file: String? = nil) throws -> View {
        var attributes: [(name: String, isID: Bool)] = []
        var idAttributeLine: Int?
        var inData = false
        var dataLine = 0
        var ids: [String] = [], lines: [Int] = []
        var columns: [[Double]] = []
        var numericIndex: [Int?] = []   // per declared attribute: its column, nil for the id
        var seenIDs: [String: Int] = [:]

        func error(_ line: Int, _ column: Int?, _ message: String) -> InputError {
            InputError(file: file, line: line, column: column, message)
        }

        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("%") { continue }
            let indent = line.count - trimmed.count
            if !inData {
                guard trimmed.hasPrefix("@") else {
                    throw error(lineNumber, indent + 1, "expected @relation, @attribute or @data before the rows")
                }
                let keyword = trimmed.prefix { !$0.isWhitespace }.lowercased()
                switch keyword {
                case "@relation": continue
                case "@data":
                    guard !numericIndex.isEmpty, numericIndex.contains(where: { $0 != nil }) else {
                        throw error(lineNumber, indent + 1, "no numeric attribute before @data: a view needs numeric attributes")
                    }
                    inData = true
                    dataLine = lineNumber
                case "@attribute":
                    func col(_ s: Substring) -> Int { line.distance(from: line.startIndex, to: s.startIndex) + 1 }
                    var rest = trimmed.dropFirst(keyword.count).drop { $0.isWhitespace }
                    let nameColumn = col(rest)
                    let name: String
                    if let quote = rest.first, quote == "'" || quote == "\"" {
                        guard let close = rest.dropFirst().firstIndex(of: quote) else {
                            throw error(lineNumber, nameColumn, "the attribute name has no closing \(quote)")
                        }
                        name = String(rest[rest.index(after: rest.startIndex)..<close])
                        rest = rest[rest.index(after: close)...]
                    } else {
                        name = String(rest.prefix { !$0.isWhitespace })
                        rest = rest.dropFirst(name.count)
                    }
                    guard !name.isEmpty else { throw error(lineNumber, nameColumn, "@attribute without a name") }
                    let typeText = rest.drop { $0.isWhitespace }
                    let column = col(typeText)
                    let type = typeText.prefix { !$0.isWhitespace }.lowercased()
                    if attributes.contains(where: { $0.name == name }) {
                        throw error(lineNumber, column, "attribute '\(InputError.excerpt(name))' is declared twice")
                    }
                    switch type {
                    case "numeric", "real", "integer":
                        numericIndex.append(columns.count)
                        columns.append([])
                        attributes.append((name, false))
                    case "string":
                        if let first = idAttributeLine {
                            throw error(lineNumber, column, "a second string attribute '\(InputError.excerpt(name))' (the first is on line \(first)): a view has one string attribute, the row id")
                        }
                        idAttributeLine = lineNumber
                        numericIndex.append(nil)
                        attributes.append((name, true))
                    case "":
                        throw error(lineNumber, column, "attribute '\(InputError.excerpt(name))' has no type")
                    default:
                        let kind = typeText.hasPrefix("{") ? "nominal" : "of type \(InputError.excerpt(type))"
                        throw error(lineNumber, column, "attribute '\(InputError.excerpt(name))' is \(kind): a view takes numeric attributes (and one string id)")
                    }
                default:
                    throw error(lineNumber, indent + 1, "unknown ARFF keyword '\(InputError.excerpt(keyword))'")
                }
                continue
            }
            // A data row.
            if trimmed.hasPrefix("{") {
                throw error(lineNumber, indent + 1, "sparse ARFF rows ({index value, …}) are not supported")
            }
            let fields = try splitFields(line, line: lineNumber, file: file)
            guard fields.count == attributes.count else {
                throw error(lineNumber, nil, "\(fields.count) values but \(attributes.count) attributes")
            }
            var id: String?
            for (i, field) in fields.enumerated() {
                if let c = numericIndex[i] {
                    if field.text == "?" {
                        throw error(lineNumber, field.column, "missing value '?' for attribute '\(InputError.excerpt(attributes[i].name))': a view needs every value")
                    }
                    guard let x = Double(field.text), x.isFinite else {
                        throw error(lineNumber, field.column, "'\(InputError.excerpt(field.text))' is not a finite number (attribute '\(InputError.excerpt(attributes[i].name))' is numeric)")
                    }
                    columns[c].append(x)
                } else {
                    id = field.text
                    if let previous = seenIDs[field.text] {
                        throw error(lineNumber, field.column, "id '\(InputError.excerpt(field.text))' appears twice (first on line \(previous))")
                    }
                    seenIDs[field.text] = lineNumber
                }
            }
            ids.append(id ?? String(ids.count))
            lines.append(lineNumber)
        }
        guard inData else { throw InputError(file: file, "no @data section: not an ARFF file?") }
        guard !ids.isEmpty else { throw InputError(file: file, line: dataLine, "no data rows after @data") }
        let names = attributes.filter { !$0.isID }.map(\.name)
        return View(file: file, ids: ids, lines: lines, attributes: names, columns: columns)
    }

    /// The comma-separated fields of a data line, unquoted (`'…'` or `"…"`, with `\` escaping
    /// the next character inside quotes), trimmed, each with its 1-based column.
    static func splitFields(_ line: Substring, line lineNumber: Int, file: String?) throws -> [(text: String, column: Int)] {
        var fields: [(String, Int)] = []
        let chars = Array(line)
        var i = 0
        while true {
            while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
            let start = i
            var text = ""
            if i < chars.count, chars[i] == "'" || chars[i] == "\"" {
                let quote = chars[i]
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == "\\", i + 1 < chars.count { text.append(chars[i + 1]); i += 2; continue }
                    if chars[i] == quote { closed = true; i += 1; break }
                    text.append(chars[i]); i += 1
                }
                guard closed else { throw InputError(file: file, line: lineNumber, column: start + 1, "a quoted value has no closing \(quote)") }
                while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
                guard i == chars.count || chars[i] == "," else {
                    throw InputError(file: file, line: lineNumber, column: i + 1, "expected ',' after a quoted value")
                }
            } else {
                while i < chars.count, chars[i] != "," { text.append(chars[i]); i += 1 }
                while let last = text.last, last == " " || last == "\t" { text.removeLast() }
            }
            fields.append((text, start + 1))
            if i >= chars.count { break }
            i += 1   // the comma
        }
        return fields
    }
}
