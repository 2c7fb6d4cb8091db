import BackboneCore
import FileSupport
import Foundation

extension RunControl {
    /// Makes the first SIGINT or SIGTERM ask this run to stop (it ends cleanly and writes what
    /// it has; `notice` is told) and a second one exit at once with status 130 (`Interruption`).
    public func stopOnSignals(notice: @escaping @Sendable () -> Void) {
        Interruption.onSignal { [self] in
            if isStopRequested { Interruption.exitNow() }
            notice()
            requestStop()
        }
    }
}
