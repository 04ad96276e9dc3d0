import NeuriteInterpreter
import LineEditor
print("neurite: not yet implemented")
