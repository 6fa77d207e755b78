package org.populus.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchingSetTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedWritesTheSameFile() throws Exception {
        MatchingSet.write(dir.resolve("a.csv"), 500, 11);
        MatchingSet.write(dir.resolve("b.csv"), 500, 11);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv")));
    }

    @Test
    void fortyPerCentOfTheRecordsRepeatAnEarlierPersonInClustersOfTwoToFive() throws Exception {
        Path f = dir.resolve("s.csv");
        MatchingSet.write(f, 1000, 3);
        List<String> lines = Files.readAllLines(f);
        Map<String, Integer> perPerson = new HashMap<>();
        int repeats = 0;
        for (String line : lines.subList(1, lines.size())) {
            String person = line.split(",")[1];
            if (perPerson.merge(person, 1, Integer::sum) > 1) {
                repeats++;
            }
        }
        assertEquals(1000, lines.size() - 1);
        assertEquals(400, repeats);
        assertTrue(perPerson.values().stream().allMatch(n -> n >= 1 && n <= 5));
    }

    @Test
    void firstRegistrationsCarryValidAndDistinctDnis() throws Exception {
        Path f = dir.resolve("s.csv");
        MatchingSet.write(f, 1000, 5);
        Set<String> seen = new HashSet<>();
        Set<String> dnis = new HashSet<>();
        for (String line : Files.readAllLines(f).subList(1, 1001)) {
            String[] c = line.split(",");
            if (seen.add(c[1])) {
                String dni = c[7];
                assertEquals(SpanishPeople.DNI_LETTERS.charAt(Integer.parseInt(dni.substring(0, 8)) % 23),
                        dni.charAt(8), dni);
                assertTrue(dnis.add(dni), dni);
            }
        }
    }

    @Test
    void dniCheckLetterIsTheNumberModulo23() {
        assertEquals("12345678Z", SpanishPeople.dni(12_345_678));
        assertEquals("00000000T", SpanishPeople.dni(0));
    }
}
