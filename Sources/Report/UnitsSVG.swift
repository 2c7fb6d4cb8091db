import FileSupport
import Workflows

/// `ablation.svg` of `backbones units`: the accuracy drop of every class's ablated set against
/// its size, each method in its colour with the class label beside it, and at the same size
/// the random sets' mean drop with a whisker of ± one standard deviation (grey). Deterministic
/// bytes (two decimals), no scripts, hover text in `<title>`; the helpers are `ReportSVG`'s.
public enum UnitsSVG {
    static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]
    static let width = 760.0, height = 420.0
    static let left = ReportSVG.plotLeft, right = ReportSVG.plotRight, top = ReportSVG.plotTop, bottom = ReportSVG.plotBottom

    static func text(_ s: String, _ x: Double, _ y: Double, _ extra: String) -> String { ReportSVG.text(s, x: x, y: y, extra: extra) }

    public static func svg(_ r: UnitsJob.Result) -> String {
        let n = ReportSVG.n
        let ablation = r.ablation ?? []
        let methods = r.summary.map(\.method)
        var drops: [Double] = [0]
        for c in ablation {
            for m in c.methods {
                drops += [c.intact.accuracy - m.own.accuracy, c.intact.accuracy - m.randomAccuracy.mean - m.randomAccuracy.sd]
            }
        }
        let lowPercent = min(0, ((drops.min() ?? 0) * 10).rounded(.down) * 10)
        let axis = SizeAxis.fitting(ablation.flatMap { $0.methods.map(\.units.count) })
        func x(_ size: Int) -> Double { left + Double(size - axis.lo) / Double(axis.hi - axis.lo) * (right - left) }
        func y(_ drop: Double) -> Double { bottom - (min(1, max(lowPercent / 100, drop)) * 100 - lowPercent) / (100 - lowPercent) * (bottom - top) }

        var out = ["<?xml version='1.0' encoding='UTF-8'?>",
                   "<svg xmlns='http://www.w3.org/2000/svg' width='\(n(width))' height='\(n(height))' viewBox='0 0 \(n(width)) \(n(height))' font-family='sans-serif' font-size='12'>",
                   "<title>Ablation: accuracy drop against set size</title>",
                   "<rect x='0' y='0' width='\(n(width))' height='\(n(height))' fill='#ffffff'/>",
                   text("Ablation on held-out rows: accuracy drop against set size", (left + right) / 2, 24, "text-anchor='middle' font-size='15' font-weight='bold'"),
                   text("each class's set (label beside it); grey: \(r.settings.draws) random sets of the same layers, mean ± sd",
                        (left + right) / 2, 42, "text-anchor='middle' fill='\(ReportSVG.gray)'")]
        var grid: [String] = [], labels: [String] = []
        for t in axis.ticks {
            if t != axis.lo { grid.append("M \(n(x(t))),\(n(top)) L \(n(x(t))),\(n(bottom))") }
            labels.append(text(String(t), x(t), bottom + 18, "text-anchor='middle'"))
        }
        for pct in stride(from: Int(lowPercent), through: 100, by: lowPercent < -50 ? 40 : 20) {
            let yy = y(Double(pct) / 100)
            grid.append("M \(n(left)),\(n(yy)) L \(n(right)),\(n(yy))")
            labels.append(text("\(pct) %", left - 8, yy + 4, "text-anchor='end'"))
        }
        out += ReportSVG.frame(grid: grid, labels: labels, xTitle: "units ablated", yTitle: "accuracy drop (held-out rows of the class)")
        let cy = (top + bottom) / 2
        for c in ablation {
            for m in c.methods {
                let xx = x(m.units.count), color = colors[(methods.firstIndex(of: m.method) ?? 0) % colors.count]
                let mean = c.intact.accuracy - m.randomAccuracy.mean, sd = m.randomAccuracy.sd
                out.append("<g><title>\(ReportSVG.escape("class \(c.label), random \(m.units.count) units: drop \(Format.percent(mean)) ± \(Format.percent(sd))"))</title><path d='M \(n(xx)),\(n(y(mean - sd))) L \(n(xx)),\(n(y(mean + sd)))' stroke='\(ReportSVG.gray)' stroke-width='1'/><circle cx='\(n(xx))' cy='\(n(y(mean)))' r='3.00' fill='none' stroke='\(ReportSVG.gray)'/></g>")
                let drop = c.intact.accuracy - m.own.accuracy
                out.append("<g><title>\(ReportSVG.escape("class \(c.label), \(m.method): \(m.units.count) units, drop \(Format.percent(drop)), p = \(Format.fixed(m.empiricalP, 3))"))</title><circle cx='\(n(xx))' cy='\(n(y(drop)))' r='4.00' fill='\(color)'/></g>")
                out.append(text(String(c.label), xx + 6, y(drop) + 4, "fill='\(color)' font-size='10'"))
            }
        }
        if ablation.isEmpty { out.append(text("no ablation (no held-out rows)", (left + right) / 2, cy, "text-anchor='middle' fill='\(ReportSVG.gray)'")) }
        for (i, label) in (methods + ["random, same layers"]).enumerated() {
            let yy = top + 6 + 20 * Double(i), lx = ReportSVG.legendLeft
            out.append(i < methods.count ? "<circle cx='\(n(lx + 11))' cy='\(n(yy))' r='4.00' fill='\(colors[i % colors.count])'/>"
                                         : "<circle cx='\(n(lx + 11))' cy='\(n(yy))' r='3.00' fill='none' stroke='\(ReportSVG.gray)'/>")
            out.append(text(label, lx + 28, yy + 4, ""))
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }
}
