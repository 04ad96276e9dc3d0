import Foundation

// `neurite`: the REPL, the script runner and `-e`. Everything happens in NeuriteCommand.
exit(NeuriteCommand.run(
    arguments: Array(CommandLine.arguments.dropFirst()),
    environment: ProcessInfo.processInfo.environment))
