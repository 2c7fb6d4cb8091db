import FileSupport
import Foundation

/// Prints "label… N s" on standard error every few seconds while a long step runs, so a user
/// knows a solve is alive. Silent for steps shorter than the first interval.
final class ProgressTicker: @unchecked Sendable {
    private let timer: DispatchSourceTimer
    private let start = Date()

    init(label: String, every interval: Double = 5) {
        timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        let start = self.start
        timer.setEventHandler {
            Stderr.print("\(label)… \(Format.fixed(Date().timeIntervalSince(start), 0)) s")
        }
        timer.resume()
    }

    func stop() { timer.cancel() }

    /// A progress callback for `Backends`: a ticker per solve while it runs.
    static func callback() -> @Sendable (String, String, Bool) -> Void {
        let running = Running()
        return { backend, model, started in
            if started { running.set(ProgressTicker(label: "\(backend): solving \(model)")) } else { running.set(nil) }
        }
    }

    private final class Running: @unchecked Sendable {
        private var ticker: ProgressTicker?
        private let lock = NSLock()
        func set(_ new: ProgressTicker?) { lock.lock(); ticker?.stop(); ticker = new; lock.unlock() }
    }
}
