import FileSupport
import Foundation

/// One model file of a benchmark set and what is known about it.
public struct ModelInstance: Sendable, Equatable {
    /// Short unique name (the index's `name`, else the file's stem, or its path in a folder).
    public var name: String
    public var path: String
    /// The model file's format; nil for a spec file (`.cover`: one of the toolkit's own cover
    /// models, which `backbones compare` builds from the spec; `isSpec`).
    public var format: ModelFile.Format?
    /// The optimum the index gives (`known_optimum`), if any.
    public var knownOptimum: Double?
    /// One unit of the last decimal the index writes the optimum with, when it has decimals
    /// (`82.1999` → 0.0001): catalogues round or truncate (MIPLIB 3 lists rgn as 82.1999; its
    /// optimum is 82.19999924), so a value that close matches too. 0 for integral text.
    public var knownOptimumUnit: Double = 0
    /// The sense the index gives (`sense`: min or max), checked against the file when read.
    public var sense: ObjectiveSense?

    /// The extension of spec files (`name.cover`), read above this module (Workflows' `CoverSpec`).
    public static let specExtension = "cover"

    /// Whether this is a spec file rather than a model file.
    public var isSpec: Bool { format == nil }

    /// The format's name for reports: `mps`, `lp`, `orlib`, or `cover` for a spec.
    public var formatName: String { format?.rawValue ?? Self.specExtension }

    public init(name: String, path: String, format: ModelFile.Format?, knownOptimum: Double? = nil, sense: ObjectiveSense? = nil) {
        self.name = name
        self.path = path
        self.format = format
        self.knownOptimum = knownOptimum
        self.sense = sense
    }

    /// Whether `value` is the known optimum: within `tolerance` relative (`|v − k| ≤ tol ·
    /// max(1, |k|)`) or within `knownOptimumUnit`; nil when no optimum is known.
    public func matchesKnown(_ value: Double, tolerance: Double = 1e-6) -> Bool? {
        knownOptimum.map { abs(value - $0) <= max(tolerance * max(1, abs($0)), knownOptimumUnit * (1 + 1e-9)) }
    }

    /// The value of one unit of the last decimal of a number's text: `82.1999` → 1e-4,
    /// `6.6421896127E+02` → 1e-8; 0 when the text has no fractional digits.
    public static func unitOfLastDecimal(_ text: String) -> Double {
        let lower = text.lowercased()
        let parts = lower.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let decimals = parts[0].split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        let places = decimals - exponent
        return places > 0 ? pow(10, -Double(places)) : 0
    }

    /// Reads and compiles the file; a sense that contradicts the index's is an input error.
    /// A spec has no model here (its reader builds one).
    public func read() throws -> CompiledModel {
        guard let format else { throw InputError(file: path, "a .\(Self.specExtension) spec is not a model file") }
        let model = try ModelFile.read(path: path, format: format)
        if let sense, sense != model.sense {
            throw InputError(file: path, "the index says \(sense.rawValue), the file is a \(model.sense.rawValue) model")
        }
        return model
    }
}

