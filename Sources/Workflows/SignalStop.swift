import BackboneCore
import Dispatch
import Foundation

extension RunControl {
    nonisolated(unsafe) private static var signalSources: [DispatchSourceSignal] = []

    /// Makes the first SIGINT or SIGTERM ask this run to stop (it ends cleanly and writes what
    /// it has; `notice` is told) and a second one exit the process at once with status 130.
    public func stopOnSignals(notice: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                if isStopRequested { Foundation.exit(130) }
                notice()
                requestStop()
            }
            source.resume()
            Self.signalSources.append(source)
        }
    }
}
