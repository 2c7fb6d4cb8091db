import Synchronization

/// A request to stop the solves under way (`solve`'s first SIGINT or SIGTERM). GLPK checks it
/// at every node of its search and ends as at a time limit, with its incumbent, bound and gap
/// and the message "interrupted"; a CBC solve is stopped by killing its child process (the same
/// message, without the incumbent, which stays in the child; CCbc/watchdog.h).
public enum SolverInterrupt {
    private static let flag = Atomic<Bool>(false)

    public static func request() { flag.store(true, ordering: .relaxed) }

    public static var isRequested: Bool { flag.load(ordering: .relaxed) }
}
