import FileSupport
import Mining

/// How rules `A → c` are found, ranked and pruned (DESIGN.md, "Class-specific and class-shared
/// units"; docs/units.md).
public struct RuleSettings: Sendable, Equatable {
    /// `standard`: confidence `supp(A ∪ {c}) / supp(A)`, support `supp(A ∪ {c})`, and a rule
    /// is pruned when its antecedent contains another top rule's of the class. `authors`: what
    /// the authors' notebook computes (see `ClassRuleMiner`).
    public enum Confidence: String, Sendable, CaseIterable {
        case standard, authors
    }

    /// Absolute minimum support of an itemset within its class's transactions.
    public var minimumSupport: Int
    public var minimumConfidence: Double
    /// Fewest units in an antecedent.
    public var minimumAntecedent: Int
    /// Rules kept per class (by support × confidence) before pruning.
    public var rulesPerClass: Int
    public var confidence: Confidence
    /// Most frequent itemsets one class may have (the mining stops with an error beyond).
    public var itemsetLimit: Int

    public init(minimumSupport: Int = 2, minimumConfidence: Double = 0.5, minimumAntecedent: Int = 2,
                rulesPerClass: Int = 10, confidence: Confidence = .standard, itemsetLimit: Int = 2_000_000) {
        self.minimumSupport = minimumSupport
        self.minimumConfidence = minimumConfidence
        self.minimumAntecedent = minimumAntecedent
        self.rulesPerClass = rulesPerClass
        self.confidence = confidence
        self.itemsetLimit = itemsetLimit
    }

    public func validate() throws {
        guard minimumSupport >= 1 else { throw InputError("the minimum support must be at least 1 transaction, got \(minimumSupport)") }
        guard minimumConfidence.isFinite, minimumConfidence >= 0, minimumConfidence <= 1 else {
            throw InputError("the minimum confidence must be in [0, 1], got \(minimumConfidence)")
        }
        guard minimumAntecedent >= 1 else { throw InputError("an antecedent needs at least 1 unit, got \(minimumAntecedent)") }
        guard rulesPerClass >= 1 else { throw InputError("rules per class must be at least 1, got \(rulesPerClass)") }
    }
}

/// A rule `antecedent → label`: `confidence = support / antecedentSupport`.
public struct ClassRule: Sendable, Hashable {
    public var label: Int
    /// Unit ids, ascending.
    public var antecedent: [Int]
    /// Standard: class transactions holding the antecedent (`supp(A ∪ {c})`). Authors: the
    /// label-agnostic count of the itemset the rule was derived from.
    public var support: Int
    /// Transactions of every class holding the antecedent.
    public var antecedentSupport: Int

    public init(label: Int, antecedent: [Int], support: Int, antecedentSupport: Int) {
        self.label = label
        self.antecedent = antecedent
        self.support = support
        self.antecedentSupport = antecedentSupport
    }

    public var confidence: Double { Double(support) / Double(antecedentSupport) }
    /// Support × confidence, the ranking key.
    public var score: Double { Double(support) * confidence }

    /// The ranking: support × confidence descending (compared exactly, as `s²/a`), then support
    /// descending, then the shorter antecedent, then the lexicographically smaller one.
    public static func ranksBefore(_ x: ClassRule, _ y: ClassRule) -> Bool {
        let lhs = Int128(x.support) * Int128(x.support) * Int128(y.antecedentSupport)
        let rhs = Int128(y.support) * Int128(y.support) * Int128(x.antecedentSupport)
        if lhs != rhs { return lhs > rhs }
        if x.support != y.support { return x.support > y.support }
        if x.antecedent.count != y.antecedent.count { return x.antecedent.count < y.antecedent.count }
        return x.antecedent.lexicographicallyPrecedes(y.antecedent)
    }
}

/// Each class's rules and unit set, and what every unit in a set is.
public struct ClassUnits: Sendable {
    public struct PerClass: Sendable {
        public var label: Int
        public var transactions: Int
        /// Frequent itemsets mined in the class (of the sizes rules can use).
        public var itemsets: Int
        /// Rules that pass the confidence.
        public var candidates: Int
        /// The best `rulesPerClass` candidates, ranked.
        public var top: [ClassRule]
        /// `top` after pruning, ranked.
        public var rules: [ClassRule]
        /// For each rule, the transactions of each class (in `ClassUnits.classes` order) that hold its antecedent.
        public var labelCounts: [[Int]]
        /// The union of the rules' antecedents, ascending.
        public var units: [Int]
    }

    public enum Kind: String, Sendable {
        /// In one class's set only.
        case specific
        /// In several classes' sets.
        case shared
    }

