package org.populus.household;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.populus.history.Provenance;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command {@code import-people <file.csv> [--batch-size=N]}: when the application is started with these
 * arguments it imports the file ({@link PeopleImport}), prints progress and a summary and exits (0 imported, 1
 * refused or unreadable, 2 wrong usage). Without them it does nothing. The versions it writes name the operating
 * system user who ran it ({@code command:<user>}) and the file ({@code import <file name>}).
 * {@link PeopleImportCommandLineEnvironment} keeps the HTTP server of such a run off the usual port.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PeopleImportCommandLine implements ApplicationRunner {

    static final String COMMAND = "import-people";
    static final String USAGE = "Usage: java -jar populus.jar import-people <file.csv> [--batch-size=N]";

    private final PeopleImport people;
    private final ConfigurableApplicationContext context;

    PeopleImportCommandLine(PeopleImport people, ConfigurableApplicationContext context) {
        this.people = people;
        this.context = context;
    }

    /** Whether these non-option arguments ask for this command. */
    static boolean isImportCommand(List<String> args) {
        return !args.isEmpty() && args.get(0).equals(COMMAND);
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> command = args.getNonOptionArgs();
        if (!isImportCommand(command)) {
            return;
        }
        List<String> batch = args.getOptionValues("batch-size");
        int status = execute(command, batch == null || batch.isEmpty() ? null : batch.get(batch.size() - 1));
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /** Runs the command and returns the process exit status. */
    int execute(List<String> command, String batchSize) {
        int size;
        try {
            size = batchSize == null ? PeopleImport.DEFAULT_BATCH_SIZE : Integer.parseInt(batchSize);
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (command.size() != 2 || size < 1) {
            System.err.println(USAGE);
            return 2;
        }
        Path file = Path.of(command.get(1));
        if (!Files.isRegularFile(file)) {
            System.err.println("Nothing imported: " + file + " is not a readable file");
            return 1;
        }
        Provenance provenance = new Provenance("command:" + System.getProperty("user.name", "unknown"),
                "import " + file.getFileName());
        long[] imported = {0};
        try {
            PeopleImportSummary s = people.load(file, provenance, size, p -> {
                imported[0] = p.people();
                System.out.printf("%d lines read: %d people and %d households imported, %d skipped (%.1f s)%n",
                        p.lines(), p.people(), p.households(), p.skipped(), p.elapsed().toMillis() / 1000.0);
            });
            double seconds = Math.max(s.elapsed().toMillis(), 1) / 1000.0;
            System.out.printf("Imported %d people and %d households from %s in %.1f s (%.0f lines/s); %d lines"
                    + " already imported were skipped%n", s.people(), s.households(), file, seconds,
                    s.lines() / seconds, s.skipped());
            return 0;
        } catch (PeopleImportException | UncheckedIOException e) {
            System.err.println("Import of " + file + " stopped at " + e.getMessage());
            System.err.println("The " + imported[0] + " people of the batches before that line are imported; after"
                    + " fixing it, run the same command again: imported lines are skipped.");
            return 1;
        }
    }
}
