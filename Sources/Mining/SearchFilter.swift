/// The query's filters in the form the depth-first searches use.
///
/// Size ≥ `minSize` and layer-completeness are *monotone*: if a set fails them, so do all of
/// its subsets. A search node whose head plus every item it could still add fails them
/// holds no result, so the searches skip it (for the maximal search this also skips finding
/// maximal sets that would be filtered out anyway; see `MaximalSearch`). Layers are tracked
/// as one bit per layer (`layerBit[r]` for recoded item `r`), so a node's layer coverage is
/// an OR; with more than 64 layers that shortcut is off and only the final check is made.
struct SearchFilter {
    let query: ResolvedMiningQuery
    /// One bit per layer for each recoded item (all 0 without a layer filter).
    let layerBit: [UInt64]
    /// The OR of all layer bits of a layer-complete set (0 when not tracked).
    let fullLayers: UInt64
    /// Whether the final check must call `LayerLayout.isLayerComplete` (more than 64 layers).
    let needsExactLayerCheck: Bool

    init(query: ResolvedMiningQuery, bitsets: VerticalBitsets) {
        self.query = query
        if let layout = query.layerComplete, layout.layerCount <= 64 {
            layerBit = bitsets.originalItem.map { 1 << UInt64(layout.layer(of: $0)) }
            fullLayers = layout.layerCount == 64 ? ~0 : (1 << UInt64(layout.layerCount)) - 1
            needsExactLayerCheck = false
        } else {
            layerBit = [UInt64](repeating: 0, count: bitsets.itemCount)
            fullLayers = 0
            needsExactLayerCheck = query.layerComplete != nil
        }
    }

    /// Whether a set of `size` items covering `layers` may still contain (or be) a result.
    @inline(__always)
    func mayContainResult(size: Int, layers: UInt64) -> Bool {
        size >= query.minSize && layers & fullLayers == fullLayers
    }
}

/// Turns recoded itemsets into results: checks the filters, maps to original ids, sorts, and
/// calls the visitor with a reused buffer (no allocation per itemset).
final class ResultEmitter {
    private let filter: SearchFilter
    private let originalItem: [Int]
    private let buffer: UnsafeMutableBufferPointer<Int>
    private let visit: (UnsafeBufferPointer<Int>, Int) throws -> Void

    init(filter: SearchFilter, bitsets: VerticalBitsets, visit: @escaping (UnsafeBufferPointer<Int>, Int) throws -> Void) {
        self.filter = filter
        self.originalItem = bitsets.originalItem
        self.buffer = .allocate(capacity: max(1, bitsets.itemCount))
        self.visit = visit
    }

    deinit { buffer.deallocate() }

    /// Reports `items[0..<count]` (recoded) if it passes the filters.
    func emit(_ items: UnsafePointer<Int32>, count: Int, support: Int) throws {
        let q = filter.query
        guard count >= q.minSize, count <= q.maxSize else { return }
        var layers: UInt64 = 0
        for k in 0..<count {
            let r = Int(items[k])
            layers |= filter.layerBit[r]
            buffer[k] = originalItem[r]
        }
        guard layers & filter.fullLayers == filter.fullLayers else { return }
        var result = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
        result.sort()
        if filter.needsExactLayerCheck, let layout = q.layerComplete, !layout.isLayerComplete(result) { return }
        try visit(UnsafeBufferPointer(result), support)
    }
}
