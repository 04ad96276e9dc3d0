import NeuriteEngine
import NeuriteLanguage
import NeuriteNumerics

/// Built-ins on models: `variant`, `copy`, `ablate`.
enum ModelBuiltins {
    static var all: [Builtin] { [variant, copy, ablate] }

    static var ablate: Builtin {
        Builtin(
            "ablate", group: .models,
            parameters: [
                BuiltinParameter("m"), BuiltinParameter("layer"), BuiltinParameter("unit"),
                BuiltinParameter("value", default: .number(0)),
            ],
            summary: "a copy of a model with one hidden unit's output held at 'value' for every input (default 0: silenced): its outgoing weights set to 0 and value times them added to the next layer's biases, so downstream hears the constant (layers indexed from 0 as in m.layers)",
            formula: "what a decision depends on: boundary m, ablate(m, layer: 0, unit: 3) on d; clamp a unit on: ablate(m, layer: 0, unit: 3, value: 1)",
            example: "model net { input 2; dense 3, relu; dense 1, sigmoid }; ablate(net, layer: 0, unit: 1).layers[1].weights[0][1]"
        ) { call in
            let model = try call.model(0)
            let layers = LayersValue(model: model)
            let layer = try call.count(1, minimum: 0, what: "a layer index", maximum: max(0, layers.count - 2))
            let units = layers[layer].spec.units
            let unit = try call.count(2, minimum: 0, what: "a unit index", maximum: max(0, units - 1))
            let held = try call.number(3, "the value the unit is held at")
            guard held.isFinite else { throw call.error(.ablateValueNotFinite, argument: 3) }
            return .model(try RuntimeError.fromEngine(at: call.span(of: 0)) {
                let copy = try model.copy(label: call.sourceLabel)
                let next = LayersValue(model: copy)[layer + 1]
                let weights = try next.weights(), biases = try next.bias()
                for row in 0..<next.spec.units {
                    // The next layer hears weight × value from the unit: a constant, moved into its bias.
                    let heard = weights.elements[row * weights.columns + unit] * held
                    if heard != 0 { try next.setBias(unit: row, to: biases[row] + heard) }
                    try next.setWeight(unit: row, input: unit, to: 0)
                }
                return copy
            })
        }
    }

    static var copy: Builtin {
        Builtin(
            "copy", group: .models, parameters: [BuiltinParameter("m")],
            summary: "an independent model with the same layers, weights and training so far: edit or train it without touching m",
            formula: "a what-if on a copy: let c = copy(m); c.layers[0].bias[0] = -3",
            example: "model base { input 2; dense 3, relu; dense 1, sigmoid }; let c = copy(base); c.layers[0].bias[0] = 5; base.layers[0].bias"
        ) { call in
            .model(try RuntimeError.fromEngine(at: call.span(of: 0)) { try call.model(0).copy() })
        }
    }

    static var variant: Builtin {
        Builtin(
            "variant", group: .models,
            parameters: [
                BuiltinParameter("m"), BuiltinParameter("activation", default: .nothing),
                BuiltinParameter("init", default: .nothing), BuiltinParameter("bias", default: .nothing),
                BuiltinParameter("seed", default: .nothing),
            ],
            words: Set(OptionWords.initializer.words),
            summary: "an untrained copy of a model with one thing changed in every hidden dense layer (not the output layer): its activation (or that of the hidden 'activation' lines), weight initializer or bias; or its weights drawn from 'seed' (which train then keeps)",
            formula: "bias: a number (constant) or an initializer name; the label is the call as written",
            example: "model base { input 2; dense 8, relu; dense 1, sigmoid }; variant(base, activation: tanh).label"
        ) { call in
            let model = try call.model(0)
            var activation: ActivationFunction?
            if !call.isAbsent(1) {
                if case .string(let word) = call.arguments[1] {
                    let hint = Suggestion.nearest(to: word, among: Activation.allNames).map { "did you mean '\($0)'?" }
                    throw call.error(.unknownActivation(word: word), argument: 1, hint: hint)
                }
                let function = try call.function(1)
                activation = try ActivationLowering(evaluator: call.evaluator).activation(for: function, span: call.span(of: 1))
            }
            let weights = call.isAbsent(2) ? nil : try OptionWords.initializer.resolve(try call.text(2, "an initializer name"), at: call.span(of: 2))
            var bias: Initializer?
            if !call.isAbsent(3) {
                switch call.arguments[3] {
                case .number(let x) where x.isFinite: bias = x == 0 ? .zeros : .constant(x)
                case .string(let word): bias = try OptionWords.initializer.resolve(word, at: call.span(of: 3))
                default: throw call.error(.variantBias, argument: 3)
                }
            }
            let seed = call.isAbsent(4) ? nil : try call.seed(4)
            guard activation != nil || weights != nil || bias != nil || seed != nil else {
                throw call.error(.variantNeedsChange)
            }
            let lastDense = model.specs.lastIndex { if case .dense = $0 { return true } else { return false } }
            let specs = model.specs.enumerated().map { index, spec -> LayerSpec in
                let hidden = lastDense.map { index < $0 } ?? false
                switch spec {
                case let .activation(old) where hidden:
                    // `dense 8; activation relu`: the activation line is what changes.
                    return .activation(activation ?? old)
                case let .dense(units, oldActivation, oldWeights, oldBias) where index != lastDense:
                    // A linear dense layer followed by an activation line stays linear.
                    let followedByActivation =
                        if index + 1 < model.specs.count, case .activation = model.specs[index + 1] { true } else { false }
                    let newActivation = oldActivation == nil && followedByActivation ? nil : activation ?? oldActivation
                    return .dense(
                        units: units, activation: newActivation, weights: weights ?? oldWeights, bias: bias ?? oldBias)
                default:
                    return spec
                }
            }
            return .model(ModelValue(label: call.sourceLabel, inputWidth: model.inputWidth, specs: specs, seed: seed))
        }
    }
}
