package org.populus.bench.accuracy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.datafaker.Faker;
import net.datafaker.service.RandomService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The Spanish labelled set: {@code records} registrations of which about 40 % repeat an earlier person (1 to 4
 * repeats of one person, so clusters of 2 to 5) with the mistakes of {@link RegistrationErrors}. The file lists
 * them in the order a registry would have received them: every repeat after its person's first registration.
 * Deterministic for a seed.
 */
public final class MatchingSet {

    /** The CSV columns, in order. */
    static final String[] COLUMNS = {"rec_id", "person_id", "given_name", "family_name", "second_family_name",
        "gender", "birthdate", "dni", "phone", "address", "postal_code"};
    /** Share of the records that repeat an earlier person. */
    static final double DUPLICATE_SHARE = 0.40;
    /** How many repeats a repeated person gets: 1, 2, 3 or 4, with these weights (per cent). */
    private static final int[] REPEAT_WEIGHTS = {50, 25, 15, 10};

    /** What was written: records, people, repeats, and how many repeats carry each kind of mistake. */
    public record Summary(int records, int people, int duplicates, int[] clusterSizes,
            Map<RegistrationErrors.Kind, Integer> kinds, int[] mistakesPerDuplicate) {
    }

    private MatchingSet() {
    }

    /** One line of the file before it is written: when it comes (0..1) and what it is. */
    private record Slot(double at, int person, boolean duplicate) {
    }

    /** Writes the set; see the class comment. */
    public static Summary write(Path file, int records, long seed) throws IOException {
        Faker faker = SpanishPeople.faker(seed);
        RandomService random = faker.random();
        SpanishPeople people = new SpanishPeople(faker);
        RegistrationErrors errors = new RegistrationErrors(random, people);

        int originals = (int) Math.round(records * (1 - DUPLICATE_SHARE));
        int[] repeats = new int[originals];
        int left = records - originals;
        // every person can be repeated; draw which, and how often, until the repeats are all given
        List<Integer> order = new ArrayList<>(originals);
        for (int i = 0; i < originals; i++) {
            order.add(i);
        }
        for (int i = originals - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(i, order.set(j, order.get(i)));
        }
        for (int k = 0; left > 0 && k < originals; k++) {
            int n = Math.min(left, drawRepeats(random));
            repeats[order.get(k)] = n;
            left -= n;
        }

        // first registrations spread evenly over time, each repeat at a random moment after its person's first
        List<Slot> slots = new ArrayList<>(records);
        for (int p = 0; p < originals; p++) {
            double at = (p + random.nextDouble()) / originals;
            slots.add(new Slot(at, p, false));
            for (int d = 0; d < repeats[p]; d++) {
                slots.add(new Slot(at + (1 - at) * random.nextDouble(), p, true));
            }
        }
        slots.sort(Comparator.comparingDouble(Slot::at));

        SpanishRecord[] persons = new SpanishRecord[originals];
        for (int p = 0; p < originals; p++) {
            persons[p] = people.person(p + 1L);
        }
        Map<RegistrationErrors.Kind, Integer> kinds = new EnumMap<>(RegistrationErrors.Kind.class);
        int[] mistakes = new int[4];
        int[] clusterSizes = new int[6];
        for (int p = 0; p < originals; p++) {
            clusterSizes[1 + repeats[p]]++;
        }
        int duplicates = 0;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(COLUMNS)
                        .setRecordSeparator('\n').get())) {
            int recId = 0;
            for (Slot s : slots) {
                SpanishRecord r = persons[s.person()];
                if (s.duplicate()) {
                    RegistrationErrors.Applied a = errors.apply(r);
                    r = a.record();
                    a.kinds().forEach(k -> kinds.merge(k, 1, Integer::sum));
                    mistakes[a.kinds().size()]++;
                    duplicates++;
                }
                recId++;
                csv.printRecord("r" + recId, r.personId(), r.givenName(), r.familyName(), orEmpty(r.secondFamilyName()),
                        r.gender(), r.birthdate() == null ? "" : r.birthdate().toString(), orEmpty(r.dni()),
                        orEmpty(r.phone()), orEmpty(r.address()), orEmpty(r.postalCode()));
            }
        }
        return new Summary(records, originals, duplicates, clusterSizes, kinds, mistakes);
    }

    private static int drawRepeats(RandomService random) {
        int u = random.nextInt(100);
        for (int i = 0; i < REPEAT_WEIGHTS.length; i++) {
            u -= REPEAT_WEIGHTS[i];
            if (u < 0) {
                return i + 1;
            }
        }
        return REPEAT_WEIGHTS.length;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The summary as a few lines for the console (and the README's table). */
    public static String describe(Summary s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(java.util.Locale.ROOT, "%,d records: %,d people, %,d duplicates (%.1f %%)%n",
                s.records(), s.people(), s.duplicates(), 100.0 * s.duplicates() / s.records()));
        b.append("people by number of records (1..5): ").append(Arrays.toString(Arrays.copyOfRange(s.clusterSizes(),
                1, 6))).append('\n');
        b.append("duplicates by number of mistakes (1..3): ").append(Arrays.toString(Arrays.copyOfRange(
                s.mistakesPerDuplicate(), 1, 4))).append('\n');
        for (RegistrationErrors.Kind k : RegistrationErrors.Kind.values()) {
            int n = s.kinds().getOrDefault(k, 0);
            b.append(String.format(java.util.Locale.ROOT, "%-28s %,7d  %5.1f %% of duplicates  (%s)%n", k, n,
                    s.duplicates() == 0 ? 0 : 100.0 * n / s.duplicates(), k.description));
        }
        return b.toString();
    }
}
