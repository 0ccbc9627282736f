import ArgumentParser
import Foundation

/// `--color auto|always|never`, as ls, grep and git spell it.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

struct ColorArguments: ParsableArguments {
    @Option(
        help: "Colour the terminal output: auto (on a terminal, unless NO_COLOR is set), always (for less -R) or never."
    )
    var color: ColorChoice = .auto

    /// Whether output going to `sink` is coloured: `always` and `never` as said; `auto` on a terminal, unless
    /// the NO_COLOR environment variable is set and not empty (no-color.org) or the terminal is "dumb".
    func colour(for sink: OutputSink) -> Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            return sink.isTerminal && environment["TERM"] != "dumb"
        }
    }
}
