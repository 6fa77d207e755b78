package org.populus.api.census;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.populus.support.Api;
import org.populus.support.HttpTest;

/** Requests as the real Census client sends them: form-urlencoded, parameters in order. */
final class CensusForms {

    private static final AtomicInteger DNI = new AtomicInteger(
            (int) (System.nanoTime() % 40_000_000) + 10_000_000);

    private CensusForms() {
    }

    /** A valid DNI, different on every call. */
    static String dni() {
        int n = DNI.incrementAndGet();
        return String.format("%08d", n) + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23);
    }

    /** A valid NIE, different on every call. */
    static String nie() {
        int n = DNI.incrementAndGet() % 10_000_000;
        return "X" + String.format("%07d", n) + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23);
    }

    /** The fields of a valid registration under scope ES (unique names and document). */
    static Map<String, String> person() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("first_name", "Lucía");
        m.put("last_name1", "García" + HttpTest.unique());
        m.put("last_name2", "López");
        m.put("document_type", "dni");
        m.put("document_id", dni());
        m.put("document_scope_code", "ES");
        m.put("born_at", "1980-01-01");
        m.put("gender", "female");
        m.put("address", "Calle Mayor 1");
        m.put("address_scope_code", "ES");
        m.put("postal_code", "28001");
        m.put("email", "lucia" + HttpTest.unique() + "@example.org");
        m.put("scope_code", "ES");
        m.put("phone", "0034666" + String.format("%06d", DNI.incrementAndGet() % 1_000_000));
        return m;
    }

    /** {@code person[key]=value} for each field, as the real client nests them. */
    static List<String[]> nested(Map<String, String> fields) {
        List<String[]> list = new ArrayList<>();
        fields.forEach((k, v) -> list.add(new String[] {"person[" + k + "]", v}));
        return list;
    }

    static List<String[]> root(Map<String, String> fields) {
        List<String[]> list = new ArrayList<>();
        fields.forEach((k, v) -> list.add(new String[] {k, v}));
        return list;
    }

    static List<String[]> pairs(String... keyValues) {
        List<String[]> list = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            list.add(new String[] {keyValues[i], keyValues[i + 1]});
        }
        return list;
    }

    @SafeVarargs
    static String encode(List<String[]>... parts) {
        StringBuilder sb = new StringBuilder();
        for (List<String[]> part : parts) {
            for (String[] kv : part) {
                if (!sb.isEmpty()) {
                    sb.append('&');
                }
                sb.append(URLEncoder.encode(kv[0], StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    @SafeVarargs
    static Api.Response form(Api api, String method, String path, List<String[]>... parts) {
        return api.raw(method, path, encode(parts), "Content-Type", "application/x-www-form-urlencoded");
    }
}
