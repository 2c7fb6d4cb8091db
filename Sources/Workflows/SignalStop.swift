import BackboneCore
import FileSupport
import Foundation
import LinearModel

extension RunControl {
    /// Makes the first SIGINT or SIGTERM ask this run to stop (it ends cleanly and writes what
    /// it has; `notice` is told) and a second one exit at once with status 130 (`Interruption`).
    /// The signal ends the whole process, so it also stops a GLPK or CBC point under way
    /// (`SolverInterrupt`, process-wide); a stop asked by other means stops only this run.
    public func stopOnSignals(notice: @escaping @Sendable () -> Void) {
        Interruption.onSignal { [self] in
            if isStopRequested { Interruption.exitNow() }
            notice()
            requestStop()
            SolverInterrupt.request()
        }
    }
}
