/// A lexical scope: names bound by `let`, `fn` and parameters, with a link to the enclosing one.
/// Built-ins live below the global scope, so user names can shadow them.
final class Scope {
    private(set) var bindings: [String: Value] = [:]
    /// The order in which names were first bound (for `:vars`).
    private(set) var order: [String] = []
    let parent: Scope?

    init(parent: Scope?) { self.parent = parent }

    func define(_ name: String, _ value: Value) {
        if bindings.updateValue(value, forKey: name) == nil { order.append(name) }
    }

    func lookup(_ name: String) -> Value? {
        var scope: Scope? = self
        while let current = scope {
            if let value = current.bindings[name] { return value }
            scope = current.parent
        }
        return nil
    }

    /// Every name visible from here, innermost first.
    var visibleNames: [String] {
        var names: [String] = []
        var scope: Scope? = self
        while let current = scope {
            names.append(contentsOf: current.order)
            scope = current.parent
        }
        return names
    }

    /// Unbinds `name` here (not in enclosing scopes).
    func remove(_ name: String) {
        guard bindings.removeValue(forKey: name) != nil else { return }
        order.removeAll { $0 == name }
    }

    func removeAll() {
        bindings.removeAll()
        order.removeAll()
    }
}
