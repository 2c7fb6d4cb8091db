/// A problem with user input: what was wrong and where (file, line, column).
///
/// Every reader in Backbones throws this for malformed input; the CLI prints
/// `description` on one line and exits with code 2.
public struct InputError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String
    /// The setting the error is about, when it is one; the message names it in words and a
    /// front end adds its own name for it (the CLI's flag), so the library knows no flags.
    public var subject: InputSubject?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, subject: InputSubject? = nil,
                _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.subject = subject
        self.message = message
    }

    /// `file:line:column: message`, leaving out what is unknown. Always one line of plain
    /// text: control characters (and the invisible bidirectional controls) that a file or its
    /// name may carry are shown escaped (`\x1b`, `\n`, `\u{202E}`), so echoing input can
    /// neither break the line nor drive the terminal.
    public var description: String {
        var location = ""
        if let file { location += file }
        if let line { location += (location.isEmpty ? "line " : ":") + String(line) }
        if let column { location += (line == nil ? " column " : ":") + String(column) }
        return Self.escaped(location.isEmpty ? message : location + ": " + message)
    }

    /// The longest excerpt of input a message quotes (`excerpt`), in characters.
    public static let excerptLimit = 80

    /// `text` as a message quotes it: at most `limit` characters, cut ones marked by `…`.
    /// (Control characters are escaped when the message is printed, by `description`.)
    public static func excerpt<S: StringProtocol>(_ text: S, limit: Int = excerptLimit) -> String {
        var out = ""
        var count = 0
        for c in text {
            if count == limit { return out + "…" }
            out.append(c)
            count += 1
        }
        return out
    }

    /// `text` with every C0/C1 control character, DEL and bidirectional control escaped:
    /// `\t`, `\n`, `\r` by name, others below U+0100 as `\xNN`, the rest as `\u{NNNN}`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                out += scalar.value < 0x100
                    ? "\\x" + (hex.count < 2 ? "0" : "") + hex
                    : "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex.uppercased() + "}"
            }
        }
        return out
    }

    private static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00 ..< 0x20, 0x7F ..< 0xA0: return true                 // C0, DEL, C1
        case 0x200E, 0x200F, 0x202A ... 0x202E, 0x2066 ... 0x2069: return true  // bidi controls
        case 0x2028, 0x2029: return true                                 // line/paragraph separators
        default: return false
        }
    }

    /// The same error with a file name attached (for readers that parse strings).
    public func inFile(_ name: String) -> InputError {
        var copy = self
        copy.file = name
        return copy
    }
}