/// The instances of a benchmark run: from an index CSV (like `shared/reference/instances/
/// index.csv`), folders of model files, or files, in the order given.
///
/// An index CSV has a header row naming its columns: `file` (required; relative to the CSV's
/// folder), and optionally `name`, `known_optimum` (empty: unknown), `sense` (`min`/`max`)
/// and `format` (its first word, `mps`, `lp`, `orlib` or `cover`; else from the extension). Other
/// columns are ignored; fields may be quoted (`"mps (fixed), LP"`). A folder gives every file
/// below it whose extension names a format (`.mps`, `.lp`, `.txt`, `.orlib`) or is `.cover`
/// (a spec, `ModelInstance.isSpec`), sorted, except `README*` files; its instances are named by
/// their path inside the folder.
public enum InstanceList {
    /// Instances from each input: a `.csv` file is an index, a folder is listed, any other
    /// path is one model file. Names are made unique (`name#2`).
    public static func load(_ inputs: [String]) throws -> [ModelInstance] {
        var out: [ModelInstance] = []
        for input in inputs {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
                throw InputError(file: input, "no such file or folder")
            }
            if isFolder.boolValue { out += try folder(input) }
            else if input.lowercased().hasSuffix(".csv") { out += try index(input) }
            else { out.append(ModelInstance(name: stem(input), path: input, format: try format(of: input))) }
        }
        var seen: [String: Int] = [:]
        for i in out.indices {
            let count = (seen[out[i].name] ?? 0) + 1
            seen[out[i].name] = count
            if count > 1 { out[i].name += "#\(count)" }
        }
        return out
    }

    /// The model files below `path` (see the type's documentation).
    public static func folder(_ path: String) throws -> [ModelInstance] {
        let root = URL(fileURLWithPath: path).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw InputError(file: path, "cannot list the folder")
        }
        var found: [(String, String)] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  !url.lastPathComponent.uppercased().hasPrefix("README"),
                  (try? format(of: url.path)) != nil || url.path.lowercased().hasSuffix("." + ModelInstance.specExtension) else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            found.append((relative, url.path))
        }
        return try found.sorted { $0.0 < $1.0 }.map { relative, full in
            ModelInstance(name: (relative as NSString).deletingPathExtension, path: full, format: try format(of: full))
        }
    }

    /// A model file's format from its extension, or nil for a spec (`.cover`).
    static func format(of path: String) throws -> ModelFile.Format? {
        path.lowercased().hasSuffix("." + ModelInstance.specExtension) ? nil : try ModelFile.format(of: path)
    }

    /// The instances an index CSV lists.
    public static func index(_ path: String) throws -> [ModelInstance] {
        let text = try TextFile.read(path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var header: [String: Int] = [:]
        var out: [ModelInstance] = []
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " }) { continue }
            let fields = try csvFields(line, file: path, line: lineNumber)
            if header.isEmpty {
                for (k, f) in fields.enumerated() where header[f.text.lowercased()] == nil { header[f.text.lowercased()] = k }
                guard header["file"] != nil else { throw InputError(file: path, line: lineNumber, "the header names no 'file' column") }
                continue
            }
            func field(_ name: String) -> (text: String, column: Int)? {
                header[name].flatMap { $0 < fields.count ? fields[$0] : nil }
            }
            func error(_ column: Int, _ message: String) -> InputError { InputError(file: path, line: lineNumber, column: column, message) }
            guard let file = field("file"), !file.text.isEmpty else { throw error(1, "no file named on this row") }
            let resolved = file.text.hasPrefix("/") ? file.text : folder.appendingPathComponent(file.text).path
            guard FileManager.default.fileExists(atPath: resolved) else { throw error(file.column, "no such file '\(InputError.excerpt(resolved))'") }
            var instance = ModelInstance(name: field("name").map(\.text).flatMap { $0.isEmpty ? nil : $0 } ?? stem(file.text),
                                         path: resolved, format: .mps)
            if let format = field("format"), let word = format.text.split(whereSeparator: { !$0.isLetter }).first, !format.text.isEmpty {
                if word.lowercased() == ModelInstance.specExtension {
                    instance.format = nil
                } else {
                    guard let f = ModelFile.Format(rawValue: word.lowercased()) else {
                        throw error(format.column, "unknown format '\(InputError.excerpt(format.text))' (expected mps, lp, orlib or cover)")
                    }
                    instance.format = f
                }
            } else {
                do { instance.format = try Self.format(of: resolved) } catch let e as InputError { throw error(file.column, e.message) }
            }
            if let value = field("known_optimum"), !value.text.isEmpty {
                guard let x = Double(value.text), x.isFinite else {
                    throw error(value.column, "known_optimum must be a number or empty, found '\(InputError.excerpt(value.text))'")
                }
                instance.knownOptimum = x
                instance.knownOptimumUnit = ModelInstance.unitOfLastDecimal(value.text)
            }
            if let sense = field("sense"), !sense.text.isEmpty {
                switch sense.text.lowercased() {
                case "min", "minimize": instance.sense = .minimize
                case "max", "maximize": instance.sense = .maximize
                default: throw error(sense.column, "sense must be min or max, found '\(InputError.excerpt(sense.text))'")
                }
            }
            out.append(instance)
        }
        guard !header.isEmpty else { throw InputError(file: path, "empty index: expected a header row with a 'file' column") }
        return out
    }

    /// The fields of one CSV line (RFC 4180 quoting), each with its 1-based character column.
    static func csvFields(_ line: Substring, file: String, line number: Int) throws -> [(text: String, column: Int)] {
        var fields: [(String, Int)] = []
        var current = "", start = 1, column = 0
        var quoted = false, wasQuoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            column += 1
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { current.append("\""); column += 1 } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { current.append(c) }
            } else if c == "," {
                fields.append((wasQuoted ? current : current.trimmingCharacters(in: .whitespaces), start))
                current = ""; start = column + 1; wasQuoted = false
            } else if c == "\"" && current.allSatisfy({ $0 == " " }) {
                quoted = true; wasQuoted = true; current = ""
            } else { current.append(c) }
        }
        if quoted { throw InputError(file: file, line: number, column: start, "unterminated quoted field") }
        fields.append((wasQuoted ? current : current.trimmingCharacters(in: .whitespaces), start))
        return fields
    }

    static func stem(_ path: String) -> String {
        (URL(fileURLWithPath: path).lastPathComponent as NSString).deletingPathExtension
    }
}
