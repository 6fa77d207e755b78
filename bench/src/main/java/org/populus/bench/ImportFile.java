package org.populus.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a people file for Populus's {@code import-people} command: {@code count} realistic people (names drawn
 * from {@link Names}' frequency lists, accents included), in households of 1 to 6 with one Head each (a third of
 * the people living alone are imported without a household), each with a National ID ({@code NID} + the line's
 * number, so the write scenarios' new NIDs never collide), one in five with a passport, and 0 to 2 phones.
 * Deterministic for a seed.
 */
final class ImportFile {

    static final String HEADER = "import_id,given_name,family_name,second_family_name,gender,birthdate,ids,phones,"
            + "household,household_name,member_kinds";
    /** Household sizes 1..6: cumulative shares, roughly those of a census. */
    private static final double[] SIZES = {0.26, 0.56, 0.76, 0.92, 0.97, 1.0};

    private ImportFile() {
    }

    /** Writes the file; returns the number of households in it. */
    static long write(Path file, long count, long seed) throws IOException {
        PersonGenerator generator = new PersonGenerator(seed);
        long written = 0;
        long households = 0;
        StringBuilder line = new StringBuilder(256);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            long unit = 0;
            while (written < count) {
                SplittableRandom r = new SplittableRandom(seed * 31 + unit);
                double u = r.nextDouble();
                int size = 1;
                while (u > SIZES[size - 1]) {
                    size++;
                }
                size = (int) Math.min(size, count - written);
                boolean alone = size == 1 && r.nextInt(3) == 0;
                PersonGenerator.Person[] members = generator.household(unit, size);
                unit++;
                if (!alone) {
                    households++;
                }
                for (int m = 0; m < members.length; m++) {
                    PersonGenerator.Person p = members[m];
                    long importId = written + 1;
                    line.setLength(0);
                    line.append(importId).append(',').append(p.givenName()).append(',').append(p.familyName())
                            .append(',').append(p.addlName() == null ? "" : p.addlName()).append(',')
                            .append(p.gender()).append(',').append(p.birthdate()).append(',')
                            .append("National ID=").append(PersonGenerator.nid(importId));
                    if (r.nextInt(5) == 0) {
                        line.append(";Passport=").append(String.format(Locale.ROOT, "PA%08d", importId));
                    }
                    line.append(',');
                    int phones = m == 0 ? 1 + r.nextInt(2) : r.nextInt(2);
                    for (int k = 0; k < phones; k++) {
                        if (k > 0) {
                            line.append(';');
                        }
                        line.append(k == 0 ? p.phone() : String.format(Locale.ROOT, "+34 9%02d %03d %03d",
                                r.nextInt(100), r.nextInt(1000), r.nextInt(1000)));
                    }
                    line.append(',');
                    if (!alone) {
                        line.append(unit).append(',');
                        if (m == 0) {
                            line.append("Household ").append(members[0].familyName());
                        }
                        line.append(',').append(m == 0 ? "Head" : "");
                    } else {
                        line.append(",,");
                    }
                    line.append('\n');
                    out.append(line);
                    written++;
                }
            }
        }
        return households;
    }
}
