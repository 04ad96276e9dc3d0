import NeuriteLanguage
import NeuriteNumerics
import NeuritePlot

/// `plot f, g', h over -5..5`, `plot v`, `plot ys over xs`: functions sampled over a range and
/// vectors, overlaid on one line plot; `plot runs` (runs, models) draws training curves instead
/// (see ``RunCurves``).
///
/// - Functions (built-ins, user functions, derivatives, lambdas) are sampled at `samples:` evenly
///   spaced points (default 401) of the `over` range (default -5..5).
/// - A vector is drawn against its index 0, 1, 2, …; `over` a vector of the same length gives its
///   x coordinates, `over a..b` spreads it evenly from a to b.
/// - `style: points` draws markers without joining them (`line` by default).
struct PlotCommand: CommandHandler {
    static let log = Option.flag("log", shown: "on for losses", "logarithmic y axis")
    static let samples = Option.integer(
        "samples", NumberBounds(minimum: 2, maximum: 100_000), default: 401, "points per function")
    static let style = Option.word("style", default: LinePlot.Style.line, "join the points, or mark them")
    static let metric = Option.word("metric", default: RunCurves.Metric.loss, "for runs: the curve drawn")

    let signature = CommandSignature(
        word: .plot,
        usage: ["plot f, g', h over -5..5", "plot v", "plot ys over xs", "plot runs with metric: accuracy"],
        summary: "draws functions (built-ins, your own, derivatives, lambdas) over a range (-5..5 by default), vectors against their index (or over x values), or runs' loss curves (log scale)",
        parts: [PartSpec(name: "f", summary: "functions, vectors, or runs", repeats: true)],
        clauses: [(.over, "a range a..b for functions, or x values for vectors")],
        options: DrawingOptions.all + [log.spec, samples.spec, style.spec, metric.spec],
        example: "fn swish(x) = x * sigmoid(x)\nplot relu, relu', swish over -5..5 with height: 8")

    func run(_ input: CommandInput) throws -> Value {
        try input.requireArguments("plot relu, relu' over -5..5")
        let values = try input.arguments.map { try input.evaluate($0.value) }
        if values.contains(where: RunCurves.isTrainingValue) {
            return try RunCurves.plot(values, input: input)
        }
        if input.isGiven(Self.metric) {
            throw RuntimeError(.metricIsForRuns, at: input.span(of: Self.metric))
        }
        let drawing = try Drawing(input)
        let log = try input.value(Self.log) ?? false
        var plot = LinePlot(title: drawing.title ?? "", xLabel: "x", yLabel: "", yScale: log ? .log : .linear)
        let samples = try input.value(Self.samples)
        let xs = try XCoordinates(input)
        let style = try input.value(Self.style)
        for (argument, value) in zip(input.arguments, values) {
            let name = input.text(of: argument.value)
            switch value {
            case .function(let function):
                let range = try xs.range(for: argument.value)
                let (x, y) = try sample(function, over: range, samples: samples, input: input, at: argument.value.span)
                plot.add(series: name, x: x, y: y, style: style)
            case .vector(let ys):
                plot.add(series: name, x: try xs.coordinates(count: ys.count, at: argument.value.span), y: ys, style: style)
            case .number(let y):
                plot.add(series: name, x: [0], y: [y], style: .points)
            default:
                throw RuntimeError(
                    .notPlottable(typeName: value.typeName), at: argument.value.span,
                    hint: "plot draws functions, vectors and runs; show draws a dataset, heatmap a matrix")
            }
        }
        // Only empty vectors: say so instead of drawing an empty frame.
        let empty = values.allSatisfy { if case .vector(let ys) = $0 { ys.isEmpty } else { false } }
        if empty {
            let names = input.arguments.map { input.text(of: $0.value) }
            drawing.write("no data to draw: \(names.joined(separator: ", ")) \(names.count == 1 ? "is" : "are") empty")
            return .nothing
        }
        // Functions only: the x axis spans the range asked for, even where a function is undefined
        // (plot log over -1..1 keeps -1..0 on the axis rather than shrinking to the drawn part).
        if values.allSatisfy({ if case .function = $0 { true } else { false } }), let first = input.arguments.first {
            plot.xLimits = try xs.range(for: first.value)
        }
        try drawing.show(plot)
        return .nothing
    }

