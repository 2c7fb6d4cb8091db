import LinearModel

/// One named check every `ILPSolver` must pass, with the defect it exists to catch.
public struct ConformanceCase: Sendable {
    public let name: String
    /// One line: which backend bug this case would expose.
    public let catches: String
    /// Runs the case; throws `ConformanceFailure` with a reason when the backend fails it.
    /// Returns a short detail line (e.g. the objective and time) on success.
    public let run: @Sendable (ILPSolver, ConformanceEnvironment) throws -> String

    public init(name: String, catches: String,
                run: @escaping @Sendable (ILPSolver, ConformanceEnvironment) throws -> String) {
        self.name = name
        self.catches = catches
        self.run = run
    }
}

/// Where the cases find their data files.
public struct ConformanceEnvironment: Sendable {
    /// Folder holding `scpa1.txt` and `scpcyc06.txt` (OR-Library).
    public var orlibDirectory: String?
    /// Time limit for the time-limit case (seconds).
    public var timeLimit: Double

    public init(orlibDirectory: String?, timeLimit: Double = 2) {
        self.orlibDirectory = orlibDirectory
        self.timeLimit = timeLimit
    }
}

/// A case failed: what was expected and what came back.
public struct ConformanceFailure: Error, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// A case that cannot run here (its data file is missing).
public struct ConformanceSkip: Error, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
