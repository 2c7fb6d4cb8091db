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

    /// `file:line:column: message`, leaving out what is unknown.
    public var description: String {
        var location = ""
        if let file { location += file }
        if let line { location += (location.isEmpty ? "line " : ":") + String(line) }
        if let column { location += (line == nil ? " column " : ":") + String(column) }
        return location.isEmpty ? message : location + ": " + message
    }

    /// The same error with a file name attached (for readers that parse strings).
    public func inFile(_ name: String) -> InputError {
        var copy = self
        copy.file = name
        return copy
    }
}
