extension Duration {
    /// The duration in seconds as a `Double`: whole nanoseconds divided by 10⁹ (one correctly
    /// rounded division), so it prints as its decimal — `0.000480566`, not the
    /// `0.00048056600000000003` that adding `attoseconds · 1e-18` gave.
    public var seconds: Double {
        let c = components
        let (ns, overflow) = c.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return Double(c.seconds) + Double(c.attoseconds) * 1e-18 }
        return Double(ns + c.attoseconds / 1_000_000_000) / 1e9
    }
}
