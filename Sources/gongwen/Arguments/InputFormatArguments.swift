import ArgumentParser
import GongwenKit

/// `--input-format`: the same words wherever a command reads notices.
struct InputFormatArguments: ParsableArguments {
    @Option(
        name: .customLong("input-format"),
        help: "Read the input as 'text' or 'html' instead of guessing from its name and first bytes.")
    var inputFormat: InputFormat?
}
