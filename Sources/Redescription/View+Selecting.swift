import FileSupport

extension View {
    /// The view restricted to some attributes: `spec` is a comma-separated list of names and
    /// ranges `first..last` (inclusive, by position), e.g. `label` or `n64..n95` — how a
    /// layer, or the labels, of the toolkit's activation CSVs (`label,predicted,n0,…`) become a view.
    public func selecting(_ spec: String) throws -> View {
        var chosen: [Int] = []
        func index(_ name: Substring) throws -> Int {
            let name = name.trimmingCharacters(in: .whitespaces)
            guard let j = column(named: name) else {
                throw InputError(file: file, "no attribute '\(InputError.excerpt(name))' to select (\(attributes.count) attributes, e.g. '\(InputError.excerpt(attributes.first ?? ""))')")
            }
            return j
        }
        for part in spec.split(separator: ",", omittingEmptySubsequences: false) {
            if let range = part.range(of: "..") {
                let a = try index(part[..<range.lowerBound]), b = try index(part[range.upperBound...])
                guard a <= b else { throw InputError(file: file, "'\(InputError.excerpt(String(part)))': the first attribute comes after the last") }
                chosen += Array(a...b)
            } else {
                chosen.append(try index(part))
            }
        }
        var seen: Set<Int> = []
        chosen = chosen.filter { seen.insert($0).inserted }
        return View(file: file, ids: ids, lines: lines, attributes: chosen.map { attributes[$0] }, columns: chosen.map { columns[$0] })
    }
}
