import BackboneCore
import BackboneData
import FileSupport

/// What an error means for the shell, decided in one place: 1 a result check failed (two
/// engines' proven optima differ, a self-test case failed, jobs of a plan are missing), 2 bad
/// input or usage, 3 a solver or the environment failed.
public struct ExitStatus: Sendable, Equatable {
    public static let checkFailed: Int32 = 1
    public static let badInput: Int32 = 2
    public static let solverFailed: Int32 = 3

    public var code: Int32
    public var message: String

    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    /// Nil for errors this layer does not know (the command-line parser's own). `flag` names the
    /// option an input error is about, in the wording of the interface that reports it.
    public init?(_ error: Error, flag: (InputSubject) -> String) {
        switch error {
        case let error as InputError: (code, message) = (Self.badInput, (error.subject.map { "\(flag($0)): " } ?? "") + error.description)
        case let error as ActivationSpec.Conflict: (code, message) = (Self.badInput, error.description)
        case let error as ClusterRun.Unfinished: (code, message) = (Self.checkFailed, error.description)
        case let error as CoreError:
            switch error {
            case .solverDisagreement: (code, message) = (Self.checkFailed, error.description)
            case .solverFailed: (code, message) = (Self.solverFailed, error.description)
            case .invalidArgument, .emptyGroup: (code, message) = (Self.badInput, error.description)
            }
        default: return nil
        }
    }
}
