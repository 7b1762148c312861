package io.tollwatch.cli;

import io.tollwatch.config.ConfigException;
import io.tollwatch.registry.RegistryException;
import io.tollwatch.report.InvalidReportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar tollwatch.jar COMMAND}: the commands of spec §4. */
@Command(name = "tollwatch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Conflict reports in, trustworthy running casualty and displacement totals out.",
        subcommands = {DemoCommand.class, RunCommand.class, ExtractCommand.class, ReplayCommand.class,
                ProduceCommand.class, DlqCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // Errors users can fix (bad config, unreachable registry, bad input) get one clear line, not a stack trace.
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ConfigException || ex instanceof RegistryException || ex instanceof InvalidReportException
                    || ex instanceof UserException) {
                commandLine.getErr().println("tollwatch: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"tollwatch " + (v == null ? "dev" : v)};
        }
    }
}
