package org.populus.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The individuals the scenarios read: their ids and names, loaded by this run or found in the database. */
final class Population {

    private final long[] ids;
    private final String[] given;
    private final String[] family;

    private Population(long[] ids, String[] given, String[] family) {
        this.ids = ids;
        this.given = given;
        this.family = family;
    }

    int size() {
        return ids.length;
    }

    long id(int i) {
        return ids[i];
    }

    /** What a clerk would type to find person {@code i}: given name, a space, family name. */
    String searchName(int i) {
        return given[i] + " " + family[i];
    }

    /**
     * What a clerk types while looking for person {@code i}: the first 3 letters of the given name and the first 4
     * of the family name ({@code jos garc}).
     */
    String typedPrefixes(int i) {
        return prefix(given[i], 3) + " " + prefix(family[i], 4);
    }

    /** Four letters from inside the family name of person {@code i} (from its second letter): a mid-word substring. */
    String innerFragment(int i) {
        String f = family[i];
        return f.length() <= 2 ? f : f.substring(1, Math.min(f.length(), 5));
    }

    private static String prefix(String word, int letters) {
        return word.codePointCount(0, word.length()) <= letters ? word
                : word.substring(0, word.offsetByCodePoints(0, letters));
    }

    /** The {@code k} most frequent family names, most frequent first, with how many people carry each. */
    List<Map.Entry<String, Integer>> commonFamilyNames(int k) {
        Map<String, Integer> counts = new HashMap<>();
        for (String f : family) {
            counts.merge(f, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .limit(k)
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList();
    }

    static final class Builder {
        private long[] ids;
        private String[] given;
        private String[] family;
        private int size;

        Builder(int capacity) {
            ids = new long[Math.max(16, capacity)];
            given = new String[ids.length];
            family = new String[ids.length];
        }

        void add(long id, String givenName, String familyName) {
            if (size == ids.length) {
                int cap = size * 2;
                ids = Arrays.copyOf(ids, cap);
                given = Arrays.copyOf(given, cap);
                family = Arrays.copyOf(family, cap);
            }
            ids[size] = id;
            given[size] = givenName;
            family[size] = familyName;
            size++;
        }

        Population build() {
            return new Population(Arrays.copyOf(ids, size), Arrays.copyOf(given, size), Arrays.copyOf(family, size));
        }
    }
}
