// Placeholder: replaced by the plotting implementation.
public enum NeuritePlotPlaceholder {}
