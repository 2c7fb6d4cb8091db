import FileSupport
import Foundation
import Workflows

/// `profile.svg` of `backbones compare`: the Dolan–Moré performance profile (Math. Program.
/// 91, 2002). For each backend, the fraction of the instances it ran on (y) it solved within τ times the
/// best backend's time on that instance (x, log2 scale from 1), a step line; at τ = 1 it is
/// the share of wins, at the right end the share solved. Deterministic bytes (two decimals),
/// no scripts, hover text in `<title>`; the helpers are `ReportSVG`'s.
public enum CompareSVG {
    static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]
    static let width = 760.0, height = 420.0
    static let left = ReportSVG.plotLeft, right = ReportSVG.plotRight, top = ReportSVG.plotTop, bottom = ReportSVG.plotBottom

    public static func svg(_ r: CompareJob.Result) -> String {
        let n = ReportSVG.n
        let ratios = r.ratios
        let largest = ratios.flatMap { $0.compactMap { $0 } }.max() ?? 1
        let exponent = max(1, Int(log2(max(largest, 1)).rounded(.up)))  // x axis: 1 … 2^exponent
        func x(_ tau: Double) -> Double { left + log2(max(1, tau)) / Double(exponent) * (right - left) }
        func y(_ fraction: Double) -> Double { bottom - fraction * (bottom - top) }
        func text(_ s: String, _ x: Double, _ y: Double, _ extra: String) -> String { ReportSVG.text(s, x: x, y: y, extra: extra) }

        let title = "Performance profile: \(Format.count(r.rows.count, "instance")), limit \(Format.exact(r.timeLimit)) s per run"
        var out = ["<?xml version='1.0' encoding='UTF-8'?>",
                   "<svg xmlns='http://www.w3.org/2000/svg' width='\(n(width))' height='\(n(height))' viewBox='0 0 \(n(width)) \(n(height))' font-family='sans-serif' font-size='12'>",
                   "<title>\(ReportSVG.escape(title))</title>",
                   "<rect x='0' y='0' width='\(n(width))' height='\(n(height))' fill='#ffffff'/>",
                   text(title, (left + right) / 2, 24, "text-anchor='middle' font-size='15' font-weight='bold'"),
                   text("share of instances solved within τ × the best time (times below \(Format.exact(CompareJob.profileFloor)) s count as \(Format.exact(CompareJob.profileFloor)) s)",
                        (left + right) / 2, 42, "text-anchor='middle' fill='\(ReportSVG.gray)'")]
        var grid: [String] = [], labels: [String] = []
        let step = max(1, exponent / 8)
        for e in stride(from: 0, through: exponent, by: step) {
            let xx = x(pow(2, Double(e)))
            if e > 0 { grid.append("M \(n(xx)),\(n(top)) L \(n(xx)),\(n(bottom))") }
            labels.append(text(e <= 16 ? String(1 << e) : "2^\(e)", xx, bottom + 18, "class='x-tick' text-anchor='middle'"))
        }
        for pct in stride(from: 0, through: 100, by: 20) {
            let yy = y(Double(pct) / 100)
            if pct > 0 { grid.append("M \(n(left)),\(n(yy)) L \(n(right)),\(n(yy))") }
            labels.append(text("\(pct) %", left - 8, yy + 4, "class='y-tick' text-anchor='end'"))
        }
        out += ReportSVG.frame(grid: grid, labels: labels, xTitle: "τ (time ÷ best time, log scale)", yTitle: "instances solved")
        let cy = (top + bottom) / 2

        for (b, name) in r.backends.enumerated() {
            let color = colors[b % colors.count]
            // The share of the instances this backend ran on (the search runs on cover models only).
            let total = Double(max(1, r.summaries[b].instances))
            let sorted = ratios.compactMap { $0[b] }.sorted()
            // Flat at the share solved within τ, up at each ratio, to the right end.
            var d = "M \(n(x(1))),\(n(y(0)))"
            var solved = 0
            for ratio in sorted {
                solved += 1
                d += " L \(n(x(ratio))),\(n(y(Double(solved - 1) / total))) L \(n(x(ratio))),\(n(y(Double(solved) / total)))"
            }
            d += " L \(n(right)),\(n(y(Double(solved) / total)))"
            let s = r.summaries[b]
            let tip = "\(name) \(s.version): \(s.wins) wins, \(s.solved) of \(s.instances) solved"
            out.append("<path class='profile' data-solver='\(ReportSVG.escape(name))' d='\(d)' fill='none' stroke='\(color)' stroke-width='2'\(b > 0 ? " stroke-dasharray='6 3'" : "")><title>\(ReportSVG.escape(tip))</title></path>")
            let yy = top + 6 + 20 * Double(b), lx = ReportSVG.legendLeft
            out.append("<line x1='\(n(lx))' y1='\(n(yy))' x2='\(n(lx + 22))' y2='\(n(yy))' stroke='\(color)' stroke-width='2'\(b > 0 ? " stroke-dasharray='6 3'" : "")/>")
            out.append(text("\(name) \(s.version)", lx + 28, yy + 4, ""))
        }
        if r.rows.isEmpty { out.append(text("no instances", (left + right) / 2, cy, "text-anchor='middle' fill='\(ReportSVG.gray)'")) }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }
}
