package io.tollwatch.cli;

import io.tollwatch.config.Settings;
import io.tollwatch.report.Normalizer;
import io.tollwatch.serve.Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the service against an existing Kafka cluster and schema registry.",
                "Settings: defaults, then --config FILE, then TOLLWATCH_* environment variables, then --set flags."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Override
    public Integer call() throws Exception {
        Settings settings = config.settings(Map.of());
        Normalizer normalizer = Normalizer.defaults();
        Service service = Service.of(settings, normalizer).start();
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "tollwatch-shutdown"));
        System.err.println("tollwatch: running; metrics at http://localhost:" + service.httpPort() + "/metrics");
        // Returns when Ctrl-C closes the service, or when a failure that retrying cannot heal has stopped it (its
        // reason is already logged, in one line): then the exit status tells the supervisor.
        return service.awaitStop().isPresent() ? 1 : 0;
    }
}
