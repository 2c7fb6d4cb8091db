/// An itemset found by a miner: its items (ascending ids) and its support (number of
/// transactions that contain all of them).
///
/// Results are ordered lexicographically by `items` (`[1, 2] < [1, 2, 3] < [1, 3] < [2]`);
/// a miner never reports the same items twice, so `support` only breaks ties in theory.
public struct Itemset: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var items: [Int]
    public var support: Int

    public init(items: [Int], support: Int) {
        self.items = items
        self.support = support
    }

    public static func < (a: Itemset, b: Itemset) -> Bool {
        let n = min(a.items.count, b.items.count)
        for k in 0..<n where a.items[k] != b.items[k] {
            return a.items[k] < b.items[k]
        }
        if a.items.count != b.items.count { return a.items.count < b.items.count }
        return a.support < b.support
    }

    /// `support: i1 i2 …`, the line format of `backbones mine`.
    public var description: String {
        "\(support): " + items.map(String.init).joined(separator: " ")
    }
}
