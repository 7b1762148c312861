package io.tollwatch.cli;

import io.tollwatch.bench.BenchResult;
import io.tollwatch.bench.ServiceBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchJmhCommand.class,
        description = {"Measures the service on the embedded broker and registry against issue 12's goals.",
                "Pre-loads generated reports, times a plain exactly-once copy of them and the real service",
                "draining them, the produce-to-total latency at half that rate, extraction on one thread, the",
                "cost of one update after a long history, the largest state value and the heap. Prints a table",
                "and one JSON line. Under 5 minutes on 2 cores; --quick under 1. `bench jmh` runs the JMH suite."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "A smaller run (3,000 reports, shorter phases): under a minute.")
    boolean quick;

    @Option(names = "--reports", paramLabel = "N", description = "Reports to pre-load (default 22,000; 3,000 with --quick).")
    Integer reports;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "1",
            description = "Service instances sharing the work, in this JVM (default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--latency-seconds", paramLabel = "S", description = "Length of the latency phase (default 30; 8 with --quick).")
    Double latencySeconds;

    @Option(names = "--latency-rate", paramLabel = "R",
            description = "Reports a second in the latency phase (default: half the pipeline's, where the goal is).")
    Double latencyRate;

    @Option(names = "--history", paramLabel = "N",
            description = "Figures of the long history (default 1,000,000; 200,000 with --quick).")
    Long history;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A service setting, as `run --set` takes it (repeatable), e.g. kafka.commit.interval.ms=200.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (instances < 1) {
            throw new UserException("--instances must be 1 or more");
        }
        if (latencyRate != null && !(latencyRate > 0)) {
            throw new UserException("--latency-rate must be above 0");
        }
        ServiceBench.Options o = quick ? ServiceBench.Options.quick(overrides) : ServiceBench.Options.standard(overrides);
        o = new ServiceBench.Options(reports != null ? reports : o.reports(), instances,
                latencySeconds != null ? latencySeconds : o.latencySeconds(), o.floorLatencySeconds(), latencyRate,
                history != null ? history : o.historyFigures(), o.extractSeconds(), o.warmUpReports(), o.warmUpRounds(), overrides);
        BenchResult result = new ServiceBench(o, System.err).run();
        result.print(spec.commandLine().getOut());
        return 0;
    }
}
