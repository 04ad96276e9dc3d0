import Foundation

/// The small real data sets shipped with Neurite (UCI Machine Learning Repository, CC BY 4.0; see
/// `Resources/data/README.md` and Docs/datasets.md for the credit). Each loads as a classification
/// data set with the class names sorted (numerically for digits).
public enum BundledDataset: String, CaseIterable, Sendable {
    /// Fisher's iris flowers: 150 samples, 4 measurements in cm, 3 species.
    case iris
    /// Wine from three cultivars: 178 samples, 13 chemical measurements, 3 classes.
    case wine
    /// Breast Cancer Wisconsin (Diagnostic): 569 samples, 30 cell-nucleus features, benign/malignant.
    case breastCancer = "breast_cancer"
    /// Optical handwritten digits: 1797 samples, 64 pixels (8×8, values 0…16), 10 classes.
    case digits

    /// The CSV file's name in the data folder.
    public var fileName: String { rawValue + ".csv" }

    /// A one-line credit for the data set.
    public var credit: String {
        switch self {
        case .iris: return "R. A. Fisher (1936), UCI Machine Learning Repository \"Iris\", CC BY 4.0"
        case .wine: return "M. Forina et al., UCI Machine Learning Repository \"Wine\", CC BY 4.0"
        case .breastCancer:
            return "W. H. Wolberg, W. N. Street, O. L. Mangasarian, UCI Machine Learning Repository "
                + "\"Breast Cancer Wisconsin (Diagnostic)\", CC BY 4.0"
        case .digits:
            return "E. Alpaydin, C. Kaynak (1998), UCI Machine Learning Repository "
                + "\"Optical Recognition of Handwritten Digits\", CC BY 4.0"
        }
    }

    /// The bundled data set called `name`; throws ``DatasetError/unknownBundledDataset(name:available:)``
    /// for any other name.
    public static func named(_ name: String) throws -> BundledDataset {
        if let dataset = BundledDataset(rawValue: name) { return dataset }
        throw DatasetError.unknownBundledDataset(name: name, available: allCases.map(\.rawValue))
    }

    /// Loads the data set from the first data folder that holds it (see ``BundledDataLocator``).
    public func load(options: CSVOptions = CSVOptions()) throws -> Dataset {
        try load(options: options, searching: BundledDataLocator.searchFolders())
    }

    /// Loads the data set from the first of `folders` that holds it.
    func load(options: CSVOptions, searching folders: [String]) throws -> Dataset {
        guard let path = BundledDataLocator.find(fileName, in: folders) else {
            throw DatasetError.bundledDataNotFound(name: rawValue, searched: folders)
        }
        return try Dataset.csv(path: path, options: options)
    }
}

/// Finds the bundled data folder without `Bundle.module` (whose accessor traps when the bundle is missing).
///
/// Searched in order: the folder named by the environment variable `NEURITE_DATA_DIR`; the SwiftPM
/// resource bundle next to the running executable (`Neurite_NeuriteEngine.resources/data`, which
/// `swift build` puts in `.build/debug` or `.build/release`); the source tree this file was compiled from.
public enum BundledDataLocator {
    /// The name of the resource bundle SwiftPM builds for the engine target.
    public static let bundleName = "Neurite_NeuriteEngine.resources"

    /// The folders to search, in order, for the given environment and executable.
    public static func searchFolders(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = executablePath(),
        includeSourceTree: Bool = true
    ) -> [String] {
        var folders: [String] = []
        if let override = environment["NEURITE_DATA_DIR"], !override.isEmpty { folders.append(override) }
        if let executable = executablePath {
            let directory = (executable as NSString).deletingLastPathComponent
            folders.append(directory + "/" + bundleName + "/data")
        }
        if includeSourceTree { folders.append(sourceTreeFolder) }
        return folders
    }

    /// The path of the first folder that contains `fileName`.
    public static func find(_ fileName: String, in folders: [String]) -> String? {
        folders.lazy.map { $0 + "/" + fileName }.first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// The running executable's path (the symbolic link `/proc/self/exe` resolved), if known.
    public static func executablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return Bundle.main.executablePath
    }

    /// `Sources/NeuriteEngine/Resources/data` of the checkout this file was compiled from.
    static let sourceTreeFolder: String = {
        let datasets = (#filePath as NSString).deletingLastPathComponent
        return ((datasets as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("Resources/data")
    }()
}