    /// `function` at `samples` points of `range`; its values must be numbers.
    private func sample(
        _ function: FunctionValue, over range: ClosedRange<Double>, samples: Int, input: CommandInput, at span: Span
    ) throws -> ([Double], [Double]) {
        if Self.isVectorValued(function) {
            throw RuntimeError(
                .plotOfVectorFunction(function: function.displayName), at: span,
                hint: "plot one component, e.g. fn p(x) = softmax([x, 0])[0], then plot p")
        }
        let evaluator = input.context.evaluator
        let lo = range.lowerBound, hi = range.upperBound
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(samples)
        ys.reserveCapacity(samples)
        for i in 0..<samples {
            // Written as a blend so that ranges wider than Double.greatestFiniteMagnitude stay finite.
            let t = Double(i) / Double(samples - 1)
            let x = i == samples - 1 ? hi : lo * (1 - t) + hi * t
            let value = try evaluator.call(function, [.number(x)], span: span)
            switch value {
            case .number(let y): ys.append(y)
            case .jet(let jet): ys.append(jet.value)
            default:
                throw RuntimeError(
                    .plotOfNonNumber(function: function.displayName, x: formatNumber(x), typeName: value.typeName),
                    at: span, hint: "plot draws functions of one number that return a number")
            }
            xs.append(x)
        }
        return (xs, ys)
    }

    /// softmax (and its aliases, and derivatives of them) maps vectors to vectors.
    static func isVectorValued(_ function: FunctionValue) -> Bool {
        switch function {
        case .builtin(let builtin):
            return builtin.name == "softmax" || Activation.aliases[builtin.name] == .softmax
        case .derivative(let base, _): return isVectorValued(base)
        case .user: return false
        }
    }
}

/// The `over` clause of `plot`: a range for functions, x coordinates for vectors.
private struct XCoordinates {
    /// The written range `a..b` (its ends), if `over` is a range literal.
    var ends: ClosedRange<Double>?
    /// The evaluated `over` value when it is not a range literal.
    var values: [Double]?
    var span: Span?

    static let defaultRange: ClosedRange<Double> = -5...5

    init(_ input: CommandInput) throws {
        guard let over = input.over else { return }
        span = over.span
        if case .range(let start, let end, _) = over.kind {
            let a = try Self.number(start, input: input), b = try Self.number(end, input: input)
            guard a.isFinite, b.isFinite, a < b else {
                throw RuntimeError(.overNeedsIncreasingRange, at: over.span)
            }
            ends = a...b
            return
        }
        switch try input.evaluate(over) {
        case .vector(let xs): values = xs
        case let other:
            throw RuntimeError(.overNeedsRange(typeName: other.typeName), at: over.span)
        }
    }

    private static func number(_ expression: Expression, input: CommandInput) throws -> Double {
        let value = try input.evaluate(expression)
        guard case .number(let x) = value else {
            throw RuntimeError(.rangeEndNotNumber(typeName: value.typeName), at: expression.span)
        }
        return x
    }

    /// The interval a function is sampled over.
    func range(for expression: Expression) throws -> ClosedRange<Double> {
        if let ends { return ends }
        guard let values else { return Self.defaultRange }
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), lo < hi else {
            throw RuntimeError(.overNeedsTwoValues, at: span ?? expression.span)
        }
        return lo...hi
    }

    /// The x coordinates of a vector of `count` values.
    func coordinates(count: Int, at span: Span) throws -> [Double] {
        if let ends {
            guard count > 1 else { return [ends.lowerBound] }
            let a = ends.lowerBound, b = ends.upperBound
            return (0..<count).map { i in
                let t = Double(i) / Double(count - 1)
                return a * (1 - t) + b * t
            }
        }
        if let values {
            guard values.count == count else {
                throw RuntimeError(
                    .overLengthMismatch(xs: values.count, count: count), at: self.span ?? span,
                    hint: "give as many x values as y values, or a range a..b to spread them over")
            }
            return values
        }
        return (0..<count).map(Double.init)
    }
}
