/// A JSON value with a deterministic writer (keys in insertion order, shortest round-trip
/// numbers, non-finite numbers written as null). Used for every `--json` output and report.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

    /// Optional number: nil → null.
    public static func number(_ x: Double?) -> JSON { x.map { JSON.number($0) } ?? .null }
    public static func string(_ s: String?) -> JSON { s.map { JSON.string($0) } ?? .null }

    /// Compact (`pretty: false`) or indented text.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .number(x):
            if !x.isFinite { out += "null" }
            else if x == x.rounded(), abs(x) < 1e15 { out += String(Int64(x)) }
            else { out += "\(x)" }
        case let .string(s): JSON.escape(s, into: &out)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            let scalarsOnly = items.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty && !scalarsOnly { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty && !scalarsOnly { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case let .object(fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in fields.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                JSON.escape(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    private static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
