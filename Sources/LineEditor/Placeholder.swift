import CEditLine
// Placeholder: replaced by the line editor.
public enum LineEditorPlaceholder {}
