import NeuriteLanguage

/// An argument after evaluation, with its label and where it was written.
struct EvaluatedArgument {
    var label: Identifier?
    var value: Value
    var span: Span
}

extension Evaluator {
    func evaluateCall(_ callee: Expression, _ arguments: [Argument], span: Span, in scope: Scope)
        throws -> Value
    {
        let calleeValue = try evaluate(callee, in: scope)
        guard case .function(let function) = calleeValue else {
            return try callOther(calleeValue, callee: callee, arguments, span: span, in: scope)
        }
        if case .builtin(let builtin) = function, !builtin.words.isEmpty {
            return try callTakingWords(function, words: builtin.words, arguments, span: span, in: scope)
        }
        if let streamed = try streamedReduction(function, arguments, in: scope) { return streamed }
        var evaluated: [EvaluatedArgument] = []
        evaluated.reserveCapacity(arguments.count)
        for argument in arguments {
            let value = try evaluate(argument.value, in: scope)
            evaluated.append(EvaluatedArgument(label: argument.label, value: value, span: argument.value.span))
        }
        return try call(function, evaluated, span: span)
    }

    /// A call of a value that is not a function: a model constructor makes a model; anything
    /// else is an error. Kept out of ``evaluateCall`` so its stack frame stays small (deep recursion).
    @inline(never)
    private func callOther(
        _ value: Value, callee: Expression, _ arguments: [Argument], span: Span, in scope: Scope
    ) throws -> Value {
        if case .modelConstructor(let constructor) = value {
            return try construct(constructor, try evaluateArguments(arguments, in: scope), span: span)
        }
        if case .model = value {
            // `m(relu)` on `model m { … }`: only a model declared with parameters is called.
            throw RuntimeError(
                .cannotCallModel, at: callee.span,
                hint: "it is a model already; to vary it, declare 'model NAME(act) { … }' or use variant(…)")
        }
        throw RuntimeError(.notCallable(typeName: value.typeName), at: callee.span)
    }

    @inline(never)
    private func callTakingWords(
        _ function: FunctionValue, words: Set<String>, _ arguments: [Argument], span: Span, in scope: Scope
    ) throws -> Value {
        try call(function, try evaluateArguments(arguments, in: scope, words: words), span: span)
    }

    /// Evaluates call arguments in order. For a built-in that takes option words, an identifier
    /// argument that is one of `words`, or is not bound at all, is read as that word (a string):
    /// option words such as `he_normal` or `x2` are written bare, and a misspelt one is reported
    /// by the built-in with its choices.
    func evaluateArguments(_ arguments: [Argument], in scope: Scope, words: Set<String> = [])
        throws -> [EvaluatedArgument]
    {
        try arguments.map { argument in
            let value: Value
            if case .identifier(let name) = argument.value.kind, !words.isEmpty,
                words.contains(name) || scope.lookup(name) == nil
            {
                value = .string(name)
            } else {
                value = try evaluate(argument.value, in: scope)
            }
            return EvaluatedArgument(label: argument.label, value: value, span: argument.value.span)
        }
    }

    /// `sum` and `mean` of a comprehension or a range stream instead of building the vector.
    private func streamedReduction(_ function: FunctionValue, _ arguments: [Argument], in scope: Scope)
        throws -> Value?
    {
        guard case .builtin(let builtin) = function, builtin.name == "sum" || builtin.name == "mean",
            arguments.count == 1, arguments[0].label == nil
        else { return nil }
        let total: (sum: Double, count: Int)
        switch arguments[0].value.kind {
        case .comprehension(let element, let variable, let sequence, let condition):
            total = try streamingTotal(
                element: element, variable: variable, sequence: sequence, condition: condition, in: scope)
        case .range(let start, let end, let step):
            let range = try evaluateRange(start: start, end: end, step: step, in: scope)
            try Limits.checkWalk(range.count, span: arguments[0].value.span)
            var sum = 0.0
            for index in 0..<range.count {
                if index & 0xFFFF == 0 { try checkInterrupt() }
                sum += range.element(index)
            }
            total = (sum, range.count)
        default:
            return nil
        }
        if builtin.name == "sum" { return .number(total.sum) }
        return .number(total.count == 0 ? .nan : total.sum / Double(total.count))
    }

    /// Calls any function value with evaluated arguments.
    func call(_ function: FunctionValue, _ arguments: [EvaluatedArgument], span: Span) throws -> Value {
        try checkInterrupt()
        switch function {
        case .user(let user): return try callUser(user, arguments, span: span)
        case .builtin(let builtin): return try callBuiltin(builtin, arguments, span: span)
        case .derivative(let base, let order):
            return try callDerivative(base, order: order, arguments, span: span)
        }
    }

    /// Calls with plain positional values (used by built-ins that take functions).
    func call(_ function: FunctionValue, _ values: [Value], span: Span) throws -> Value {
        try call(function, values.map { EvaluatedArgument(label: nil, value: $0, span: span) }, span: span)
    }

    private func callUser(_ function: UserFunction, _ arguments: [EvaluatedArgument], span: Span)
        throws -> Value
    {
        let name = function.name ?? "<fn>"
        return try enterDeclaration(
            named: name, parameters: function.parameters, arguments: arguments, file: function.file,
            closure: function.closure, span: span,
            note: { caller, location in
                function.file.name != caller.name || function.file.text != caller.text
                    ? "in '\(name)', called at \(location)" : nil
            },
            body: { frame, _ in try evaluate(function.body, in: frame) })
    }

