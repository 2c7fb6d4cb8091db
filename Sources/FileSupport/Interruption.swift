import Dispatch
import Foundation

/// SIGINT and SIGTERM, in one place. Once a file is being written (or a long run takes the
/// signals over), a signal removes the temporary files being written — so no `.NAME.tmp-*` is
/// left behind — and exits with 130. A long run that can stop cleanly takes the signals over
/// with `onSignal` (`RunControl.stopOnSignals`). Before either, the default action applies
/// (nothing of ours to clean up yet).
public enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    nonisolated(unsafe) private static var handler: (@Sendable () -> Void)?
    nonisolated(unsafe) private static var temporaries: Set<String> = []
    private static let lock = NSLock()

    /// Routes SIGINT and SIGTERM here (once, at start-up).
    public static func install() {
        lock.lock(); defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                lock.lock()
                let handler = Self.handler
                lock.unlock()
                if let handler { handler() } else { exitNow() }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Signals call `handler` from now on instead of exiting.
    public static func onSignal(_ handler: @escaping @Sendable () -> Void) {
        install()
        lock.lock(); defer { lock.unlock() }
        Self.handler = handler
    }

    /// Removes the temporary files being written and exits with 130.
    public static func exitNow() -> Never {
        lock.lock()
        for path in temporaries { unlink(path) }
        lock.unlock()
        exit(130)
    }

    /// Registers a temporary file being written (and routes the signals here, once).
    public static func writing(_ path: String) {
        install()
        lock.lock(); temporaries.insert(path); lock.unlock()
    }
    public static func written(_ path: String) { lock.lock(); temporaries.remove(path); lock.unlock() }
}
