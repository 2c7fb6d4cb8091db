import Foundation

/// Progress and diagnostics go to standard error, results to standard output.
enum Stderr {
    static func print(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
