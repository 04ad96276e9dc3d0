/// Runtime messages about editing a model's layers (`m.layers[0].bias[3] = -3`) and training sweeps.
///
/// One function per ``RuntimeErrorID`` case, named as the case; the text is lowercase with no final
/// period, names and words in `'…'`. See ``RuntimeMessage``.
extension RuntimeMessage {
    static func assignmentIndexOutOfRange(index: String, size: Int, what: String) -> Self {
        Self(.assignmentIndexOutOfRange, "index \(index) is out of range for \(size) \(what)")
    }

    static func assignmentNeedsLayer(member: String) -> Self {
        Self(.assignmentNeedsLayer, "'\(member)' here must belong to a layer, e.g. m.layers[0].\(member)")
    }

    static func assignmentNeedsNumbers(member: String, typeName: String) -> Self {
        Self(.assignmentNeedsNumbers, "\(member) must be given numbers, got \(typeName)")
    }

    static func assignmentNotFinite(member: String) -> Self {
        Self(.assignmentNotFinite, "\(member) must be finite numbers")
    }

    static func assignmentShape(member: String, wanted: String, got: String) -> Self {
        Self(.assignmentShape, "this part of \(member) needs \(wanted), got \(got)")
    }

    static var assignmentTarget: Self { Self(.assignmentTarget, "only a layer's weights and bias can be assigned to") }

    static func assignmentTooManyIndices(member: String, maximum: Int) -> Self {
        Self(.assignmentTooManyIndices, "\(member) takes at most \(maximum) ind\(maximum == 1 ? "ex" : "ices")")
    }

    static func sweepEmptyList(option: String) -> Self {
        Self(.sweepEmptyList, "'\(option)' is given an empty list: nothing to sweep over")
    }

    static func sweepTooLarge(points: Int, maximum: Int) -> Self {
        Self(.sweepTooLarge, "this sweep has \(points) points; at most \(maximum) are trained at once")
    }
}
