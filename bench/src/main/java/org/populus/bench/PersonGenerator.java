package org.populus.bench;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic people. Person {@code i} depends only on the seed and {@code i} (never on thread
 * scheduling), so two runs with the same seed create exactly the same population.
 *
 * <p>National IDs are {@code NID} + 9 digits, taken from a number handed in by the caller: the loader uses
 * {@code index + 1}, the write scenarios use numbers above every NID already in the database, so values never
 * collide within a run (the API refuses a duplicate with 400).
 */
final class PersonGenerator {

    static final String[] GENDERS = {"female", "male", "other", "undisclosed"};
    private static final long FIRST_BIRTH_DAY = LocalDate.of(1930, 1, 1).toEpochDay();
    private static final long LAST_BIRTH_DAY = LocalDate.of(2020, 12, 31).toEpochDay();

    /** Cumulative weights for drawing from each list with a Zipf-like skew. */
    private record Weighted(double[] cumulative) {
        static Weighted zipf(int size, double exponent) {
            double[] c = new double[size];
            double sum = 0;
            for (int r = 0; r < size; r++) {
                sum += 1.0 / Math.pow(r + 1, exponent);
                c[r] = sum;
            }
            for (int r = 0; r < size; r++) {
                c[r] /= sum;
            }
            return new Weighted(c);
        }

