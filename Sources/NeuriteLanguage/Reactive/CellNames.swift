/// What one cell of a script does with names, read from its parsed code: the names it defines,
/// the free names it uses, and the names whose values it changes in place. A reactive notebook
/// (`neurite --watch`) builds its dependency graph (``CellGraph``) from these.
public struct CellNames: Equatable, Sendable {
    /// Names bound at the cell's top level (`let`, `data`, `fn`, `model`), in the order written.
    public var defines: [String] = []
    /// Where each defined name is first written (its identifier).
    public var definitionSpans: [String: Span] = [:]
    /// Free names: used and not bound in the cell itself (nor a function's own parameters, nor a
    /// comprehension's variable, nor a block's local names). Built-ins are included: a cell that
    /// defines `relu` shadows the built-in for the cells that use it.
    public var uses: Set<String> = []
    /// Where each used name is first used.
    public var useSpans: [String: Span] = [:]
    /// Names of values the cell changes in place without binding them: `train m on d` and
    /// `load "f" into m` change the model `m`, `m.layers[0].bias[1] = 3` changes `m`'s weights.
    public var mutates: Set<String> = []
    /// `let a = m`, `let l = m.layers[0]`: a name bound to (a part of) another name's value, so
    /// changing `a` in place changes `m`.
    public var aliases: [String: String] = [:]
    /// Calls of a named function, with the names at the root of each argument (for functions that
    /// change their arguments in place, see ``functionEffects``).
    public var calls: [NamedCall] = []
    /// The functions the cell defines that change values in place when called.
    public var functionEffects: [String: FunctionEffect] = [:]

    public init() {}

    /// The names of `program` (one cell's parsed code).
    public init(_ program: Program) {
        var walker = NameWalker()
        for statement in program.statements { walker.statement(statement, topLevel: true) }
        self = walker.names
        if walker.anonymousFunctionChangesArguments {
            for call in calls { mutates.formUnion(call.argumentRoots) }
        }
        for name in defines { uses.remove(name); useSpans[name] = nil; mutates.remove(name) }
    }
}

/// `f(a, m.layers[0])`: a call of the name `f`; `argumentRoots` are `a` and `m`.
public struct NamedCall: Equatable, Sendable {
    public var callee: String
    public var argumentRoots: [String]
}

/// What calling a function changes in place.
public struct FunctionEffect: Equatable, Sendable {
    /// True when its body trains, loads into or assigns into one of its parameters: a call then
    /// changes the values passed to it.
    public var changesArguments = false
    /// Names outside the function that its body changes in place.
    public var changedNames: Set<String> = []

    public init(changesArguments: Bool = false, changedNames: Set<String> = []) {
        self.changesArguments = changesArguments
        self.changedNames = changedNames
    }
}

/// Walks a cell's statements, keeping the local scopes (function parameters, block bindings,
/// comprehension variables) so that only free names count as uses.
struct NameWalker {
    var names = CellNames()
    /// Local scopes, innermost last; empty at the cell's top level.
    private var scopes: [Set<String>] = []
    /// The `fn` declarations being walked, innermost last: where in-place changes are recorded.
    private var functions: [(parameters: Set<String>, scopeDepth: Int, effect: FunctionEffect)] = []
    /// True when an anonymous function at the cell's level changes its arguments in place.
    private(set) var anonymousFunctionChangesArguments = false

    mutating func statement(_ statement: Statement, topLevel: Bool) {
        switch statement.kind {
        case .expression(let expression):
            walk(expression)
        case .binding(_, let name, let value):
            walk(value)
            bind(name)
            if topLevel, let root = Self.root(of: value) { names.aliases[name.name] = root }
        case .function(let declaration):
            bind(declaration.name)
            for parameter in declaration.parameters { parameter.defaultValue.map { walk($0) } }
            let effect = function(declaration.parameters, body: declaration.body)
            if topLevel, effect != FunctionEffect() { names.functionEffects[declaration.name.name] = effect }
            // A nested function's changes to names outside the enclosing one are the enclosing one's.
            if !functions.isEmpty { for name in effect.changedNames { changes(name) } }
        case .model(let declaration):
            bind(declaration.name)
            for parameter in declaration.parameters { parameter.defaultValue.map { walk($0) } }
            scopes.append(Set(declaration.parameters.map(\.name.name)))
            declaration.body.forEach { layerItem($0) }
            scopes.removeLast()
        case .assignment(let target, let value):
            walk(target)
            walk(value)
            if let root = Self.root(of: target) { changes(root) }
        }
    }

    private mutating func layerItem(_ item: LayerItem) {
        switch item {
        case .layer(_, let arguments, _):
            for argument in arguments { walk(argument.value) }
        case .repetition(let count, let body, _):
            walk(count)
            body.forEach { layerItem($0) }
        }
    }

