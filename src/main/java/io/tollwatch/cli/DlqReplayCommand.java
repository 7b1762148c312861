package io.tollwatch.cli;

import io.tollwatch.config.Settings;
import io.tollwatch.topology.DeadLetterReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-publishes dead letters to the reports topic, after a fix.",
                "Selects by reason and by the time of the original record; the original key and bytes are sent again,",
                "with a tollwatch.replayed-from header naming the dead letter. Resends change no total."})
final class DlqReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Option(names = "--reason", paramLabel = "REASON",
            description = "Only dead letters of this reason: undecodable, unknown_schema, invalid_report, processing_error.")
    String reason;

    @Option(names = "--since", paramLabel = "INSTANT", description = "Only records from this time on (ISO-8601, e.g. 2026-12-01T10:00:00Z).")
    Instant since;

    @Option(names = "--until", paramLabel = "INSTANT", description = "Only records before this time.")
    Instant until;

    @Option(names = "--dry-run", description = "List what would be replayed; send nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        if (reason != null && DeadLetterReason.ofLabel(reason).isEmpty()) {
            throw new UserException("unknown reason '" + reason + "' (known: " + Arrays.stream(DeadLetterReason.values())
                    .map(DeadLetterReason::label).collect(Collectors.joining(", ")) + ")");
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new UserException("--since " + since + " is not before --until " + until);
        }
        Settings settings = config.settings(Map.of());
        DeadLetterReplay.Selection selection = new DeadLetterReplay.Selection(reason, since, until);
        DeadLetterReplay.Result r = DeadLetterReplay.run(settings, selection, dryRun, spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().printf("tollwatch: %s %d of %d dead letters on %s to %s%n", dryRun ? "would replay" : "replayed",
                r.selected(), r.scanned(), settings.topics().dlq(), settings.topics().reports());
        return 0;
    }
}