        int draw(SplittableRandom random) {
            double u = random.nextDouble();
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private record OriginTables(Names.Origin origin, Weighted female, Weighted male, Weighted family) {
    }

    record Person(long index, String origin, String givenName, String familyName, String addlName, String gender,
            LocalDate birthdate, String phone, String email, String address) {

        /** Display name as a clerk would type it: given, family, second family name. */
        String name() {
            return addlName == null ? givenName + " " + familyName : givenName + " " + familyName + " " + addlName;
        }
    }

    private final long seed;
    private final OriginTables[] origins;
    private final double[] originCumulative;

    PersonGenerator(long seed) {
        this.seed = seed;
        this.origins = new OriginTables[Names.ORIGINS.length];
        this.originCumulative = new double[Names.ORIGINS.length];
        double sum = 0;
        for (int i = 0; i < Names.ORIGINS.length; i++) {
            Names.Origin o = Names.ORIGINS[i];
            // mild skew on given names, stronger on family names: a full name matches ~6 people (median) at
            // 100,000, while the commonest family names are carried by thousands
            origins[i] = new OriginTables(o, Weighted.zipf(o.female().length, 0.3),
                    Weighted.zipf(o.male().length, 0.3), Weighted.zipf(o.family().length, 0.7));
            sum += o.weight();
            originCumulative[i] = sum;
        }
        for (int i = 0; i < originCumulative.length; i++) {
            originCumulative[i] /= sum;
        }
    }

    static String nid(long number) {
        if (number < 0 || number > 999_999_999L) {
            throw new IllegalArgumentException("National ID number out of range (9 digits): " + number);
        }
        return String.format(Locale.ROOT, "NID%09d", number);
    }

    private SplittableRandom random(long index, long stream) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + stream));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private OriginTables origin(SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < originCumulative.length; i++) {
            if (u < originCumulative[i]) {
                return origins[i];
            }
        }
        return origins[origins.length - 1];
    }

    /** The person of that index. */
    Person person(long index) {
        SplittableRandom r = random(index, 0);
        OriginTables o = origin(r);
        int g = r.nextInt(100);
        String gender = g < 48 ? "female" : g < 96 ? "male" : g < 98 ? "other" : "undisclosed";
        long birthDay = FIRST_BIRTH_DAY + r.nextLong(LAST_BIRTH_DAY - FIRST_BIRTH_DAY + 1);
        return build(index, r, o, gender, familyOf(r, o), LocalDate.ofEpochDay(birthDay));
    }

    private static String familyOf(SplittableRandom r, OriginTables o) {
        return o.origin().family()[o.family().draw(r)];
    }

    private Person build(long index, SplittableRandom r, OriginTables o, String gender, String family,
            LocalDate birthdate) {
        boolean female = gender.equals("female") || (!gender.equals("male") && r.nextBoolean());
        String given = female ? o.origin().female()[o.female().draw(r)] : o.origin().male()[o.male().draw(r)];
        String addl = o.origin().twoSurnames() ? familyOf(r, o) : null;
        String phone = String.format(Locale.ROOT, "+34 6%02d %03d %03d", r.nextInt(100), r.nextInt(1000),
                r.nextInt(1000));
        String email = ascii(given) + "." + ascii(family) + index + "@"
                + Names.MAIL_DOMAINS[r.nextInt(Names.MAIL_DOMAINS.length)];
        String floor = Names.FLOORS[r.nextInt(Names.FLOORS.length)];
        String address = Names.STREET_TYPES[r.nextInt(Names.STREET_TYPES.length)] + " "
                + Names.STREETS[r.nextInt(Names.STREETS.length)] + " " + (1 + r.nextInt(180))
                + (floor.isEmpty() ? "" : ", " + floor) + ", " + Names.CITIES[r.nextInt(Names.CITIES.length)];
        return new Person(index, o.origin().label(), given, family, addl, gender, birthdate, phone, email, address);
    }

    /** Lower-case ASCII of a name for an e-mail address: accents dropped, spaces and apostrophes removed. */
    static String ascii(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return d.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * The members of household {@code index} for the import file: {@code size} people sharing a family name (as
     * the Spanish and Latin-American second surname, too), an adult first (the Head), then a partner, then
     * children; phones vary from none to two.
     */
    Person[] household(long index, int size) {
        SplittableRandom r = random(index, 2);
        OriginTables o = origin(r);
        String family = familyOf(r, o);
        String headGender = r.nextInt(100) < 50 ? "female" : "male";
        LocalDate headBirth = LocalDate.ofEpochDay(LocalDate.of(1940, 1, 1).toEpochDay() + r.nextLong(365L * 62));
        Person[] members = new Person[size];
        for (int m = 0; m < size; m++) {
            String gender;
            LocalDate birth;
            if (m == 0) {
                gender = headGender;
                birth = headBirth;
            } else if (m == 1) {
                gender = headGender.equals("female") ? "male" : "female";
                birth = headBirth.plusDays(r.nextInt(3650) - 1825);
            } else {
                int g = r.nextInt(100);
                gender = g < 48 ? "female" : g < 96 ? "male" : g < 98 ? "other" : "undisclosed";
                birth = headBirth.plusYears(18 + r.nextInt(25)).plusDays(r.nextInt(365));
                if (birth.isAfter(LocalDate.of(2024, 12, 31))) {
                    birth = LocalDate.of(2024, 1 + r.nextInt(12), 1 + r.nextInt(28));
                }
            }
            members[m] = build(index * 8 + m, r, o, gender, m == 1 && r.nextInt(3) > 0 ? familyOf(r, o) : family,
                    birth);
        }
        return members;
    }

    /** JSON body of {@code POST /api/v1/registry/individual/}. */
    String individualJson(Person p, String nationalId) {
        Json j = new Json(512).open();
        j.field("name", p.name()).field("given_name", p.givenName()).field("family_name", p.familyName());
        if (p.addlName() != null) {
            j.field("addl_name", p.addlName());
        }
        j.field("gender", p.gender()).field("birthdate", p.birthdate().toString()).field("email", p.email())
                .field("address", p.address());
        j.raw(",\"ids\":[{\"id_type\":\"National ID\",\"value\":").string(nationalId).raw("}]");
        j.raw(",\"phone_numbers\":[{\"phone_no\":").string(p.phone()).raw("}]");
        return j.close().toString();
    }

    /**
     * JSON body of {@code POST /api/v1/registry/group/}: a household of four sharing a family name, an adult Head,
     * a partner and two children, each with its own National ID ({@code firstNid} .. {@code firstNid + 3}).
     */
    String householdJson(long index, long firstNid) {
        SplittableRandom r = random(index, 1);
        OriginTables o = origin(r);
        String family = familyOf(r, o);
        String headGender = r.nextBoolean() ? "female" : "male";
        String partnerGender = headGender.equals("female") ? "male" : "female";
        LocalDate headBirth = LocalDate.of(1950 + r.nextInt(46), 1 + r.nextInt(12), 1 + r.nextInt(28));
        LocalDate partnerBirth = headBirth.plusDays(r.nextInt(3650) - 1825);
        Person[] members = {
            build(index, r, o, headGender, family, headBirth),
            build(index, r, o, partnerGender, family, partnerBirth),
            build(index, r, o, r.nextBoolean() ? "female" : "male", family,
                    LocalDate.of(2000 + r.nextInt(21), 1 + r.nextInt(12), 1 + r.nextInt(28))),
            build(index, r, o, r.nextInt(10) == 0 ? "undisclosed" : r.nextBoolean() ? "female" : "male", family,
                    LocalDate.of(2000 + r.nextInt(21), 1 + r.nextInt(12), 1 + r.nextInt(28)))};
        Json j = new Json(1600).open();
        j.field("name", "Household " + family).field("kind", "Household");
        j.raw(",\"members\":[");
        for (int m = 0; m < members.length; m++) {
            Person p = members[m];
            if (m > 0) {
                j.raw(",");
            }
            j.open().field("name", p.name()).field("given_name", p.givenName()).field("family_name", p.familyName());
            if (p.addlName() != null) {
                j.field("addl_name", p.addlName());
            }
            j.field("gender", p.gender()).field("birthdate", p.birthdate().toString());
            j.raw(",\"ids\":[{\"id_type\":\"National ID\",\"value\":").string(nid(firstNid + m)).raw("}]");
            j.raw(m == 0 ? ",\"kind\":[{\"name\":\"Head\"}]" : ",\"kind\":[]");
            j.close();
        }
        j.raw("]");
        return j.close().toString();
    }

    /** Minimal JSON writer: enough for flat objects with string values, escaping per RFC 8259. */
    static final class Json {
        private final StringBuilder sb;
        private boolean first;

        Json(int capacity) {
            sb = new StringBuilder(capacity);
        }

        Json open() {
            sb.append('{');
            first = true;
            return this;
        }

        Json close() {
            sb.append('}');
            first = false;
            return this;
        }

        Json field(String name, String value) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(name);
            sb.append(':');
            return string(value);
        }

        Json raw(String s) {
            sb.append(s);
            first = false;
            return this;
        }

        Json string(String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
            return this;
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
