import FileSupport
import Foundation

/// Counts finished fronts across worker threads and says, after each, how far the run is:
/// `fronts 5/20 done (134 points, 131 proven), 12 s so far, about 36 s left` — the estimate is
/// the mean time per computed front so far times the fronts left, over the threads.
final class FrontProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int, toCompute: Int, threads: Int
    private var done = 0, computed = 0, points = 0, proven = 0
    private let started = ContinuousClock.now

    init(total: Int, toCompute: Int, threads: Int) {
        (self.total, self.toCompute, self.threads) = (total, toCompute, max(1, threads))
    }

    /// Records a front (`computed`: false for one kept from a checkpoint) and returns the line.
    func finished(_ front: ExactFront, computed wasComputed: Bool) -> String {
        lock.lock(); defer { lock.unlock() }
        done += 1
        if wasComputed { computed += 1 }
        points += front.points.count
        proven += front.provenCount
        let elapsed = (ContinuousClock.now - started).seconds
        var line = "fronts \(done)/\(total) done (\(points) points, \(proven) proven), \(Format.fixed(elapsed, 0)) s so far"
        let left = toCompute - computed
        if computed > 0, left > 0 {
            let eta = elapsed / Double(computed) * Double(left) / Double(min(threads, left))
            line += ", about \(Format.fixed(eta, 0)) s left"
        }
        return line
    }
}