    public struct Unit: Sendable {
        public var unit: Int
        /// 1-based hidden layer.
        public var layer: Int
        /// The classes whose set holds the unit, ascending.
        public var classes: [Int]
        public var kind: Kind
        /// `P(u ∈ t | c)` for each class (in `ClassUnits.classes` order).
        public var frequency: [Double]
        /// `P(u ∈ t | c) / P(u ∈ t)` for each class.
        public var lift: [Double]
    }

    public var settings: RuleSettings
    /// The labels of the transactions, ascending.
    public var classes: [Int]
    public var perClass: [PerClass]
    /// Every unit in some class's set, ascending.
    public var units: [Unit]

    public func set(ofClass label: Int) -> [Int] { perClass.first { $0.label == label }?.units ?? [] }
}

/// Rules and unit sets per class, after Meynen, Behzadi-Khormouji & Oramas (their notebook
/// `3_ProcessTransactions.ipynb`), over relevance transactions:
///
/// - per class `c`, the frequent itemsets of `c`'s transactions at an absolute minimum support;
/// - `standard`: a rule `A → c` for every frequent `A` with `|A| ≥ minimumAntecedent` whose
///   confidence `supp_c(A) / supp(A)` reaches the minimum; the best `rulesPerClass` by
///   support × confidence; then a rule is dropped when its antecedent strictly contains the
///   antecedent of another of those rules (the minimal antecedents stay);
/// - `authors`: their code's derivation, kept for comparison: every frequent `X = A ∪ {c}` is
///   re-counted over all transactions ignoring labels (`s(X) = supp(A)`); from each proper
///   subset `S ⊊ A` the antecedent is `S` without unit 0 (their `i > 0` test), of at least
///   `minimumAntecedent` units, with support `supp(A)` and confidence `supp(A) / supp(P)` —
///   both label-agnostic; rules are distinct by (antecedent, support, confidence); after the
///   top `rulesPerClass`, a rule is dropped when another top rule of the class with the same
///   support and confidence has a strictly larger antecedent.
public struct ClassRuleMiner: Sendable {
    public var settings: RuleSettings

    public init(settings: RuleSettings = RuleSettings()) { self.settings = settings }

    public func run(_ transactions: UnitTransactions) throws -> ClassUnits {
        try settings.validate()
        let all = transactions.database
        let columns = UnitColumns(all)
        let classes = transactions.classes
        var perClass: [ClassUnits.PerClass] = []
        for label in classes {
            let rows = transactions.rows(ofClass: label)
            let itemsets = try mine(all.selecting(rows), label: label)
            let candidates = settings.confidence == .standard
                ? standardRules(itemsets, label: label, columns: columns)
                : try authorsRules(itemsets, label: label, columns: columns)
            let top = Array(candidates.sorted(by: ClassRule.ranksBefore).prefix(settings.rulesPerClass))
            let rules = prune(top)
            let labelCounts = rules.map { rule in
                var counts = [Int](repeating: 0, count: classes.count)
                for row in transactions.rows where Self.contains(row.units, rule.antecedent) {
                    counts[classes.firstIndex(of: row.label)!] += 1
                }
                return counts
            }
            perClass.append(ClassUnits.PerClass(
                label: label, transactions: rows.count, itemsets: itemsets.count, candidates: candidates.count, top: top,
                rules: rules, labelCounts: labelCounts, units: Array(Set(rules.flatMap(\.antecedent))).sorted()))
        }
        return ClassUnits(settings: settings, classes: classes, perClass: perClass,
                          units: unitTable(perClass, transactions: transactions))
    }

    /// The class's frequent itemsets of the sizes rules can use (authors: one more unit, since
    /// an antecedent comes from a proper subset).
    func mine(_ database: TransactionDatabase, label: Int) throws -> [Itemset] {
        let minSize = settings.minimumAntecedent + (settings.confidence == .authors ? 1 : 0)
        let query = MiningQuery(target: .frequent, minimumSupport: .count(settings.minimumSupport), minSize: minSize)
        var found: [Itemset] = []
        let limit = settings.itemsetLimit
        struct TooMany: Error {}
        do {
            try BitsetMiner().mine(database, query) { items, support in
                guard found.count < limit else { throw TooMany() }
                found.append(Itemset(items: Array(items), support: support))
            }
        } catch is TooMany {
            throw InputError("class \(label): more than \(limit) frequent itemsets at a support of \(settings.minimumSupport) transactions: take fewer units per transaction (a smaller k) or raise the minimum support")
        }
        return found
    }

