import Foundation

/// Runs independent jobs on a few threads: the one pool of the toolkit (fronts of many groups).
///
/// Threads get 64 MiB stacks (GCD's workers have 512 KiB; the searches and the solvers' branch
/// and bound recurse). Each job runs whole on one thread, so GLPK's thread affinity holds.
public enum WorkerPool {
    /// Results of `job(0..<count)`, in job order, computed on `threads` threads (one job at a
    /// time on the calling thread when `threads` is 1).
    public static func map<T: Sendable>(_ count: Int, threads: Int, _ job: @escaping @Sendable (Int) throws -> T) -> [Result<T, Error>] {
        let results = Slots<Result<T, Error>>(count: count)
        let queue = Counter(limit: count)
        let work: @Sendable () -> Void = {
            while let index = queue.next() { results.set(index, Result { try job(index) }) }
        }
        let workers = min(max(1, threads), max(1, count))
        if workers == 1 {
            work()
        } else {
            let done = DispatchSemaphore(value: 0)
            for _ in 0..<workers {
                let thread = Thread { work(); done.signal() }
                thread.stackSize = 64 << 20
                thread.start()
            }
            for _ in 0..<workers { done.wait() }
        }
        return (0..<count).map { results.get($0) }
    }

    /// Hands out job indices.
    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let limit: Int
        private let lock = NSLock()
        init(limit: Int) { self.limit = limit }
        func next() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }

    /// Collects results from the threads.
    private final class Slots<T>: @unchecked Sendable {
        private var items: [T?]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ v: T) { lock.lock(); items[i] = v; lock.unlock() }
        func get(_ i: Int) -> T { lock.lock(); defer { lock.unlock() }; return items[i]! }
    }
}
