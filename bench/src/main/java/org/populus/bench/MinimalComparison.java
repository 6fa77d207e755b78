package org.populus.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Before the minimal server is measured: proof that it answers what Populus answers. For {@link #SAMPLE} ids
 * spread over the population, both must answer 200 with {@code Content-Type: application/json} and byte-identical
 * bodies (Populus writes the fields in a fixed order, so nothing is normalised); an id that does not exist, a
 * request without a session and one with an unknown session must get the same status and body from both. Any
 * difference fails the scenario, and the run.
 */
final class MinimalComparison {

    static final int SAMPLE = 20;

    private MinimalComparison() {
    }

    /** What was checked, or the first difference (then {@code failure} is not null). */
    record Outcome(String checked, String failure) {
    }

    static Outcome verify(Api populus, Api minimal, Population pop, PrintStream log) {
        List<Long> ids = new ArrayList<>();
        int n = pop.size();
        for (int i = 0; i < Math.min(SAMPLE, n); i++) {
            ids.add(pop.id((int) ((long) i * n / Math.min(SAMPLE, n))));
        }
        long bytes = 0;
        try {
            for (long id : ids) {
                HttpResponse<byte[]> a = populus.send(populus.getIndividual(id));
                HttpResponse<byte[]> b = minimal.send(minimal.getIndividual(id));
                String diff = difference("GET individual " + id, a, b);
                if (diff == null && a.statusCode() != 200) {
                    diff = "GET individual " + id + ": both answered HTTP " + a.statusCode() + ", expected 200: "
                            + Api.describe(a);
                }
                if (diff != null) {
                    return new Outcome(null, diff);
                }
                bytes += a.body().length;
            }
            long missing = Long.MAX_VALUE - 7;
            String diff = difference("GET of an id that does not exist (" + missing + ")",
                    populus.send(populus.getIndividual(missing)), minimal.send(minimal.getIndividual(missing)));
            if (diff == null) {
                diff = difference("GET without a session", populus.send(populus.getIndividualAnonymous(ids.get(0))),
                        minimal.send(minimal.getIndividualAnonymous(ids.get(0))));
            }
            if (diff == null) {
                diff = difference("GET with an unknown session",
                        populus.send(populus.getIndividualUnknownSession(ids.get(0))),
                        minimal.send(minimal.getIndividualUnknownSession(ids.get(0))));
            }
            if (diff != null) {
                return new Outcome(null, diff);
            }
        } catch (IOException e) {
            return new Outcome(null, "could not compare: " + e);
        }
        String checked = String.format(Locale.ROOT, "%d individuals byte-identical to Populus's answers (%,d bytes in "
                + "all), and the same status and body for an unknown id, no session and an unknown session",
                ids.size(), bytes);
        log.println("   minimal server verified: " + checked);
        return new Outcome(checked, null);
    }

    /** Null when status, content type and body are the same; else a description of the first difference. */
    static String difference(String what, HttpResponse<byte[]> a, HttpResponse<byte[]> b) {
        if (a.statusCode() != b.statusCode()) {
            return what + ": Populus answered HTTP " + a.statusCode() + ", the minimal server HTTP " + b.statusCode()
                    + " (" + Api.describe(a) + " | " + Api.describe(b) + ")";
        }
        String ta = a.headers().firstValue("Content-Type").orElse("");
        String tb = b.headers().firstValue("Content-Type").orElse("");
        if (!ta.equals(tb)) {
            return what + ": Content-Type '" + ta + "' from Populus, '" + tb + "' from the minimal server";
        }
        byte[] x = a.body();
        byte[] y = b.body();
        int at = Arrays.mismatch(x, y);
        if (at < 0) {
            return null;
        }
        return what + ": bodies differ at byte " + at + " (Populus " + x.length + " bytes, minimal " + y.length
                + "): Populus «…" + around(x, at) + "…» vs minimal «…" + around(y, at) + "…»";
    }

    private static String around(byte[] b, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(b.length, at + 40);
        return new String(b, from, to - from, StandardCharsets.UTF_8).replace('\n', ' ');
    }
}
