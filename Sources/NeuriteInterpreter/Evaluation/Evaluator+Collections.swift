import NeuriteLanguage

/// A range `a..b step s` before its elements are made: comprehensions and reductions walk it
/// without building a vector.
struct NumericRange {
    var start: Double
    var step: Double
    var count: Int
    /// The end as written; the last element snaps to it when it lands within the tolerance.
    var end: Double

    func element(_ index: Int) -> Double {
        index == count - 1 && abs(start + Double(index) * step - end) <= NumericRange.tolerance * abs(step)
            ? end : start + Double(index) * step
    }

    /// A range includes its end when the end lies within this fraction of a step of the grid
    /// (so `0..1 step 0.1` has 11 elements despite rounding).
    static let tolerance = 1e-9
}

extension Evaluator {
    func evaluateVector(_ elements: [Expression], in scope: Scope) throws -> Value {
        var builder = CollectionBuilder(maximumElements: maximumElements)
        for element in elements {
            try builder.append(try evaluate(element, in: scope), span: element.span)
        }
        return builder.build()
    }

    func checkSize(_ count: Int, span: Span) throws {
        if count > maximumElements {
            throw RuntimeError(
                .tooManyElements(count: count, limit: maximumElements), at: span,
                hint: "use a coarser step, or reduce with sum/mean over a comprehension")
        }
    }

    func evaluateRange(start: Expression, end: Expression, step: Expression?, in scope: Scope)
        throws -> NumericRange
    {
        let from = try plainNumber(start, in: scope, what: "a range's start")
        let to = try plainNumber(end, in: scope, what: "a range's end")
        let by = try step.map { try plainNumber($0, in: scope, what: "a range's step") } ?? 1
        guard by != 0, by.isFinite, from.isFinite, to.isFinite else {
            throw RuntimeError(
                by == 0 ? .rangeStepZero : .rangeNotFinite,
                at: step?.span ?? start.span.union(end.span))
        }
        let steps = ((to - from) / by + NumericRange.tolerance).rounded(.down)
        guard steps >= 0 else { return NumericRange(start: from, step: by, count: 0, end: to) }
        guard steps < Double(Int.max / 2) else {
            throw RuntimeError(.rangeTooLarge, at: start.span.union(end.span))
        }
        return NumericRange(start: from, step: by, count: Int(steps) + 1, end: to)
    }

    func materialize(_ range: NumericRange, span: Span) throws -> [Double] {
        try checkSize(range.count, span: span)
        return (0..<range.count).map(range.element)
    }

    func plainNumber(_ expression: Expression, in scope: Scope, what: String) throws -> Double {
        let value = try evaluate(expression, in: scope)
        switch value {
        case .number(let x): return x
        case .jet(let x): return x.value
        default:
            throw RuntimeError(.mustBeNumber(what: what, typeName: value.typeName), at: expression.span)
        }
    }

    /// Calls `body` with each element of the sequence a comprehension walks: the numbers of a
    /// range (without building it), of a vector, or the rows of a matrix. `willWalk` gets the
    /// number of elements first, so that a caller can refuse before any work is done.
    func forEachElement(
        of sequence: Expression, in scope: Scope, willWalk: (Int) throws -> Void = { _ in },
        _ body: (Value) throws -> Void
    ) throws {
        if case .range(let start, let end, let step) = sequence.kind {
            let range = try evaluateRange(start: start, end: end, step: step, in: scope)
            try Limits.checkWalk(range.count, span: sequence.span)
            try willWalk(range.count)
            for index in 0..<range.count {
                try checkInterrupt()
                try body(.number(range.element(index)))
            }
            return
        }
        let value = try evaluate(sequence, in: scope)
        switch value {
        case .vector(let elements):
            try willWalk(elements.count)
            for element in elements {
                try checkInterrupt()
                try body(.number(element))
            }
        case .matrix(let matrix):
            try willWalk(matrix.rows)
            for row in 0..<matrix.rows {
                try checkInterrupt()
                try body(.vector(matrix.row(row)))
            }
        case .runs(let runs):
            try willWalk(runs.runs.count)
            for run in runs.runs {
                try checkInterrupt()
                try body(.run(run))
            }
        default:
            throw RuntimeError(
                .notIterable(typeName: value.typeName), at: sequence.span,
                hint: "iterate over a range like 1..10, a vector, a matrix's rows or runs")
        }
    }

