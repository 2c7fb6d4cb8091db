/// Scratch arrays, one per search depth, allocated on first use and grown on demand.
///
/// A search node works in its own depth's array while its children use deeper ones, so a
/// pointer to one depth stays valid while deeper depths grow. Sizing each depth by what it
/// actually needs (instead of items × items up front) keeps sparse data with many items —
/// where searches are shallow — from reserving quadratic memory.
final class DepthArena<Element> {
    private let slots: UnsafeMutablePointer<UnsafeMutablePointer<Element>?>
    private let capacities: UnsafeMutablePointer<Int>
    private let depthCount: Int

    init(depths: Int) {
        depthCount = depths
        slots = .allocate(capacity: depths)
        slots.initialize(repeating: nil, count: depths)
        capacities = .allocate(capacity: depths)
        capacities.initialize(repeating: 0, count: depths)
    }

    deinit {
        for d in 0..<depthCount { slots[d]?.deallocate() }
        slots.deallocate()
        capacities.deallocate()
    }

    /// The array of `depth` with room for at least `count` elements. Growing discards the
    /// old contents: callers ask before they fill.
    @inline(__always)
    func array(_ depth: Int, count: Int) -> UnsafeMutablePointer<Element> {
        if let p = slots[depth], capacities[depth] >= count { return p }
        return grow(depth, count)
    }

    @inline(never)
    private func grow(_ depth: Int, _ count: Int) -> UnsafeMutablePointer<Element> {
        slots[depth]?.deallocate()
        let capacity = max(count, 2 * capacities[depth], 8)
        let p = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        slots[depth] = p
        capacities[depth] = capacity
        return p
    }
}
