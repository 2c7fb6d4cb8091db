import FileSupport
import Foundation

/// Says "label… N s" every few seconds while a long step runs, so a user knows a solve is
/// alive. Silent for steps shorter than the first interval.
public final class ProgressTicker: @unchecked Sendable {
    private let timer: DispatchSourceTimer
    private let start = Date()

    public init(label: String, every interval: Double = 5, say: @escaping @Sendable (String) -> Void) {
        timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        let start = self.start
        timer.setEventHandler {
            say("\(label)… \(Format.fixed(Date().timeIntervalSince(start), 0)) s")
        }
        timer.resume()
    }

    public func stop() { timer.cancel() }

    /// A progress callback for `Backends`: a ticker per solve while it runs.
    public static func callback(say: @escaping @Sendable (String) -> Void) -> @Sendable (String, String, Bool) -> Void {
        let running = Running()
        return { backend, model, started in
            if started { running.set(ProgressTicker(label: "\(backend): solving \(model)", say: say)) } else { running.set(nil) }
        }
    }

    private final class Running: @unchecked Sendable {
        private var ticker: ProgressTicker?
        private let lock = NSLock()
        func set(_ new: ProgressTicker?) { lock.lock(); ticker?.stop(); ticker = new; lock.unlock() }
    }
}