    func evaluateComprehension(
        element: Expression, variable: Identifier, sequence: Expression, condition: Expression?,
        in scope: Scope
    ) throws -> Value {
        var builder = CollectionBuilder(maximumElements: maximumElements)
        // One scope for all iterations: nothing can keep it past an iteration, since a
        // comprehension's elements are numbers, vectors or runs, never functions.
        let inner = Scope(parent: scope)
        // Without a condition every element makes at least one number: refuse before the work.
        let checkCount = { (count: Int) throws in if condition == nil { try self.checkSize(count, span: sequence.span) } }
        try forEachElement(of: sequence, in: scope, willWalk: checkCount) { item in
            inner.define(variable.name, item)
            if let condition, try !evaluateCondition(condition, in: inner) { return }
            try builder.append(try evaluate(element, in: inner), span: element.span)
        }
        return builder.build()
    }

    /// Streams `sum`/`mean` over a comprehension without building the vector (so
    /// `sum([sin(x) for x in 1..100000000])` runs in constant memory and can be interrupted).
    func streamingTotal(
        element: Expression, variable: Identifier, sequence: Expression, condition: Expression?,
        in scope: Scope
    ) throws -> (sum: Double, count: Int) {
        var sum = 0.0
        var count = 0
        let inner = Scope(parent: scope)  // reused, as in evaluateComprehension
        try forEachElement(of: sequence, in: scope) { item in
            inner.define(variable.name, item)
            if let condition, try !evaluateCondition(condition, in: inner) { return }
            let value = try evaluate(element, in: inner)
            switch value {
            case .number(let x): sum += x
            case .vector(let row):
                sum += row.reduce(0, +)
                count += row.count - 1
            default:
                throw RuntimeError(
                    .cannotAddUp(typeName: value.typeName), at: element.span)
            }
            count += 1
        }
        return (sum, count)
    }

    func evaluateIndex(_ base: Expression, _ index: Expression, in scope: Scope) throws -> Value {
        let container = try evaluate(base, in: scope)
        let position = try plainNumber(index, in: scope, what: "an index")
        let count: Int
        switch container {
        case .vector(let elements): count = elements.count
        case .matrix(let matrix): count = matrix.rows
        case .string(let text): count = text.count
        case .runs(let runs): count = runs.runs.count
        case .layers(let layers): count = layers.count
        case .table(let table): count = table.rows.count
        default:
            throw RuntimeError(.notIndexable(typeName: container.typeName), at: base.span)
        }
        guard position == position.rounded(), abs(position) < 1e15 else {
            throw RuntimeError(.indexNotWhole(index: formatIndex(position)), at: index.span)
        }
        var offset = Int(position)
        if offset < 0 { offset += count }
        guard offset >= 0, offset < count else {
            let indexed: String
            switch container {
            case .runs: indexed = "\(count) runs"
            case .layers: indexed = "\(count) layers (dense layers, from 0)"
            case .table: indexed = "a table of \(count) rows"
            case .string: indexed = "a string of \(count) characters"
            default: indexed = "a \(container.typeName)"
            }
            throw RuntimeError(
                .indexOutOfRange(index: Int(position), indexed: indexed), at: index.span,
                hint: "indices start at 0; -1 is the last element")
        }
        switch container {
        case .vector(let elements): return .number(elements[offset])
        case .matrix(let matrix): return .vector(matrix.row(offset))
        case .string(let text): return .string(String(text[text.index(text.startIndex, offsetBy: offset)]))
        case .runs(let runs): return .run(runs.runs[offset])
        case .layers(let layers): return .layer(layers[offset])
        case .table(let table): return .record(table.row(offset))
        default: return .nothing
        }
    }

    private func formatIndex(_ x: Double) -> String { ValueFormatter.plain.describe(.number(x)) }
}
