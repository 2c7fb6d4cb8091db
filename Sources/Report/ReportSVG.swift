import FileSupport
import BackboneCore
import LinearModel

/// One standalone SVG per group and q: coverage (y, 0–100 %) against backbone size (x).
/// No scripts, no external fonts or style sheets; hover text comes from SVG `<title>`
/// elements. Every coordinate has two decimals, so the same report always gives the same bytes.
///
/// Drawn: each backend's exact front as a step line (coverage is a step function of the
/// size: flat until a size that covers more, then straight up); a marker per step, hollow
/// when not proven optimal, with a whisker up to the solver's bound; the reference
/// heuristic as a red diamond; the greedy path as small connected squares.
/// Attributes are single-quoted so the Swift source needs no escaped quotes.
public enum ReportSVG {
    /// Canvas and plot area, in SVG user units. The canvas is at least `minWidth` wide and
    /// grows with the longest legend label (no font metrics without a renderer: 7 units per
    /// character is a safe estimate for 12-unit sans-serif).
    static let minWidth = 760.0, height = 420.0
    static let plotLeft = 70.0, plotRight = 550.0, plotTop = 60.0, plotBottom = 360.0
    static let legendLeft = 570.0

    static let frontColors = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b"]
    static let referenceColor = "#d62728"
    static let greedyColor = "#ff7f0e"
    static let gray = "#555555"

    /// Maps data to canvas coordinates.
    struct Frame {
        var axis: SizeAxis

        func x(_ size: Double) -> Double {
            plotLeft + (size - Double(axis.lo)) / Double(axis.hi - axis.lo) * (plotRight - plotLeft)
        }

        /// `coverage` is a share, clamped to [0, 1].
        func y(_ coverage: Double) -> Double {
            plotBottom - min(1, max(0, coverage)) * (plotBottom - plotTop)
        }
    }

    /// The x axis a group's plot uses: every front point's size and budget, every heuristic size.
    static func axis(_ g: GroupReport) -> SizeAxis {
        var sizes = g.heuristicPoints.map(\.size)
        for f in g.fronts { sizes += f.points.flatMap { [$0.size, $0.budget] } }
        return SizeAxis.fitting(sizes)
    }

