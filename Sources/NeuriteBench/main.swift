import NeuriteEngine
print("neurite-bench: not yet implemented")
