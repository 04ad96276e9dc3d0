import Foundation

/// Compact number formatting for tick labels, values and colour bars:
/// `0.5`, `1`, `1.5k`, `2M`, `1e-3`, `-0.25`.
public enum NumberFormat {
    private static let suffixes: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]

    /// `value` with at most `significant` significant digits, trailing zeros dropped.
    /// Magnitudes from 1000 take a suffix (k, M, G, T); magnitudes below 0.01 and from 1e15 use
    /// scientific notation. NaN prints as `NaN`, infinities as `inf` / `-inf`.
    public static func compact(_ value: Double, significant: Int = 3) -> String {
        if let special = specialText(value) { return special }
        let digits = max(1, min(significant, 15))
        let magnitude = abs(value)
        if magnitude < 0.01 || magnitude >= 1e15 {
            return scientific(value, significant: digits)
        }
        for (scale, suffix) in suffixes where magnitude >= scale * 0.9995 {
            let scaled = value / scale
            let text = significantDecimal(scaled, significant: digits)
            // 999.9k rounds to "1000k": move to the next suffix instead.
            if abs(Double(text) ?? 0) >= 1000, let next = suffixes.last(where: { $0.0 > scale }) {
                return significantDecimal(value / next.0, significant: digits) + next.1
            }
            return text + suffix
        }
        return significantDecimal(value, significant: digits)
    }

    /// A tick label for `value` on an axis whose ticks are `step` apart: as many decimals as the
    /// step needs, no more, so 0, 0.5, 1, 1.5 or 0, 2k, 4k or 2e-3, 4e-3.
    public static func tick(_ value: Double, step: Double) -> String {
        if let special = specialText(value) { return special }
        let step = abs(step)
        guard step > 0, step.isFinite else { return compact(value) }
        if abs(value) < step * 1e-9 { return "0" }
        let magnitude = abs(value)
        if magnitude < 0.01 || magnitude >= 1e15 {
            let exponentValue = floor(log10(magnitude))
            let exponentStep = floor(log10(step))
            let mantissaDigits = Int(max(0, min(14, exponentValue - exponentStep)))
            return scientific(value, significant: mantissaDigits + 1)
        }
        for (scale, suffix) in suffixes where magnitude >= scale {
            return fixed(value / scale, decimals: decimals(for: step / scale)) + suffix
        }
        return fixed(value, decimals: decimals(for: step))
    }

    /// Decimals needed to show multiples of `step` exactly (steps are 1, 2 or 5 × 10ⁿ).
    static func decimals(for step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        let d = -floor(log10(step) + 1e-9)
        return Int(max(0, min(12, d)))
    }

    static func specialText(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value == .infinity { return "inf" }
        if value == -.infinity { return "-inf" }
        if value == 0 { return "0" }
        return nil
    }

    static func fixed(_ value: Double, decimals: Int) -> String {
        stripZeros(String(format: "%.\(decimals)f", value))
    }

    static func significantDecimal(_ value: Double, significant: Int) -> String {
        let magnitude = abs(value)
        let exponent = magnitude > 0 ? Int(floor(log10(magnitude))) : 0
        let decimals = max(0, significant - 1 - exponent)
        return fixed(value, decimals: min(decimals, 15))
    }

    static func scientific(_ value: Double, significant: Int) -> String {
        let text = String(format: "%.\(max(0, significant - 1))e", value)
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = stripZeros(String(text[..<e]))
        var exponent = String(text[text.index(after: e)...])
        var sign = ""
        if exponent.hasPrefix("-") { sign = "-" }
        exponent = String(exponent.drop(while: { $0 == "+" || $0 == "-" || $0 == "0" }))
        if exponent.isEmpty { exponent = "0" }
        return mantissa + "e" + sign + exponent
    }

    /// Drops trailing zeros after a decimal point, the point itself if bare, and a minus on zero.
    static func stripZeros(_ text: String) -> String {
        var s = text
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if s == "-0" { s = "0" }
        return s
    }
}