    public static func svg(_ g: GroupReport) -> String {
        let frame = Frame(axis: axis(g))
        let entries = legendEntries(g)
        let longest = entries.map(\.label.count).max() ?? 0
        let width = max(minWidth, (legendLeft + 28 + 7 * Double(longest) + 12).rounded(.up))
        let midX = (plotLeft + plotRight) / 2
        var out: [String] = []

        out.append("<?xml version='1.0' encoding='UTF-8'?>")
        out.append("<svg xmlns='http://www.w3.org/2000/svg' width='\(n(width))' height='\(n(height))' viewBox='0 0 \(n(width)) \(n(height))' font-family='sans-serif' font-size='12'>")
        let title = "\(g.groupName) — q = \(g.shareText) — \(Format.count(g.instanceCount, "instance"))"
        out.append("<title>\(escape(title))</title>")
        out.append("<rect x='0' y='0' width='\(n(width))' height='\(n(height))' fill='#ffffff'/>")
        out.append(text(title, x: midX, y: 24, extra: "text-anchor='middle' font-size='15' font-weight='bold'"))
        let backends = g.fronts.map { "\($0.solver) \($0.solverVersion)" }.joined(separator: ", ")
        let subtitle = Format.count(g.distinctTransactions, "distinct transaction")
            + (g.fronts.isEmpty ? "; no exact front" : "; exact: " + backends)
        out.append(text(subtitle, x: midX, y: 42, extra: "text-anchor='middle' fill='\(gray)'"))

        out += axes(frame)
        out += greedyPath(g, frame)
        for (i, f) in g.fronts.enumerated() {
            out += front(f, color: frontColors[i % frontColors.count], dashed: i > 0, frame)
        }
        out += greedyMarkers(g, frame)
        if let r = g.referencePoint { out.append(reference(r, g, frame)) }
        if g.fronts.isEmpty && g.heuristicPoints.isEmpty {
            out.append(text("no points to plot", x: midX, y: (plotTop + plotBottom) / 2, extra: "text-anchor='middle' fill='\(gray)'"))
        }
        out += legend(entries)
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: Parts

    static func axes(_ frame: Frame) -> [String] {
        var grid: [String] = []
        var ticks: [String] = []
        var labels: [String] = []
        for t in frame.axis.ticks {
            let x = frame.x(Double(t))
            if t != frame.axis.lo { grid.append("M \(n(x)),\(n(plotTop)) L \(n(x)),\(n(plotBottom))") }
            ticks.append("<line x1='\(n(x))' y1='\(n(plotBottom))' x2='\(n(x))' y2='\(n(plotBottom + 5))'/>")
            labels.append(text(String(t), x: x, y: plotBottom + 18, extra: "class='x-tick' text-anchor='middle'"))
        }
        for pct in stride(from: 0, through: 100, by: 20) {
            let y = frame.y(Double(pct) / 100)
            if pct != 0 { grid.append("M \(n(plotLeft)),\(n(y)) L \(n(plotRight)),\(n(y))") }
            ticks.append("<line x1='\(n(plotLeft - 5))' y1='\(n(y))' x2='\(n(plotLeft))' y2='\(n(y))'/>")
            labels.append(text("\(pct) %", x: plotLeft - 8, y: y + 4, extra: "class='y-tick' text-anchor='end'"))
        }
        var out = ["<path class='grid' d='\(grid.joined(separator: " "))' stroke='#dddddd' stroke-width='1' fill='none'/>"]
        out.append("<g class='axes' stroke='#000000' stroke-width='1'>")
        out += ticks
        out.append("<line x1='\(n(plotLeft))' y1='\(n(plotBottom))' x2='\(n(plotRight))' y2='\(n(plotBottom))'/>")
        out.append("<line x1='\(n(plotLeft))' y1='\(n(plotTop))' x2='\(n(plotLeft))' y2='\(n(plotBottom))'/>")
        out.append("</g>")
        out += labels
        out.append(text("backbone size (neurons)", x: (plotLeft + plotRight) / 2, y: plotBottom + 40, extra: "text-anchor='middle'"))
        let cy = (plotTop + plotBottom) / 2
        out.append(text("coverage (% of instances)", x: 22, y: cy, extra: "text-anchor='middle' transform='rotate(-90 22.00 \(n(cy)))'"))
        return out
    }

    /// The step line, then a marker per step and per unproven point off the steps (its bound
    /// says the front may be higher there), with a whisker up to the bound when it is higher.
    /// Later fronts get smaller markers, so where backends agree both colours stay visible.
    static func front(_ f: ExactFront, color: String, dashed: Bool, _ frame: Frame) -> [String] {
        let radius = dashed ? "2.50" : "3.50"
        let steps = f.sizeStaircase
        var d = "M \(n(frame.x(Double(frame.axis.lo)))),\(n(frame.y(0)))"
        var previous = 0.0
        for p in steps {
            // Flat at the previous coverage up to this size, then straight up.
            let x = n(frame.x(Double(p.size))), c = share(p.covered, f.instanceCount)
            d += " L \(x),\(n(frame.y(previous))) L \(x),\(n(frame.y(c)))"
            previous = c
        }
        // Solved budgets beyond the last step cover no more: the front stays flat up to them.
        if let maxBudget = f.points.map(\.budget).max(), maxBudget > (steps.last?.size ?? frame.axis.lo) {
            d += " L \(n(frame.x(Double(maxBudget)))),\(n(frame.y(previous)))"
        }
        let dash = dashed ? " stroke-dasharray='6 3'" : ""
        var out = ["<path class='front' data-solver='\(escape(f.solver))' d='\(d)' fill='none' stroke='\(color)' stroke-width='2'\(dash)/>"]

        var marked = steps
        for p in f.points where !p.isProvenOptimal && !marked.contains(p) { marked.append(p) }
        for p in marked {
            let x = frame.x(Double(p.size)), c = share(p.covered, f.instanceCount), y = frame.y(c)
            if !p.isProvenOptimal, let bound = p.bound, bound > Double(p.covered) {
                let yb = frame.y(bound / Double(max(1, f.instanceCount)))
                out.append("<path class='bound' d='M \(n(x)),\(n(y)) L \(n(x)),\(n(yb)) M \(n(x - 3)),\(n(yb)) L \(n(x + 3)),\(n(yb))' stroke='\(color)' stroke-width='1'/>")
            }
            var tip = "\(f.solver) K=\(p.budget): \(p.size) neurons, \(p.covered)/\(f.instanceCount) covered (\(Format.percent(c))), \(p.status.rawValue)"
            if let bound = p.bound, !p.isProvenOptimal { tip += ", bound \(Format.fixed(bound, 2))" }
            let fill = p.isProvenOptimal ? color : "#ffffff"
            out.append("<circle class='front-point' data-solver='\(escape(f.solver))' cx='\(n(x))' cy='\(n(y))' r='\(radius)' fill='\(fill)' stroke='\(color)' stroke-width='1.50'><title>\(escape(tip))</title></circle>")
        }
        return out
    }

    static func greedyPath(_ g: GroupReport, _ frame: Frame) -> [String] {
        let steps = g.greedySteps
        guard steps.count > 1 else { return [] }
        let pts = steps.map { "\(n(frame.x(Double($0.size)))),\(n(frame.y($0.coverage)))" }.joined(separator: " ")
        return ["<polyline class='greedy-path' points='\(pts)' fill='none' stroke='\(greedyColor)' stroke-width='1'/>"]
    }

    static func greedyMarkers(_ g: GroupReport, _ frame: Frame) -> [String] {
        g.greedySteps.map { h in
            let x = frame.x(Double(h.size)), y = frame.y(h.coverage)
            return "<rect class='greedy-step' x='\(n(x - 2.5))' y='\(n(y - 2.5))' width='5.00' height='5.00' fill='\(greedyColor)'><title>\(escape(tip(h, g)))</title></rect>"
        }
    }

    static func reference(_ h: HeuristicPoint, _ g: GroupReport, _ frame: Frame) -> String {
        let x = frame.x(Double(h.size)), y = frame.y(h.coverage)
        return "<path class='reference' d='\(diamond(x, y))' fill='\(referenceColor)' stroke='#000000' stroke-width='0.75'><title>\(escape(tip(h, g)))</title></path>"
    }

    /// A legend line: its symbol drawn with its centre line at `y`, and its label.
    struct LegendEntry {
        var symbol: (_ y: Double) -> String
        var label: String
    }

    /// Only what the plot shows gets a legend line.
    static func legendEntries(_ g: GroupReport) -> [LegendEntry] {
        var out: [LegendEntry] = []
        let x0 = legendLeft, xm = legendLeft + 11
        for (i, f) in g.fronts.enumerated() {
            let dash = i > 0 ? " stroke-dasharray='6 3'" : ""
            let color = frontColors[i % frontColors.count]
            out.append(LegendEntry(symbol: { y in
                "<line x1='\(n(x0))' y1='\(n(y))' x2='\(n(x0 + 22))' y2='\(n(y))' stroke='\(color)' stroke-width='2'\(dash)/>"
            }, label: "\(f.solver) \(f.solverVersion) exact front"))
        }
        if !g.fronts.isEmpty {
            out.append(LegendEntry(symbol: { y in
                "<circle cx='\(n(xm))' cy='\(n(y))' r='3.50' fill='\(gray)' stroke='\(gray)' stroke-width='1.50'/>"
            }, label: "proven optimal"))
        }
        if g.fronts.contains(where: { $0.points.contains { !$0.isProvenOptimal } }) {
            out.append(LegendEntry(symbol: { y in
                "<path d='M \(n(xm)),\(n(y)) L \(n(xm)),\(n(y - 8)) M \(n(xm - 3)),\(n(y - 8)) L \(n(xm + 3)),\(n(y - 8))' stroke='\(gray)' stroke-width='1'/>"
                    + "<circle cx='\(n(xm))' cy='\(n(y))' r='3.50' fill='#ffffff' stroke='\(gray)' stroke-width='1.50'/>"
            }, label: "not proven (whisker: bound)"))
        }
        if g.referencePoint != nil {
            out.append(LegendEntry(symbol: { y in
                "<path d='\(diamond(xm, y))' fill='\(referenceColor)' stroke='#000000' stroke-width='0.75'/>"
            }, label: "reference heuristic"))
        }
        if !g.greedySteps.isEmpty {
            out.append(LegendEntry(symbol: { y in
                "<line x1='\(n(x0))' y1='\(n(y))' x2='\(n(x0 + 22))' y2='\(n(y))' stroke='\(greedyColor)' stroke-width='1'/>"
                    + "<rect x='\(n(xm - 2.5))' y='\(n(y - 2.5))' width='5.00' height='5.00' fill='\(greedyColor)'/>"
            }, label: "greedy path"))
        }
        return out
    }

    static func legend(_ entries: [LegendEntry]) -> [String] {
        var out = ["<g class='legend'>"]
        for (i, e) in entries.enumerated() {
            let y = plotTop + 6 + 20 * Double(i)
            out.append(e.symbol(y))
            out.append(text(e.label, x: legendLeft + 28, y: y + 4, extra: ""))
        }
        out.append("</g>")
        return out
    }

    // MARK: Helpers

    /// A diamond of half-width 6 centred on (x, y), starting at its top corner.
    static func diamond(_ x: Double, _ y: Double) -> String {
        let r = 6.0
        return "M \(n(x)),\(n(y - r)) L \(n(x + r)),\(n(y)) L \(n(x)),\(n(y + r)) L \(n(x - r)),\(n(y)) Z"
    }

    /// Hover text of a heuristic marker.
    static func tip(_ h: HeuristicPoint, _ g: GroupReport) -> String {
        var s = "\(h.label): \(h.size) neurons, \(h.covered)/\(g.instanceCount) covered (\(Format.percent(h.coverage)))"
        if let st = h.standing {
            s += ", \(st.verdict.rawValue)"
            if st.verdict == .dominated { s += ": " + ReportTable.comparison(st) }
        }
        return s
    }

    /// Fixed two decimals: deterministic and precise enough for any screen.
    static func n(_ x: Double) -> String { Format.fixed(x, 2) }

    static func share(_ covered: Int, _ instances: Int) -> Double {
        instances == 0 ? 0 : Double(covered) / Double(instances)
    }

    static func text(_ s: String, x: Double, y: Double, extra: String) -> String {
        "<text x='\(n(x))' y='\(n(y))'\(extra.isEmpty ? "" : " " + extra)>\(escape(s))</text>"
    }

    /// XML escapes for text and (single- or double-quoted) attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // XML 1.0 forbids most control characters, even as references: show a space.
            case _ where c.value < 0x20 && c != "\t" && c != "\n" && c != "\r": out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
