import Synchronization

/// A request to stop the solves under way (`solve`'s first SIGINT or SIGTERM). GLPK checks it
/// at every node of its search and ends as at a time limit, with its incumbent, bound and gap
/// and the message "interrupted"; CBC 2.10's C interface cannot be stopped from outside, so a
/// CBC solve runs on to its time limit.
public enum SolverInterrupt {
    private static let flag = Atomic<Bool>(false)

    public static func request() { flag.store(true, ordering: .relaxed) }

    public static var isRequested: Bool { flag.load(ordering: .relaxed) }
}
