import Foundation

/// The outcome of running a program: exit status and both output streams.
public struct ProcessOutput: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs a program to completion and captures its output (for end-to-end tests); with
/// `interruptAfter`, sends it SIGINT that many seconds after the start if it is still running.
public func runProgram(_ path: String, _ arguments: [String], in directory: URL? = nil,
                       interruptAfter: Double? = nil) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    if let interruptAfter {
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + interruptAfter) { [process] in
            if process.isRunning { kill(pid, SIGINT) }
        }
    }
    // Read both pipes concurrently so a full pipe cannot block the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessOutput(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs the built `backbones` tool.
public func runBackbones(_ arguments: [String], in directory: URL? = nil, interruptAfter: Double? = nil) throws -> ProcessOutput {
    try runProgram(TestPaths.executable.path, arguments, in: directory ?? TestPaths.packageRoot, interruptAfter: interruptAfter)
}
