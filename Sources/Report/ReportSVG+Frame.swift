extension ReportSVG {
    /// The frame of a plot in the standard plot area: the grid (`grid`: path data), the two
    /// axes, the tick labels and the two axis titles (the y title rotated).
    static func frame(grid: [String], labels: [String], xTitle: String, yTitle: String) -> [String] {
        let cy = (plotTop + plotBottom) / 2
        return ["<path class='grid' d='\(grid.joined(separator: " "))' stroke='#dddddd' stroke-width='1' fill='none'/>",
                "<path class='axes' d='M \(n(plotLeft)),\(n(plotTop)) L \(n(plotLeft)),\(n(plotBottom)) L \(n(plotRight)),\(n(plotBottom))' stroke='#000000' stroke-width='1' fill='none'/>"]
            + labels
            + [text(xTitle, x: (plotLeft + plotRight) / 2, y: plotBottom + 40, extra: "text-anchor='middle'"),
               text(yTitle, x: 22, y: cy, extra: "text-anchor='middle' transform='rotate(-90 22.00 \(n(cy)))'")]
    }
}
