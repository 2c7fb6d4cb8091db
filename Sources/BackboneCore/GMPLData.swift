import LinearModel
import Mining

// GMPL (MathProg) data sections for the readable models in `models/` (docs/models.md).
// `glpsol --model models/cover.mod --data FILE` solves the same problem as
// `CoverModel.maxCoverage(budget:)`; the tests check that both optima agree.
//
// Every number that needs rounding (the per-layer requirement `need`, the reference
// budgets) is computed here with the Swift code's own rule and handed over as data, so
// the rounding lives in one place.

extension CoverModel {
    /// Data for `models/cover.mod`: `max Σ w_t z_t` subject to `Σ x_i ≤ budget`.
    public func gmplData(budget: Int) -> String {
        gmplData(model: "cover.mod", header: "CoverModel.gmplData(budget:)",
                 bound: ("K", budget, "size budget: at most K neurons"))
    }

    /// Data for `models/cover_min.mod`: `min Σ x_i` subject to `Σ w_t z_t ≥ covered`.
    public func gmplData(covering covered: Int) -> String {
        gmplData(model: "cover_min.mod", header: "CoverModel.gmplData(covering:)",
                 bound: ("C", covered, "coverage target: at least C instances"))
    }

    private func gmplData(model: String, header: String, bound: (name: String, value: Int, meaning: String)) -> String {
        let layout = group.layout
        let layers = (1...layout.layerCount).map(String.init)
        var out = GMPLWriter()
        out.comment("Data for models/\(model), written by \(header).")
        out.comment("One group: \(group.instanceCount) instances, \(zCount) distinct transactions, "
            + "\(xCount) neurons used, layer widths \(layout.widths.map(String.init).joined(separator: ",")).")
        out.line("data;")
        out.blank()
        out.line("param q := \(gmplNumber(rule.share));")
        out.line("param \(bound.name) := \(bound.value);  # \(bound.meaning)")
        out.blank()
        out.set("L", layers)
        out.set("N", neurons.map(String.init))
        out.pairs("layer", neurons.map { (String($0), String(layout.layer(of: $0) + 1)) })
        out.blank()
        let names = (0..<zCount).map { "t\($0)" }
        out.set("T", names)
        out.pairs("w", zip(names, group.weights).map { ($0, String($1)) })
        out.blank()
        for (k, t) in group.distinct.enumerated() {
            out.set("A[\(names[k])]", Set(t).sorted().map(String.init))
        }
        if zCount > 0 {
            out.blank()
            out.comment("need[t, l] = max(1, ceil(q * |t & L_l|)) where t activates something in layer l, else 0")
            out.table("need", columns: layers, rows: group.distinct.enumerated().map { k, t in
                (names[k], rule.requirements(of: t, layout: layout).map(String.init))
            })
        }
        out.blank()
        out.line("end;")
        return out.text
    }
}

extension ReferenceModel {
    /// The budgets' right-hand sides as `build()` writes them: `⌊ρ1·n⌋`, `⌊ρ2·#u⌋`, `⌊ρ3·n⌋`,
    /// computed by the same `floorBudget` as `build()` (a test checks that these numbers equal
    /// the upper bounds of the built model's budget rows).
    var budgetRightHandSides: (excusedNeurons: Int, excusedInstances: Int, shared: Int) {
        let instances = groups.reduce(0) { $0 + $1.transactions.count }
        return (Int(floorBudget(budgets.rho1, of: neuronCount)), Int(floorBudget(budgets.rho2, of: instances)),
                Int(floorBudget(budgets.rho3, of: neuronCount)))
    }

    /// Data for `models/reference.mod`, the sense included.
    public func gmplData() -> String {
        let layers = (1...layout.layerCount).map(String.init)
        let (b1, b2, b3) = budgetRightHandSides
        let instances = groups.reduce(0) { $0 + $1.transactions.count }
        var out = GMPLWriter()
        out.comment("Data for models/reference.mod, written by ReferenceModel.gmplData().")
        out.comment("\(groups.count) groups, \(instances) instances, layer widths "
            + "\(layout.widths.map(String.init).joined(separator: ",")).")
        out.line("data;")
        out.blank()
        out.line("param sense := \(sense == .maximize ? "max" : "min");")
        out.line("param n := \(neuronCount);")
        out.set("L", layers)
        out.pairs("layer", (0..<neuronCount).map { (String($0), String(layout.layer(of: $0) + 1)) })
        out.blank()
        out.line("param rho1 := \(gmplNumber(budgets.rho1));")
        out.line("param rho2 := \(gmplNumber(budgets.rho2));")
        out.line("param rho3 := \(gmplNumber(budgets.rho3));")
        out.line("param B1 := \(b1);  # floor(rho1 * n)")
        out.line("param B2 := \(b2);  # floor(rho2 * \(instances) instances)")
        out.line("param B3 := \(b3);  # floor(rho3 * n)")
        out.blank()
        out.set("G", groups.indices.map(String.init))
        out.pairs("group_name", groups.enumerated().map { (String($0.offset), gmplString($0.element.name)) })
        for (g, group) in groups.enumerated() {
            out.blank()
            out.set("T[\(g)]", group.transactions.indices.map(String.init))
            for (t, items) in group.transactions.enumerated() {
                out.set("A[\(g),\(t)]", Set(items).sorted().map(String.init))
            }
        }
        out.blank()
        out.line("end;")
        return out.text
    }
}

/// A number as GMPL reads it back exactly: integers without a fraction, others with
/// Swift's shortest round-trip form (`0.55`, `1e-05`).
func gmplNumber(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return String(x)
}

/// A quoted GMPL string literal (a quote inside is doubled). GMPL limits a symbol to 100
/// characters, so longer names are cut; they are only printed.
func gmplString(_ s: String) -> String {
    var text = String(s.map { $0.isNewline ? " " : $0 })
    while text.utf8.count > 100 { text.removeLast() }
    return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
}

/// Builds a data section line by line, wrapping long lists.
struct GMPLWriter {
    private(set) var text = ""
    private let width = 100

    mutating func line(_ s: String) { text += s + "\n" }
    mutating func blank() { text += "\n" }
    mutating func comment(_ s: String) { line("# " + s) }

    /// `set NAME := a b c;`, wrapped.
    mutating func set(_ name: String, _ elements: [String]) {
        wrapped(head: "set \(name) :=", items: elements)
    }

    /// `param NAME := k1 v1  k2 v2;`, wrapped.
    mutating func pairs(_ name: String, _ entries: [(String, String)]) {
        wrapped(head: "param \(name) :=", items: entries.map { "\($0) \($1) " })
    }

    /// `param NAME : c1 c2 := r1 v11 v12 ...;` (a two-dimensional table).
    mutating func table(_ name: String, columns: [String], rows: [(String, [String])]) {
        let label = max(rows.map(\.0.count).max() ?? 0, 1)
        let cell = max((columns + rows.flatMap(\.1)).map(\.count).max() ?? 1, 1)
        func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        line("param \(name) :" + columns.map { " " + pad($0, cell) }.joined() + " :=")
        for (k, row) in rows.enumerated() {
            let end = k == rows.count - 1 ? ";" : ""
            line("  " + row.0 + String(repeating: " ", count: label - row.0.count)
                + row.1.map { " " + pad($0, cell) }.joined() + end)
        }
    }

    private mutating func wrapped(head: String, items: [String]) {
        var current = head
        for item in items {
            if current.count + 1 + item.count > width {
                line(current)
                current = "   "
            }
            current += " " + item
        }
        line(current.trimmingTrailingSpaces() + ";")
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
