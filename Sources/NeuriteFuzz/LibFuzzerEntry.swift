#if FUZZING
import Foundation

// Built with `-DFUZZING` and `-sanitize=fuzzer,address` (Scripts/fuzz): libFuzzer supplies `main`
// and calls these. The target comes from NEURITE_FUZZ_TARGET (see FuzzTarget).

nonisolated(unsafe) private var selectedTarget = FuzzTarget.parse

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    let name = ProcessInfo.processInfo.environment["NEURITE_FUZZ_TARGET"] ?? "parse"
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("NEURITE_FUZZ_TARGET must be one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    selectedTarget = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    selectedTarget.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
#endif
