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
            Stderr.print(String(format: "%@… %.0f s", label, Date().timeIntervalSince(start)))
        }
        timer.resume()
    }

    func stop() { timer.cancel() }
}
