import BackboneCore
import FileSupport
import Foundation
import LinearModel
import Mining

/// One of the toolkit's own cover models as an instance of `backbones compare`: a `.cover`
/// spec file naming a transactions file (FIMI, one group), its layer widths, the share `q` and
/// the budget `K`. The instance is the cover ILP `CoverModel.maxCoverage(budget: K)` — the most
/// instances of the group that a backbone of at most `K` neurons covers at `q` — and its
/// optimum is a number of instances. GLPK and CBC solve the ILP (written as an MPS file for
/// their child processes), and the combinatorial search (`CoverSearch` at `q = 1`,
/// `LayerJoinSearch` below) computes the front up to `K` (docs/solvers.md, "Cover models").
///
/// ```
/// # digit 3, correctly classified: the most instances 12 neurons cover, all of an instance's neurons
/// transactions: digits-correct-3.dat     # relative to this file
/// layers: 64,32,16
/// q: 1
/// budget: 12
/// known_optimum: 31                      # optional
/// ```
///
/// Keys are case-insensitive, `:` or `=` separates key and value, `#` starts a comment; `q`
/// defaults to 1. An index row may point at a spec (`format` `cover`, or a `.cover` file); its
/// `known_optimum` wins over the spec's.
public struct CoverSpec: Sendable, Equatable {
    public var transactions: String
    public var layout: LayerLayout
    public var rule: CoverageRule
    public var budget: Int
    public var knownOptimum: Double?

    public init(transactions: String, layout: LayerLayout, rule: CoverageRule, budget: Int, knownOptimum: Double? = nil) {
        self.transactions = transactions
        self.layout = layout
        self.rule = rule
        self.budget = budget
        self.knownOptimum = knownOptimum
    }

    public static func read(path: String) throws -> CoverSpec {
        let text = try TextFile.read(path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var values: [String: (text: String, line: Int, column: Int)] = [:]
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard !line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) else { continue }
            guard let separator = line.firstIndex(where: { $0 == ":" || $0 == "=" }) else {
                throw InputError(file: path, line: number, column: 1, "expected 'key: value' (transactions, layers, q, budget, known_optimum)")
            }
            let key = line[..<separator].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: separator)...].trimmingCharacters(in: .whitespacesAndNewlines)
            guard ["transactions", "layers", "q", "budget", "known_optimum"].contains(key) else {
                throw InputError(file: path, line: number, column: 1,
                                 "unknown key '\(InputError.excerpt(key))' (expected transactions, layers, q, budget, known_optimum)")
            }
            guard values[key] == nil else { throw InputError(file: path, line: number, column: 1, "'\(key)' given twice") }
            let valueStart = line[line.index(after: separator)...].firstIndex { $0 != " " && $0 != "\t" } ?? line.endIndex
            values[key] = (value, number, line.distance(from: line.startIndex, to: valueStart) + 1)
        }
        func required(_ key: String) throws -> (text: String, line: Int, column: Int) {
            guard let v = values[key], !v.text.isEmpty else { throw InputError(file: path, "no '\(key):' line (a cover spec names transactions, layers and budget)") }
            return v
        }
        func fail(_ v: (text: String, line: Int, column: Int), _ message: String) -> InputError {
            InputError(file: path, line: v.line, column: v.column, message)
        }
        let file = try required("transactions")
        let resolved = file.text.hasPrefix("/") ? file.text : folder.appendingPathComponent(file.text).path
        guard FileManager.default.fileExists(atPath: resolved) else { throw fail(file, "no such file '\(InputError.excerpt(resolved))'") }
        let layers = try required("layers")
        let layout: LayerLayout
        do { layout = try LayerLayout(parsing: layers.text) } catch { throw fail(layers, "layers: \(error)") }
        let budgetField = try required("budget")
        guard let budget = Int(budgetField.text), budget >= 0 else { throw fail(budgetField, "budget must be a whole number ≥ 0, found '\(InputError.excerpt(budgetField.text))'") }
        var rule = try CoverageRule(share: 1)
        if let q = values["q"] {
            guard let share = Double(q.text) else { throw fail(q, "q must be a number in (0, 1], found '\(InputError.excerpt(q.text))'") }
            do { rule = try CoverageRule(share: share) } catch { throw fail(q, "\(error)") }
        }
        var known: Double?
        if let k = values["known_optimum"], !k.text.isEmpty {
            guard let x = Double(k.text), x.isFinite else { throw fail(k, "known_optimum must be a number, found '\(InputError.excerpt(k.text))'") }
            known = x
        }
        return CoverSpec(transactions: resolved, layout: layout, rule: rule, budget: budget, knownOptimum: known)
    }

    /// The group's transactions and its cover model, and the ILP of the budget.
    public func build() throws -> (cover: CoverModel, model: CompiledModel) {
        let database = try TransactionDatabase.readFIMI(path: transactions, itemCount: layout.neuronCount)
        let cover = CoverModel(group: GroupTransactions(database: database, layout: layout), rule: rule)
        do { return (cover, try cover.maxCoverage(budget: budget).compile()) } catch let error as ModelError {
            throw InputError(file: transactions, error.description)
        }
    }

    /// The combinatorial search's answer for this budget, as a solve result: the most covered
    /// instances of the front up to `budget`, proven or not; the front's last proven bound.
    /// `limit` bounds the whole search (not each point).
    public static func search(_ cover: CoverModel, budget: Int, name: String, limit: Double) -> SolveResult {
        let started = ContinuousClock.now
        var options = SolverOptions(timeLimit: limit)
        options.threads = 1
        let version = FrontEngine.search.version(for: cover.rule)
        do {
            let front = try FrontEngine.search.run(cover, groupName: name, options: options, maxBudget: budget,
                                                   deadline: started.advanced(by: .seconds(limit)))
            let seconds = started.duration(to: .now).seconds
            guard let best = front.bestCovered(atMost: budget) else {
                return SolveResult(status: .timeLimit, seconds: seconds, solver: FrontEngine.search.name, version: version,
                                   message: "time limit reached before the front reached any point")
            }
            var result = SolveResult(status: best.proven ? .optimal : .timeLimit, objective: Double(best.covered),
                                     seconds: seconds, solver: FrontEngine.search.name, version: version)
            // A point stands for its backbone: the values say only that an incumbent exists.
            result.values = []
            let point = front.points.last(where: { $0.budget <= budget })
            result.bound = best.proven ? Double(best.covered) : point?.bound
            return result
        } catch {
            return SolveResult(status: .error, seconds: started.duration(to: .now).seconds, solver: FrontEngine.search.name,
                               version: version, message: "\(error)")
        }
    }
}
