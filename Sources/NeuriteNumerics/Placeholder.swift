// Placeholder: replaced by the numerics implementation.
public enum NeuriteNumericsPlaceholder {}