    private mutating func walk(_ expression: Expression) {
        switch expression.kind {
        case .number, .string, .boolean:
            break
        case .identifier(let name):
            use(name, at: expression.span)
        case .vector(let elements):
            elements.forEach { walk($0) }
        case .comprehension(let element, let variable, let sequence, let condition):
            walk(sequence)
            scopes.append([variable.name])
            walk(element)
            condition.map { walk($0) }
            scopes.removeLast()
        case .range(let start, let end, let step):
            walk(start)
            walk(end)
            step.map { walk($0) }
        case .unary(_, let operand):
            walk(operand)
        case .binary(_, let lhs, let rhs):
            walk(lhs)
            walk(rhs)
        case .call(let callee, let arguments):
            walk(callee)
            arguments.forEach { walk($0.value) }
            if case .identifier(let name) = callee.kind, !isLocal(name) {
                names.calls.append(NamedCall(callee: name, argumentRoots: arguments.compactMap { Self.root(of: $0.value) }))
            }
        case .derivative(let base, _):
            walk(base)
        case .index(let base, let index):
            walk(base)
            walk(index)
        case .member(let base, _):
            walk(base)
        case .conditional(let condition, let thenBranch, let elseBranch):
            walk(condition)
            walk(thenBranch)
            walk(elseBranch)
        case .block(let statements):
            scopes.append([])
            statements.forEach { statement($0, topLevel: false) }
            scopes.removeLast()
        case .lambda(let parameters, let body):
            for parameter in parameters { parameter.defaultValue.map { walk($0) } }
            // Where an anonymous function goes is not followed: what it changes counts as changed
            // where it is written, and if it changes its arguments, so do the calls of its cell.
            let effect = function(parameters, body: body)
            for name in effect.changedNames { changes(name) }
            if effect.changesArguments {
                if functions.isEmpty { anonymousFunctionChangesArguments = true } else { functions[functions.count - 1].effect.changesArguments = true }
            }
        case .command(let command):
            command.arguments.forEach { walk($0.value) }
            for clause in command.clauses { clause.arguments.forEach { walk($0.value) } }
            for changed in Self.changedInPlace(by: command) {
                if let root = Self.root(of: changed) { changes(root) }
            }
        }
    }

    /// The parts of a command whose values it changes in place: the models `train` trains and the
    /// model `load … into` gives new weights. (Every other command only reads its parts; a sweep,
    /// `train m on d with lr: [0.1, 0.3]`, trains copies, but counting it as a change is safe.)
    static func changedInPlace(by command: Command) -> [Expression] {
        switch CommandWord(rawValue: command.name.name) {
        case .train:
            return command.arguments.map(\.value)
        case .load:
            return command.clauses.filter { $0.keyword.name == Keyword.into.rawValue }.flatMap { $0.arguments.map(\.value) }
        default:
            return []
        }
    }

    /// The name an expression's value belongs to: `m` for `m`, `m.layers[0]`, `runs[1].model`.
    static func root(of expression: Expression) -> String? {
        switch expression.kind {
        case .identifier(let name): return name
        case .index(let base, _), .member(let base, _): return root(of: base)
        default: return nil
        }
    }

    /// Walks a function's body with its parameters bound, and gives what calling it changes.
    private mutating func function(_ parameters: [Parameter], body: Expression) -> FunctionEffect {
        let bound = Set(parameters.map(\.name.name))
        functions.append((bound, scopes.count, FunctionEffect()))
        scopes.append(bound)
        walk(body)
        scopes.removeLast()
        return functions.removeLast().effect
    }

    private func isLocal(_ name: String) -> Bool { scopes.contains { $0.contains(name) } }

    private mutating func bind(_ name: Identifier) {
        if scopes.isEmpty {
            if names.definitionSpans[name.name] == nil {
                names.defines.append(name.name)
                names.definitionSpans[name.name] = name.span
            }
        } else {
            scopes[scopes.count - 1].insert(name.name)
        }
    }

    private mutating func use(_ name: String, at span: Span) {
        guard !isLocal(name) else { return }
        names.uses.insert(name)
        if names.useSpans[name] == nil { names.useSpans[name] = span }
    }

    /// `name`'s value is changed in place here: by the cell, or (inside a `fn`) by every call.
    private mutating func changes(_ name: String) {
        guard let index = functions.indices.last else {
            if !isLocal(name) { names.mutates.insert(name) }
            return
        }
        let frame = functions[index]
        // Bound inside the function (its parameters or a block within it)?
        let local = scopes[frame.scopeDepth...].contains { $0.contains(name) }
        if frame.parameters.contains(name), !scopes[(frame.scopeDepth + 1)...].contains(where: { $0.contains(name) }) {
            functions[index].effect.changesArguments = true
        } else if !local, !scopes[..<frame.scopeDepth].contains(where: { $0.contains(name) }) {
            functions[index].effect.changedNames.insert(name)
        }
    }
}