    func standardRules(_ itemsets: [Itemset], label: Int, columns: UnitColumns) -> [ClassRule] {
        itemsets.compactMap { a in
            let rule = ClassRule(label: label, antecedent: a.items, support: a.support, antecedentSupport: columns.support(a.items))
            return rule.confidence >= settings.minimumConfidence ? rule : nil
        }
    }

    func authorsRules(_ itemsets: [Itemset], label: Int, columns: UnitColumns) throws -> [ClassRule] {
        var rules = Set<ClassRule>()
        var counts: [[Int]: Int] = [:]
        func count(_ items: [Int]) -> Int {
            if let n = counts[items] { return n }
            let n = columns.support(items)
            counts[items] = n
            return n
        }
        for a in itemsets {
            let m = a.items.count
            guard m <= 24 else {
                throw InputError("class \(label): a frequent itemset of \(m) units, whose 2^\(m) subsets the authors' rule derivation would enumerate: take fewer units per transaction (a smaller k)")
            }
            let supportA = count(a.items)
            for mask in 1 ..< (1 << m) - 1 {
                var antecedent: [Int] = []
                for b in 0 ..< m where mask & (1 << b) != 0 && a.items[b] != 0 { antecedent.append(a.items[b]) }
                guard antecedent.count >= settings.minimumAntecedent else { continue }
                let rule = ClassRule(label: label, antecedent: antecedent, support: supportA, antecedentSupport: count(antecedent))
                if rule.confidence >= settings.minimumConfidence { rules.insert(rule) }
            }
        }
        return Array(rules)
    }

    /// The ranked top rules without the redundant ones (see the type's comment), in rank order.
    func prune(_ top: [ClassRule]) -> [ClassRule] {
        top.filter { r in
            !top.contains { other in
                guard other.antecedent.count != r.antecedent.count else { return false }
                switch settings.confidence {
                case .standard:
                    return other.antecedent.count < r.antecedent.count && Self.contains(r.antecedent, other.antecedent)
                case .authors:
                    return other.support == r.support && other.antecedentSupport == r.antecedentSupport
                        && other.antecedent.count > r.antecedent.count && Self.contains(other.antecedent, r.antecedent)
                }
            }
        }
    }

    /// Every unit of some class's set: its classes, kind, and per-class frequency and lift.
    func unitTable(_ perClass: [ClassUnits.PerClass], transactions: UnitTransactions) -> [ClassUnits.Unit] {
        let classes = transactions.classes
        var perClassCount = [[Int]](repeating: [Int](repeating: 0, count: transactions.unitCount), count: classes.count)
        var classSize = [Int](repeating: 0, count: classes.count)
        for row in transactions.rows {
            let c = classes.firstIndex(of: row.label)!
            classSize[c] += 1
            for u in row.units { perClassCount[c][u] += 1 }
        }
        let total = transactions.rows.count
        var owners: [Int: [Int]] = [:]
        for p in perClass { for u in p.units { owners[u, default: []].append(p.label) } }
        return owners.keys.sorted().map { u in
            let overall = Double(perClassCount.reduce(0) { $0 + $1[u] }) / Double(total)
            let frequency = classes.indices.map { classSize[$0] == 0 ? 0 : Double(perClassCount[$0][u]) / Double(classSize[$0]) }
            return ClassUnits.Unit(unit: u, layer: transactions.layout.layer(of: u) + 1, classes: owners[u]!,
                                   kind: owners[u]!.count == 1 ? .specific : .shared, frequency: frequency,
                                   lift: frequency.map { $0 / overall })
        }
    }

    /// Whether ascending `items` holds every element of ascending `subset`.
    static func contains(_ items: [Int], _ subset: [Int]) -> Bool {
        var i = 0
        for x in subset {
            while i < items.count && items[i] < x { i += 1 }
            guard i < items.count, items[i] == x else { return false }
            i += 1
        }
        return true
    }
}

/// Per unit, the bit column of the transactions holding it: the support of any itemset over
/// the whole database by word-parallel intersection.
struct UnitColumns {
    let words: Int
    /// `units × words`, row-major.
    let bits: [UInt64]

    init(_ database: TransactionDatabase) {
        words = max(1, (database.count + 63) / 64)
        var bits = [UInt64](repeating: 0, count: database.itemCount * words)
        for t in 0 ..< database.count {
            for u in database.items(ofTransaction: t) { bits[u * words + t >> 6] |= 1 << UInt64(t & 63) }
        }
        self.bits = bits
    }

    func support(_ items: [Int]) -> Int {
        guard let first = items.first else { return 0 }
        var n = 0
        for w in 0 ..< words {
            var word = bits[first * words + w]
            for u in items.dropFirst() { word &= bits[u * words + w] }
            n += word.nonzeroBitCount
        }
        return n
    }
}
