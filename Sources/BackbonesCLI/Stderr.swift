import Foundation

/// Progress and diagnostics go to standard error, results to standard output.
enum Stderr {
    static func print(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// A logger for progress lines that worker threads call: one whole line at a time.
    static func lineLogger() -> @Sendable (String) -> Void {
        let lock = NSLock()
        return { line in lock.lock(); print(line); lock.unlock() }
    }
}
