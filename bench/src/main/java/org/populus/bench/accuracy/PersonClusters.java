package org.populus.bench.accuracy;

import java.util.HashMap;
import java.util.Map;

/**
 * People joined into clusters by the links found between them (union–find with path halving): two people are in
 * one cluster when a chain of links connects them.
 */
public final class PersonClusters {

    private final Map<Long, Long> parent = new HashMap<>();

    /** Records that {@code a} and {@code b} are the same person. */
    public void join(long a, long b) {
        long ra = find(a);
        long rb = find(b);
        if (ra != rb) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }

    /** The cluster of {@code person}: the same value for every person of one cluster. */
    public long find(long person) {
        long p = person;
        Long up = parent.get(p);
        while (up != null) {
            Long grand = parent.get(up);
            if (grand != null) {
                parent.put(p, grand);
            }
            p = up;
            up = parent.get(p);
        }
        return p;
    }
}
