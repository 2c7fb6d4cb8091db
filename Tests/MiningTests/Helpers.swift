import Mining

import Testing
import TestSupport

/// The miners every fixture runs (the random cases compare the fast ones with brute force).
enum MinerKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case bruteForce, bitset
    var miner: any ItemsetMiner {
        switch self {
        case .bruteForce: return BruteForceMiner()
        case .bitset: return BitsetMiner()
        }
    }
    var testDescription: String { rawValue }
}

let allMiners: [any ItemsetMiner] = MinerKind.allCases.map(\.miner)

func database(_ itemCount: Int, _ transactions: [[Int]]) -> TransactionDatabase {
    try! TransactionDatabase(itemCount: itemCount, transactions: transactions)
}

/// `[(items, support)]` → itemsets, for writing expected answers compactly.
func sets(_ list: [([Int], Int)]) -> [Itemset] {
    list.map { Itemset(items: $0.0, support: $0.1) }
}

/// The documented order, written out independently of `Itemset.<`: lexicographic on the
/// ascending item lists, a proper prefix first.
func isInDocumentedOrder(_ result: [Itemset]) -> Bool {
    func before(_ a: [Int], _ b: [Int]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x < y }
        return a.count < b.count
    }
    return zip(result, result.dropFirst()).allSatisfy { before($0.items, $1.items) }
}

/// A random database: each of `itemCount` items in each transaction with probability `density`.
func randomDatabase(itemCount: Int, transactions: Int, density: Double,
                    using rng: inout SplitMix) -> TransactionDatabase {
    var db = TransactionDatabase(itemCount: itemCount)
    for _ in 0..<transactions {
        db.append((0..<itemCount).filter { _ in Double.random(in: 0..<1, using: &rng) < density })
    }
    return db
}
