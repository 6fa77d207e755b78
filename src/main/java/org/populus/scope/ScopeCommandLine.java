package org.populus.scope;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command {@code scopes load <file>}: when the application is started with these arguments it loads the
 * file, prints a summary and exits (0 loaded, 1 refused or unreadable, 2 wrong usage). Without them it does
 * nothing. {@link ScopeCommandLineEnvironment} keeps the HTTP server of such a run off the usual port.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ScopeCommandLine implements ApplicationRunner {

    static final String USAGE = "Usage: java -jar populus.jar scopes load <file.tsv|file.csv>";

    private final Scopes scopes;
    private final ConfigurableApplicationContext context;

    ScopeCommandLine(Scopes scopes, ConfigurableApplicationContext context) {
        this.scopes = scopes;
        this.context = context;
    }

    /** Whether these non-option arguments ask for a scope command. */
    static boolean isScopeCommand(List<String> args) {
        return !args.isEmpty() && args.get(0).equals("scopes");
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> command = args.getNonOptionArgs();
        if (!isScopeCommand(command)) {
            return;
        }
        int status = execute(command);
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /** Runs the command and returns the process exit status. */
    int execute(List<String> command) {
        if (command.size() != 3 || !command.get(1).equals("load")) {
            System.err.println(USAGE);
            return 2;
        }
        Path file = Path.of(command.get(2));
        try {
            ScopeLoadSummary s = scopes.load(file);
            System.out.printf("Loaded %d scopes from %s: %d created, %d updated, %d unchanged%n", s.total(), file,
                    s.created(), s.updated(), s.unchanged());
            return 0;
        } catch (ScopeLoadException | UncheckedIOException e) {
            System.err.println("Nothing loaded from " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
