import FileSupport
import Workflows

/// `front.svg` of `backbones units`: the ablation front — for each front method (exact
/// backbones, exact class-specific sets, VEBI) the mean over the classes of the accuracy drop
/// against the mean set size at each budget `K` (solid), and its size-matched random sets' mean
/// drop with a whisker of ± the mean sd (dashed, same colour); the rule sets and the heuristic's
/// backbones as single points (their mean size and drop). Deterministic bytes; `ReportSVG`'s helpers.
public enum UnitsFrontSVG {
    static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]
    static let width = 760.0, height = 420.0
    static let left = ReportSVG.plotLeft, right = ReportSVG.plotRight, top = ReportSVG.plotTop, bottom = ReportSVG.plotBottom

    public static func svg(_ r: UnitsJob.Result) -> String {
        let n = ReportSVG.n
        let means = r.frontMeans, summary = r.summary
        let fronts = means.reduce(into: [String]()) { if !$0.contains($1.method) { $0.append($1.method) } }
        let singles = summary.filter { !fronts.contains($0.method) }
        let methods = singles.map(\.method) + fronts
        var drops: [Double] = [0] + means.flatMap { [$0.meanAccuracyDrop, $0.meanRandomAccuracyDrop - $0.meanRandomSD] } + singles.map(\.meanAccuracyDrop)
        drops.append(1)
        let lowPercent = min(0, ((drops.min() ?? 0) * 10).rounded(.down) * 10)
        let sizes = means.map(\.meanSize) + singles.map(\.meanSize)
        let axis = SizeAxis.fitting(sizes.map { Int($0.rounded(.up)) } + sizes.map { Int($0.rounded(.down)) })
        func x(_ size: Double) -> Double { left + (size - Double(axis.lo)) / Double(axis.hi - axis.lo) * (right - left) }
        func y(_ drop: Double) -> Double { bottom - (min(1, max(lowPercent / 100, drop)) * 100 - lowPercent) / (100 - lowPercent) * (bottom - top) }
        func color(_ method: String) -> String { colors[(methods.firstIndex(of: method) ?? 0) % colors.count] }

        var out = ["<?xml version='1.0' encoding='UTF-8'?>",
                   "<svg xmlns='http://www.w3.org/2000/svg' width='\(n(width))' height='\(n(height))' viewBox='0 0 \(n(width)) \(n(height))' font-family='sans-serif' font-size='12'>",
                   "<title>Ablation front: mean accuracy drop against set size</title>",
                   "<rect x='0' y='0' width='\(n(width))' height='\(n(height))' fill='#ffffff'/>",
                   ReportSVG.text("Ablation front: mean accuracy drop over the classes against set size", x: (left + right) / 2, y: 24,
                                  extra: "text-anchor='middle' font-size='15' font-weight='bold'"),
                   ReportSVG.text("solid: the method's sets at K = 1, 2, …; dashed: \(r.settings.draws) random sets of the same layers, mean ± sd",
                                  x: (left + right) / 2, y: 42, extra: "text-anchor='middle' fill='\(ReportSVG.gray)'")]
        var grid: [String] = [], labels: [String] = []
        for t in axis.ticks {
            if t != axis.lo { grid.append("M \(n(x(Double(t)))),\(n(top)) L \(n(x(Double(t)))),\(n(bottom))") }
            labels.append(ReportSVG.text(String(t), x: x(Double(t)), y: bottom + 18, extra: "text-anchor='middle'"))
        }
        for pct in stride(from: Int(lowPercent), through: 100, by: lowPercent < -50 ? 40 : 20) {
            let yy = y(Double(pct) / 100)
            grid.append("M \(n(left)),\(n(yy)) L \(n(right)),\(n(yy))")
            labels.append(ReportSVG.text("\(pct) %", x: left - 8, y: yy + 4, extra: "text-anchor='end'"))
        }
        out += ReportSVG.frame(grid: grid, labels: labels, xTitle: "units ablated (mean over the classes)", yTitle: "mean accuracy drop (held-out rows of the class)")
        for method in fronts {
            let points = means.filter { $0.method == method }
            let c = color(method)
            let line = points.map { "\(n(x($0.meanSize))),\(n(y($0.meanAccuracyDrop)))" }.joined(separator: " L ")
            let random = points.map { "\(n(x($0.meanSize))),\(n(y($0.meanRandomAccuracyDrop)))" }.joined(separator: " L ")
            out.append("<path d='M \(line)' fill='none' stroke='\(c)' stroke-width='2'/>")
            out.append("<path d='M \(random)' fill='none' stroke='\(c)' stroke-width='1' stroke-dasharray='4 3'/>")
            for p in points {
                let xx = x(p.meanSize)
                out.append("<g><title>\(ReportSVG.escape("\(method), K = \(p.budget): mean size \(Format.fixed(p.meanSize, 1)), drop \(Format.percent(p.meanAccuracyDrop)); random \(Format.percent(p.meanRandomAccuracyDrop)) ± \(Format.percent(p.meanRandomSD)) (\(p.classes) classes)"))</title><path d='M \(n(xx)),\(n(y(p.meanRandomAccuracyDrop - p.meanRandomSD))) L \(n(xx)),\(n(y(p.meanRandomAccuracyDrop + p.meanRandomSD)))' stroke='\(c)' stroke-width='1' opacity='0.5'/><circle cx='\(n(xx))' cy='\(n(y(p.meanAccuracyDrop)))' r='3.50' fill='\(c)'/></g>")
            }
        }
        for s in singles {
            let c = color(s.method)
            out.append("<g><title>\(ReportSVG.escape("\(s.method): mean size \(Format.fixed(s.meanSize, 1)), drop \(Format.percent(s.meanAccuracyDrop)); random \(Format.percent(s.meanRandomAccuracyDrop))"))</title><rect x='\(n(x(s.meanSize) - 5))' y='\(n(y(s.meanAccuracyDrop) - 5))' width='10.00' height='10.00' fill='\(c)'/><rect x='\(n(x(s.meanSize) - 4))' y='\(n(y(s.meanRandomAccuracyDrop) - 4))' width='8.00' height='8.00' fill='none' stroke='\(c)'/></g>")
        }
        for (i, method) in methods.enumerated() {
            let yy = top + 6 + 20 * Double(i), lx = ReportSVG.legendLeft
            out.append(fronts.contains(method) ? "<circle cx='\(n(lx + 11))' cy='\(n(yy))' r='4.00' fill='\(color(method))'/>"
                                               : "<rect x='\(n(lx + 6))' y='\(n(yy - 5))' width='10.00' height='10.00' fill='\(color(method))'/>")
            out.append(ReportSVG.text(method + (fronts.contains(method) ? " (front)" : " (its size; hollow: random)"), x: lx + 28, y: yy + 4, extra: ""))
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }
}
