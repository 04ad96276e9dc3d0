// The four operations on truncated Taylor series, with Double on either side.

extension Jet {
    public static func + (lhs: Jet, rhs: Jet) -> Jet {
        if lhs.tail.isEmpty && rhs.tail.isEmpty { return Jet(lhs.value + rhs.value) }
        let n = Swift.max(lhs.order, rhs.order)
        var tail = [Double](repeating: 0, count: n)
        for k in 1...n { tail[k - 1] = lhs.coefficient(k) + rhs.coefficient(k) }
        return Jet(value: lhs.value + rhs.value, tail: tail)
    }

    public static prefix func - (operand: Jet) -> Jet {
        Jet(value: -operand.value, tail: operand.tail.map { -$0 })
    }

    public static func - (lhs: Jet, rhs: Jet) -> Jet {
        if lhs.tail.isEmpty && rhs.tail.isEmpty { return Jet(lhs.value - rhs.value) }
        return lhs + (-rhs)
    }

    public static func * (lhs: Jet, rhs: Jet) -> Jet {
        if rhs.tail.isEmpty { return lhs.scaled(by: rhs.value) }
        if lhs.tail.isEmpty { return rhs.scaled(by: lhs.value) }
        let n = Swift.max(lhs.order, rhs.order)
        let a = lhs.padded(to: n), b = rhs.padded(to: n)
        var c = [Double](repeating: 0, count: n + 1)
        for k in 0...n {
            var sum = 0.0
            for j in 0...k { sum += a[j] * b[k - j] }
            c[k] = sum
        }
        return Jet(coefficients: c)
    }

    public static func / (lhs: Jet, rhs: Jet) -> Jet {
        if rhs.tail.isEmpty { return lhs.scaled(by: 1 / rhs.value, value: lhs.value / rhs.value) }
        let n = Swift.max(lhs.order, rhs.order)
        let a = lhs.padded(to: n), b = rhs.padded(to: n)
        var w = [Double](repeating: 0, count: n + 1)
        for k in 0...n {
            var sum = a[k]
            if k > 0 { for j in 1...k { sum -= b[j] * w[k - j] } }
            w[k] = sum / b[0]
        }
        return Jet(coefficients: w)
    }

    /// Every coefficient times `factor` (the value may be given exactly instead).
    func scaled(by factor: Double, value: Double? = nil) -> Jet {
        Jet(value: value ?? self.value * factor, tail: tail.map { $0 * factor })
    }

    public static func + (lhs: Jet, rhs: Double) -> Jet { Jet(value: lhs.value + rhs, tail: lhs.tail) }
    public static func + (lhs: Double, rhs: Jet) -> Jet { Jet(value: lhs + rhs.value, tail: rhs.tail) }
    public static func - (lhs: Jet, rhs: Double) -> Jet { Jet(value: lhs.value - rhs, tail: lhs.tail) }
    public static func - (lhs: Double, rhs: Jet) -> Jet { Jet(lhs) - rhs }
    public static func * (lhs: Jet, rhs: Double) -> Jet { lhs.scaled(by: rhs) }
    public static func * (lhs: Double, rhs: Jet) -> Jet { rhs.scaled(by: lhs) }
    public static func / (lhs: Jet, rhs: Double) -> Jet { lhs / Jet(rhs) }
    public static func / (lhs: Double, rhs: Jet) -> Jet { Jet(lhs) / rhs }

    public static func += (lhs: inout Jet, rhs: Jet) { lhs = lhs + rhs }
    public static func -= (lhs: inout Jet, rhs: Jet) { lhs = lhs - rhs }
    public static func *= (lhs: inout Jet, rhs: Jet) { lhs = lhs * rhs }
    public static func /= (lhs: inout Jet, rhs: Jet) { lhs = lhs / rhs }
}
