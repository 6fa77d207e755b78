package org.populus.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The workers of each scenario. Each worker has its own random stream (seeded), so runs are repeatable. */
final class Scenarios {

    private Scenarios() {
    }

    private static SplittableRandom random(long seed, int scenario, int worker) {
        return new SplittableRandom(seed * 1_000_003L + scenario * 10_007L + worker);
    }

    /** A worker that sends whatever request the supplier makes and accepts any 2xx. */
    private static LoadRunner.Worker http(Api api, java.util.function.Supplier<HttpRequest> next) {
        return () -> {
            HttpResponse<byte[]> r = api.send(next.get());
            return Api.ok(r) ? null : Api.describe(r);
        };
    }

    /** (1) {@code GET /api/v1/registry/individual/{id}} of a random loaded individual. */
    static LoadRunner.WorkerFactory getById(Api api, Population pop, long seed) {
        return w -> {
            SplittableRandom r = random(seed, 1, w);
            return http(api, () -> api.getIndividual(pop.id(r.nextInt(pop.size()))));
        };
    }

    /**
     * (2) The raw primary-key lookup the app's GET rests on, straight over JDBC: {@code select * from party where
     * id = ?}, every column read, one connection per worker, server-side prepared after the driver's threshold.
     */
    static LoadRunner.WorkerFactory pkLookup(Database db, Population pop, long seed) {
        return w -> {
            SplittableRandom r = random(seed, 2, w);
            Connection c = db.connect();
            PreparedStatement ps;
            try {
                ps = c.prepareStatement(Database.PK_LOOKUP);
            } catch (Exception e) {
                c.close();
                throw e;
            }
            return new LoadRunner.Worker() {
                @Override
                public String call() throws Exception {
                    long id = pop.id(r.nextInt(pop.size()));
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return "no party row with id " + id;
                        }
                        int columns = rs.getMetaData().getColumnCount();
                        for (int i = 1; i <= columns; i++) {
                            rs.getObject(i);
                        }
                    }
                    return null;
                }

                @Override
                public void close() throws Exception {
                    try (c) {
                        ps.close();
                    }
                }
            };
        };
    }

    /** A search worker: 2xx answers must carry a JSON array. */
    private static LoadRunner.Worker search(Api api, java.util.function.Supplier<HttpRequest> next) {
        return () -> {
            HttpResponse<byte[]> resp = api.send(next.get());
            if (!Api.ok(resp)) {
                return Api.describe(resp);
            }
            byte[] b = resp.body();
            int i = 0;
            while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
                i++;
            }
            return i < b.length && b[i] == '[' ? null : "answer is not a JSON array: " + Api.describe(resp);
        };
    }

    /** (3a) {@code ?name=<given family>} of a random loaded individual: matches a handful of people. */
    static LoadRunner.WorkerFactory searchFullName(Api api, Population pop, long seed) {
        return w -> {
            SplittableRandom r = random(seed, 3, w);
            return search(api, () -> api.searchIndividuals(pop.searchName(r.nextInt(pop.size())), 0));
        };
    }

    /** (3b) {@code ?name=<common family name>&limit=20}: thousands match, the first 20 come back. */
    static LoadRunner.WorkerFactory searchCommonFamily(Api api, List<String> familyNames, long seed) {
        return w -> {
            SplittableRandom r = random(seed, 4, w);
            return search(api, () -> api.searchIndividuals(familyNames.get(r.nextInt(familyNames.size())), 20));
        };
    }

    /** The registrars' search (a JSON object with the page) for the query {@code next} gives. */
    static LoadRunner.WorkerFactory searchPeople(Api api, int stream, long seed,
            java.util.function.Function<SplittableRandom, String> next) {
        return w -> {
            SplittableRandom r = random(seed, stream, w);
            return () -> {
                HttpResponse<byte[]> resp = api.send(api.searchPeople(next.apply(r)));
                if (!Api.ok(resp)) {
                    return Api.describe(resp);
                }
                return resp.body().length > 0 && resp.body()[0] == '{' ? null
                        : "answer is not a JSON object: " + Api.describe(resp);
            };
        };
    }

    /** (3c) {@code ?name=<4 letters from inside a family name>&limit=20}: a substring that starts no word. */
    static LoadRunner.WorkerFactory searchFragment(Api api, Population pop, long seed) {
        return w -> {
            SplittableRandom r = random(seed, 5, w);
            return search(api, () -> api.searchIndividuals(pop.innerFragment(r.nextInt(pop.size())), 20));
        };
    }

    /** (4) {@code POST /api/v1/registry/individual/} of a new person with a never-used National ID. */
    static LoadRunner.WorkerFactory postIndividual(Api api, PersonGenerator gen, AtomicLong nextNid) {
        return w -> http(api, () -> {
            long nid = nextNid.getAndIncrement();
            return api.postIndividual(gen.individualJson(gen.person(1_000_000_000L + nid), PersonGenerator.nid(nid)));
        });
    }

    /** (5) {@code POST /api/v1/registry/group/}: a household of 4 new members, one of them Head. */
    static LoadRunner.WorkerFactory postGroup(Api api, PersonGenerator gen, AtomicLong nextNid) {
        return w -> http(api, () -> {
            long first = nextNid.getAndAdd(4);
            return api.postGroup(gen.householdJson(first, first));
        });
    }
}
