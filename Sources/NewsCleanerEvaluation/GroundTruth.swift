import Foundation

/// True article bodies (and page URLs) read from a score.py-style truth file.
///
/// The file is `{"ID": {"articleBody": "...", "url": "..."}}` (AEB's `ground-truth.json`);
/// a plain `{"ID": "body"}` map is accepted too.
///
/// ```swift
/// let truth = try GroundTruth(contentsOf: URL(fileURLWithPath: "TestPages/aeb/ground-truth.json"))
/// let report = ShingleScore.score(truth: truth.bodies, predictions: predictions)
/// ```
public struct GroundTruth: Sendable, Equatable {
    /// Page ID → true article body.
    public var bodies: [String: String]
    /// Page ID → page URL, for pages whose truth names one.
    public var urls: [String: String]

    /// Why a truth or prediction file could not be read.
    ///
    /// ```swift
    /// do { _ = try GroundTruth(json: Data("[]".utf8)) } catch let error as GroundTruth.LoadError { print(error) }
    /// ```
    public enum LoadError: Error, Equatable, CustomStringConvertible {
        /// The file is not a JSON object of page entries.
        case notAnObject(String)
        /// The file is a snippets truth (`{"ID": {"with": [...], "without": [...]}}`), which this port does not score.
        case snippetsUnsupported(String)

        /// A one-line explanation for the command line.
        ///
        /// ```swift
        /// print(GroundTruth.LoadError.notAnObject("t.json"))
        /// ```
        public var description: String {
            switch self {
            case .notAnObject(let what): return "\(what): expected a JSON object {\"ID\": {\"articleBody\": ...}}"
            case .snippetsUnsupported(let what):
                return "\(what): snippet truth files are not supported; use score.py for them"
            }
        }
    }

    /// Creates a truth set from bodies and URLs.
    ///
    /// ```swift
    /// let truth = GroundTruth(bodies: ["p1": "Body text"], urls: [:])
    /// ```
    public init(bodies: [String: String], urls: [String: String] = [:]) {
        self.bodies = bodies
        self.urls = urls
    }

    /// Reads a truth file.
    ///
    /// ```swift
    /// let truth = try GroundTruth(contentsOf: URL(fileURLWithPath: "ground-truth.json"))
    /// ```
    public init(contentsOf file: URL) throws {
        try self.init(json: Data(contentsOf: file), source: file.path)
    }

    /// Parses truth JSON; `source` names the data in error messages.
    ///
    /// ```swift
    /// let truth = try GroundTruth(json: Data(#"{"a": {"articleBody": "Text"}}"#.utf8))
    /// ```
    public init(json: Data, source: String = "truth") throws {
        guard let object = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw LoadError.notAnObject(source)
        }
        if !object.isEmpty, object.values.allSatisfy({ ($0 as? [String: Any])?["with"] != nil }) {
            throw LoadError.snippetsUnsupported(source)
        }
        var bodies: [String: String] = [:]
        var urls: [String: String] = [:]
        for (id, value) in object {
            if let entry = value as? [String: Any] {
                bodies[id] = entry["articleBody"] as? String ?? ""
                if let url = entry["url"] as? String { urls[id] = url }
            } else {
                bodies[id] = value as? String ?? ""
            }
        }
        self.init(bodies: bodies, urls: urls)
    }

    /// Reads predictions for `ids` as score.py does: a folder of `ID.txt` files (a missing file
    /// is empty output; bad UTF-8 is replaced), or a JSON file shaped like the truth, optionally
    /// wrapped as `{"version": ..., "output": {...}}`.
    ///
    /// ```swift
    /// let predictions = try GroundTruth.loadPredictions(from: URL(fileURLWithPath: "out/aeb"),
    ///                                                    ids: truth.bodies.keys)
    /// ```
    public static func loadPredictions<S: Sequence>(from location: URL, ids: S) throws -> [String: String]
    where S.Element == String {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            var out: [String: String] = [:]
            for id in ids {
                let file = location.appendingPathComponent(id + ".txt")
                let data = (try? Data(contentsOf: file)) ?? Data()
                out[id] = String(decoding: data, as: UTF8.self)
            }
            return out
        }
        guard var object = try JSONSerialization.jsonObject(with: Data(contentsOf: location)) as? [String: Any] else {
            throw LoadError.notAnObject(location.path)
        }
        if Set(object.keys) == ["version", "output"], let output = object["output"] as? [String: Any] {
            object = output
        }
        var out: [String: String] = [:]
        for id in ids {
            if let entry = object[id] as? [String: Any] {
                out[id] = entry["articleBody"] as? String ?? ""
            } else {
                out[id] = object[id] as? String ?? ""
            }
        }
        return out
    }
}
