import FileSupport

extension Query {
    /// The rows of `view` the query holds for. An attribute the view lacks is an `InputError`.
    public func rows(in view: View) throws -> RowSet {
        switch self {
        case let .literal(l):
            guard let j = view.column(named: l.attribute) else {
                throw InputError(file: view.file, "no attribute '\(InputError.excerpt(l.attribute))' in this view (\(view.attributes.count) attributes, e.g. '\(InputError.excerpt(view.attributes.first ?? ""))')")
            }
            var set = RowSet(count: view.rowCount)
            for (r, x) in view.columns[j].enumerated() where l.contains(x) { set.insert(r) }
            return set
        case let .not(q):
            return try q.rows(in: view).complement
        case let .and(qs):
            var set = RowSet(count: view.rowCount, full: true)
            for q in qs { set = set.intersection(try q.rows(in: view)) }
            return set
        case let .or(qs):
            var set = RowSet(count: view.rowCount)
            for q in qs { set = set.union(try q.rows(in: view)) }
            return set
        }
    }
}
