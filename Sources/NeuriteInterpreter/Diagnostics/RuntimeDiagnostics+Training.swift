/// Runtime messages about training settings.
///
/// One function per ``RuntimeErrorID`` case, named as the case; the text is lowercase with no final
/// period, names and words in `'…'`. See ``RuntimeMessage``.
extension RuntimeMessage {
    static func scheduleMismatch(option: String, tunes: String, schedule: String) -> Self {
        Self(.scheduleMismatch, "'\(option)' tunes \(tunes), but this run's schedule is \(schedule)")
    }

    static func validationHoldsNothing(fraction: String, samples: Int, data: String) -> Self {
        Self(
            .validationHoldsNothing,
            "validation: \(fraction) of the \(samples) samples of \(data) holds out no sample")
    }

    static func validationLeavesNothing(fraction: String, samples: Int, data: String) -> Self {
        Self(
            .validationLeavesNothing,
            "validation: \(fraction) of the \(samples) samples of \(data) leaves none to train on")
    }

    static func optionNeedsPair(option: String, typeName: String) -> Self {
        Self(.optionNeedsPair, "'\(option)' must be two numbers in [0, 1), e.g. [0.9, 0.999], got \(typeName)")
    }

    static func optionTunesOtherOptimizer(option: String, tunes: String) -> Self {
        Self(.optionTunesOtherOptimizer, "'\(option)' tunes optimizer \(tunes), not this run's")
    }
}
