package io.tollwatch.cli;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "jmh", mixinStandardHelpOptions = true,
        description = {"Runs the JMH micro-benchmark suite (package io.tollwatch.bench): gazetteer load and",
                "resolution, extraction throughput, counting update cost. About ten minutes."})
final class BenchJmhCommand implements Callable<Integer> {
    @Parameters(paramLabel = "REGEX", defaultValue = "io\\.tollwatch\\.bench\\..*",
            description = "Which benchmarks (JMH include pattern; default: all).")
    String include;

    @Option(names = "--quick", description = "One short fork: a smoke run, with wide error bars.")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write JMH's JSON results to FILE.")
    String json;

    @Override
    public Integer call() throws Exception {
        ChainedOptionsBuilder opts = new OptionsBuilder().include(include).forks(1);
        if (quick) {
            opts.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }
        if (json != null) {
            opts.resultFormat(ResultFormatType.JSON).result(json);
        }
        new Runner(opts.build()).run();
        return 0;
    }
}