    /// Runs the body of a user declaration (a function or a model constructor) called at `span`:
    /// binds `arguments` to `parameters` in a new frame over `closure` (defaults evaluated in that
    /// frame), one call deeper and with `file` as the current file. An error in the body is placed
    /// in `file`, with the note `note(callerFile, "file:line:col" of the call)` if there is one.
    func enterDeclaration<T>(
        named name: String, parameters: [NeuriteLanguage.Parameter], arguments: [EvaluatedArgument],
        file: SourceFile, closure: Scope, span: Span, note: (SourceFile, String) -> String?,
        body: (_ frame: Scope, _ callerFile: SourceFile) throws -> T
    ) throws -> T {
        let slots = try bind(
            arguments, to: parameters.map(\.name.name), hasDefault: parameters.map { $0.defaultValue != nil },
            variadic: false, functionName: name, span: span)
        guard callDepth < maximumCallDepth else {
            throw RuntimeError(.recursionTooDeep(limit: maximumCallDepth, function: name), at: span)
        }
        callDepth += 1
        let callerFile = currentFile
        currentFile = file
        defer {
            callDepth -= 1
            currentFile = callerFile
        }
        do {
            let frame = Scope(parent: closure)
            for (index, parameter) in parameters.enumerated() {
                if let value = slots.values[index] {
                    frame.define(parameter.name.name, value)
                } else if let defaultValue = parameter.defaultValue {
                    frame.define(parameter.name.name, try evaluate(defaultValue, in: frame))
                }
            }
            return try body(frame, callerFile)
        } catch var error as RuntimeError where error.file == nil {
            // The error is in the declaration's body: its span points into the declaration's file.
            error.file = file
            let location = callerFile.location(of: span.start)
            if let note = note(callerFile, "\(callerFile.name):\(location.line):\(location.column)") {
                error.notes.append(note)
            }
            throw error
        }
    }

    private func callBuiltin(_ builtin: Builtin, _ arguments: [EvaluatedArgument], span: Span)
        throws -> Value
    {
        if arguments.count == builtin.parameters.count, arguments.allSatisfy({ $0.label == nil }) {
            // The common case: every parameter given, in order.
            return try builtin.implementation(
                BuiltinCall(
                    name: builtin.name, arguments: arguments.map(\.value),
                    argumentSpans: arguments.map(\.span), span: span, evaluator: self))
        }
        let slots = try bind(
            arguments, to: builtin.parameters.map(\.name),
            hasDefault: builtin.parameters.map { $0.defaultValue != nil }, variadic: builtin.isVariadic,
            functionName: builtin.name, span: span)
        var values: [Value] = []
        var spans: [Span] = []
        for (index, slot) in slots.values.enumerated() {
            if let value = slot {
                values.append(value)
                spans.append(slots.spans[index])
            } else if index < builtin.parameters.count, let value = builtin.parameters[index].defaultValue {
                values.append(value)
                spans.append(span)
            }
        }
        return try builtin.implementation(
            BuiltinCall(name: builtin.name, arguments: values, argumentSpans: spans, span: span, evaluator: self))
    }

    /// Matches arguments to parameters: positional ones in order, then labelled ones by name.
    /// Extra positional arguments are kept only for variadic built-ins.
    func bind(
        _ arguments: [EvaluatedArgument], to names: [String], hasDefault: [Bool], variadic: Bool,
        functionName: String, span: Span
    ) throws -> (values: [Value?], spans: [Span]) {
        if arguments.count == names.count, arguments.allSatisfy({ $0.label == nil }) {
            return (arguments.map(\.value), arguments.map(\.span))  // the common case
        }
        var values = [Value?](repeating: nil, count: names.count)
        var spans = [Span](repeating: span, count: names.count)
        var positional = 0
        for argument in arguments {
            if let label = argument.label {
                guard let index = names.firstIndex(of: label.name) else {
                    let hint = Suggestion.nearest(to: label.name, among: names).map {
                        "did you mean '\($0)'?"
                    }
                    let known = names.isEmpty ? "it takes none" : "its parameters are \(names.map { "'\($0)'" }.joined(separator: ", "))"
                    throw RuntimeError(
                        .noSuchParameter(function: functionName, parameter: label.name), at: label.span,
                        hint: hint ?? known)
                }
                guard values[index] == nil else {
                    throw RuntimeError(.argumentGivenTwice(argument: label.name), at: label.span)
                }
                values[index] = argument.value
                spans[index] = argument.span
            } else {
                if positional < names.count {
                    guard values[positional] == nil else {
                        throw RuntimeError(
                            .argumentGivenTwice(argument: names[positional]), at: argument.span)
                    }
                    values[positional] = argument.value
                    spans[positional] = argument.span
                } else if variadic {
                    values.append(argument.value)
                    spans.append(argument.span)
                } else {
                    throw RuntimeError(
                        .tooManyArguments(function: functionName, takes: describeCount(names.count), given: arguments.filter { $0.label == nil }.count),
                        at: argument.span)
                }
                positional += 1
            }
        }
        for (index, name) in names.enumerated() where values[index] == nil && !hasDefault[index] {
            throw RuntimeError(.missingArgument(argument: name, function: functionName), at: span)
        }
        return (values, spans)
    }

    private func describeCount(_ count: Int) -> String {
        count == 1 ? "1 argument" : "\(count) arguments"
    }
}
