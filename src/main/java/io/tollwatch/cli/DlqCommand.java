package io.tollwatch.cli;

import picocli.CommandLine.Command;

/** {@code tollwatch dlq …}: work on the dead-letter topic. */
@Command(name = "dlq", mixinStandardHelpOptions = true, description = "Work on the dead-letter topic.",
        subcommands = {DlqReplayCommand.class})
final class DlqCommand {
}
