/// Compares heuristic points with an exact front.
public enum Dominance {
    /// Where a heuristic backbone of `size` neurons covering `covered` instances stands
    /// against `front`. Domination needs only feasible exact points; "on the front" needs the
    /// exact point at that size to be proven optimal (otherwise `notDominatedUnproven`).
    /// Below the front's smallest useful size nothing can be covered: such a point is
    /// "trivially on the front at zero coverage".
    /// Throws if the heuristic beats a proven optimum (that would be a bug somewhere).
    public static func standing(size: Int, covered: Int, front: ExactFront) throws -> Standing {
        if size < front.minimumUsefulSize {
            guard covered == 0 else {
                throw CoreError.invalidArgument("a backbone of \(size) neurons covers \(covered) instances of \(front.groupName), below the smallest possible size \(front.minimumUsefulSize)")
            }
            return Standing(verdict: .triviallyOnFront, exactCoveredAtSize: 0, coverageLost: 0,
                            extraNeurons: 0, exactProven: true, solver: front.solver)
        }
        let best = front.bestCovered(atMost: size) ?? (covered: 0, proven: false)
        if best.proven && covered > best.covered {
            throw CoreError.invalidArgument("heuristic backbone of \(size) neurons covers \(covered) instances of \(front.groupName), more than the proven optimum \(best.covered)")
        }
        let lost = max(0, best.covered - covered)
        // Smallest exact size reaching the heuristic's coverage (0 neurons reach 0 coverage).
        let smallest = covered == 0 ? 0 : (front.smallestSize(covering: covered) ?? size)
        let extra = max(0, size - smallest)
        let verdict: Standing.Verdict
        if lost > 0 || extra > 0 {
            verdict = .dominated
        } else {
            verdict = best.proven ? .onFront : .notDominatedUnproven
        }
        return Standing(verdict: verdict, exactCoveredAtSize: best.covered, coverageLost: lost,
                        extraNeurons: extra, exactProven: best.proven, solver: front.solver)
    }
}
