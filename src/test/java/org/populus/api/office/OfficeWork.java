package org.populus.api.office;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.populus.history.Provenance;
import org.populus.person.CensusStatus;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.populus.procedure.Issues;
import org.populus.procedure.PersonDataInput;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureType;
import org.populus.procedure.Procedures;
import org.populus.verification.Upload;

/**
 * Data for the review-queue and issues tests, made through the procedure module as the Census API makes it: people
 * registered with valid Spanish data (unique names and documents), document verifications with real files. The
 * queue's background workers process them, so waits poll until the expected state is committed.
 */
final class OfficeWork {

    private static final String NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    private final Procedures procedures;
    private final Registrants registrants;
    private final Issues issues;

    OfficeWork(Procedures procedures, Registrants registrants, Issues issues) {
        this.procedures = procedures;
        this.registrants = registrants;
        this.issues = issues;
    }

    /** A valid DNI nobody else is likely to hold. */
    static String dni() {
        int n = ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        return String.format("%08d", n) + NIF_LETTERS.charAt(n % 23);
    }

    /** A name of letters only, unique (the same name and birth date would be a duplicated person). */
    static String uniqueName() {
        return "Ana" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12).chars()
                .mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16)))).collect(Collectors.joining());
    }

    /** Registers a person with this document; returns their id. */
    long register(String dni) {
        return procedures.register(new PersonDataInput(uniqueName(), "Review", null, "dni", dni, "ES", "1980-01-01",
                "female", "Calle Mayor 1", "ES", "28001", "ana-" + uniqueName() + "@example.org", "ES", null),
                ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE) + "@office-" + uniqueName(),
                "origin_qualified_id", null, Provenance.system("test"));
    }

    /** A person whose registration the queue accepted. */
    long enabledPerson() {
        long id = register(dni());
        eventually(() -> person(id).status().state() == CensusStatus.State.ENABLED, () -> "person " + id
                + " enabled");
        return id;
    }

    Registrant person(long id) {
        return registrants.find(id).orElseThrow();
    }

    /**
     * A pending document verification of a new enabled person, prioritized (first in the review order), with a PNG
     * image, a PDF and an RTF file; returns the procedure.
     */
    Procedure documentVerification() {
        long person = enabledPerson();
        procedures.requestDocumentVerification(person, List.of(new Upload("front.png", "image/png", png()),
                new Upload("back.pdf", "application/pdf", pdf()),
                new Upload("note.rtf", "application/rtf", "{\\rtf1 note}".getBytes(StandardCharsets.US_ASCII))),
                true, null, Provenance.system("test"));
        return procedures.ofPerson(person).stream().filter(p -> p.type() == ProcedureType.DOCUMENT_VERIFICATION)
                .findFirst().orElseThrow();
    }

    /** Two people holding the same document: the first enabled, the second's registration held by the issue. */
    record Duplicates(long genuine, long copy, long issue) {
    }

    Duplicates duplicatedDocument() {
        String dni = dni();
        long genuine = register(dni);
        eventually(() -> person(genuine).status().state() == CensusStatus.State.ENABLED, () -> "genuine enabled");
        long copy = register(dni);
        eventually(() -> !issues.list(false, copy, 10, 0).isEmpty(), () -> "an open issue of " + copy);
        return new Duplicates(genuine, copy, issues.list(false, copy, 10, 0).get(0).id());
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(40, 24, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.BLUE);
        g.fillRect(0, 0, 40, 24);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    static void eventually(BooleanSupplier condition, Supplier<String> what) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
