/// A truncated Taylor series c₀ + c₁h + … + cₙhⁿ of a function around a point: Taylor-mode forward
/// automatic differentiation of dynamic order n ≥ 0.
///
/// `value` is c₀; `tail` holds c₁…cₙ and is empty for a constant (an order-0 jet), so plain numbers
/// cost no allocation. Jets of different orders combine by padding the shorter with zeros, so a
/// coefficient beyond a jet's order counts as 0. The k-th derivative of the function at the point is
/// k!·c_k (``derivative(_:)``).
///
/// ```swift
/// let x = Jet.variable(2, order: 2)     // x = 2 + h
/// let y = x * x * x                     // 8 + 12h + 6h² + …
/// y.derivative(1)                       // 12
/// y.derivative(2)                       // 12
/// ```
///
/// Functions follow IEEE: outside their domain they give NaN (log of a negative, sqrt of a negative),
/// never a trap. Comparisons (`<`, `==`) look at the value only.
public struct Jet: Sendable {
    /// c₀, the value of the function.
    public var value: Double
    /// c₁…cₙ; empty for a constant.
    public var tail: [Double]

    /// A constant: order 0, all derivatives zero.
    @inlinable public init(_ value: Double) {
        self.value = value
        self.tail = []
    }

    /// A jet from its value and its higher coefficients c₁…cₙ.
    @inlinable public init(value: Double, tail: [Double]) {
        self.value = value
        self.tail = tail
    }

    /// A jet from all its coefficients c₀…cₙ; an empty array gives the constant 0.
    public init(coefficients: [Double]) {
        self.value = coefficients.first ?? 0
        self.tail = Array(coefficients.dropFirst())
    }

    /// The independent variable at `x`, with room for derivatives up to `order` (c₁ = 1).
    /// An order below 1 gives a constant. Products cost O(order²): callers bound the order.
    public static func variable(_ x: Double, order: Int) -> Jet {
        guard order >= 1 else { return Jet(x) }
        var tail = [Double](repeating: 0, count: order)
        tail[0] = 1
        return Jet(value: x, tail: tail)
    }

    /// n, the highest coefficient carried.
    @inlinable public var order: Int { tail.count }

    /// True for an order-0 jet.
    @inlinable public var isConstant: Bool { tail.isEmpty }

    /// c₀…cₙ.
    public var coefficients: [Double] { [value] + tail }

    /// c_k; 0 beyond the order (and for negative k).
    @inlinable public func coefficient(_ k: Int) -> Double {
        if k == 0 { return value }
        if k < 0 || k > tail.count { return 0 }
        return tail[k - 1]
    }

    /// The k-th derivative k!·c_k at the expansion point; 0 beyond the order, NaN for negative k.
    ///
    /// c_k is multiplied by 2, 3, …, k in turn, so k! itself never overflows (it would past 170).
    /// The coefficients are normalised (c_k = f⁽ᵏ⁾/k!), so for ordinary functions they underflow to 0
    /// somewhere past order 150 (e^x has c_k = eˣ/k!): derivatives of such orders are not reliable.
    public func derivative(_ k: Int) -> Double {
        guard k >= 0 else { return .nan }
        var result = coefficient(k)
        if k > 1 && result != 0 { for i in 2...k { result *= Double(i) } }
        return result
    }

    /// The coefficients padded with zeros (or cut) to length `order + 1`.
    func padded(to order: Int) -> [Double] {
        var c = [Double](repeating: 0, count: order + 1)
        c[0] = value
        for k in 0..<Swift.min(order, tail.count) { c[k + 1] = tail[k] }
        return c
    }

    /// The same series cut to `order` (a constant if `order` ≤ 0).
    public func truncated(to order: Int) -> Jet {
        if order >= tail.count { return self }
        if order <= 0 { return Jet(value) }
        return Jet(value: value, tail: Array(tail[0..<order]))
    }

    /// The series of the derivative, one order lower: coefficients (k+1)·c_{k+1}.
    public var derivativeSeries: Jet {
        guard !tail.isEmpty else { return Jet(0) }
        var c = [Double](repeating: 0, count: tail.count)
        for k in 0..<tail.count { c[k] = Double(k + 1) * tail[k] }
        return Jet(coefficients: c)
    }

    /// The series w with w(0) = `value` and w' = `derivative`, one order higher than `derivative`.
    public static func antiderivative(value: Double, derivative: Jet) -> Jet {
        let d = derivative.coefficients
        var tail = [Double](repeating: 0, count: d.count)
        for k in 0..<d.count { tail[k] = d[k] / Double(k + 1) }
        return Jet(value: value, tail: tail)
    }
}

extension Jet: Comparable {
    /// Compares values only.
    public static func == (lhs: Jet, rhs: Jet) -> Bool { lhs.value == rhs.value }
    /// Compares values only.
    public static func < (lhs: Jet, rhs: Jet) -> Bool { lhs.value < rhs.value }
}

extension Jet: CustomStringConvertible {
    /// `Jet(c0, c1, …)`.
    public var description: String {
        "Jet(" + coefficients.map(formatNumber).joined(separator: ", ") + ")"
    }
}

extension Jet {
    /// [f(x), f'(x), …, f⁽ⁿ⁾(x)] for a function written on jets, n = `order` (0 if negative).
    ///
    /// ```swift
    /// Jet.derivatives(of: { Jet.sin($0) * $0 }, at: 0, order: 2)   // [0, 0, 2]
    /// ```
    public static func derivatives(
        of f: (Jet) throws -> Jet, at x: Double, order: Int
    ) rethrows -> [Double] {
        let n = Swift.max(0, order)
        let y = try f(variable(x, order: n))
        return (0...n).map { y.derivative($0) }
    }
}
