package org.populus.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.SurfaceFormats.assertErrorFormat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.populus.support.RawHttp;

/**
 * A request body that is not well-formed UTF-8 — the overlong {@code C0 AF}, which a lenient decoder reads as "/" —
 * is refused with the surface's 400, in JSON and form bodies, raw or percent-encoded; nothing is stored.
 */
class MalformedUtf8BodyHttpTest extends HttpTest {

    /** The overlong two-byte form of "/". */
    private static final byte[] OVERLONG_SLASH = {(byte) 0xC0, (byte) 0xAF};

    private RawHttp raw;
    private String[] admin;

    @BeforeEach
    void raw() {
        raw = new RawHttp(port);
        admin = new String[] {"X-Openerp-Session-Id", adminSession()};
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private void refused(String path, Api.Response r) {
        assertThat(r.status()).as("%s -> %s", path, r).isEqualTo(400);
        assertErrorFormat(path, r);
    }

    @Test
    void anOverlongSequenceInAnAdminJsonBodyIsA400AndNothingIsStored() {
        String name = "Kind" + unique();
        String path = "/admin/api/catalog/group-kinds";
        refused(path, raw.send("POST", path, bytes("{\"name\":\"" + name, OVERLONG_SLASH, "x\"}"),
                "Content-Type", "application/json", admin[0], admin[1]));
        assertThat(jdbc.sql("select count(*) from group_kind where name like ?").param(name + "%").query(Long.class)
                .single()).isZero();
    }

    @Test
    void anOverlongSequenceInAnOpenG2pJsonBodyIsA400InItsErrorFormat() {
        String family = "Overlong" + unique();
        String path = "/api/v1/registry/individual/";
        refused(path, raw.send("POST", path, bytes("{\"name\":\"Ana " + family + "\",\"given_name\":\"Ana\","
                + "\"family_name\":\"" + family, OVERLONG_SLASH, "\"}"), "Content-Type", "application/json",
                admin[0], admin[1]));
        assertThat(jdbc.sql("select count(*) from party where name like ?").param("%" + family + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLoneContinuationByteOrATruncatedSequenceInJsonIsA400() {
        String path = "/admin/api/catalog/group-kinds";
        refused(path, raw.send("POST", path, bytes("{\"name\":\"a", new byte[] {(byte) 0x80}, "\"}"),
                "Content-Type", "application/json", admin[0], admin[1]));
        refused(path, raw.send("POST", path, bytes("{\"name\":\"a\"}", new byte[] {(byte) 0xE2, (byte) 0x82}, ""),
                "Content-Type", "application/json", admin[0], admin[1]));
    }

    @Test
    void anOverlongSequenceInACensusFormBodyRawOrPercentEncodedIsA400() {
        String path = "/api/v1/people";
        refused(path, raw.send("POST", path, bytes(censusForm("Raw"), OVERLONG_SLASH, ""),
                "Content-Type", "application/x-www-form-urlencoded"));
        refused(path, raw.send("POST", path, (censusForm("Encoded") + "%C0%AF").getBytes(StandardCharsets.US_ASCII),
                "Content-Type", "application/x-www-form-urlencoded"));
    }

    @Test
    void anOverlongSequenceInACensusJsonBodyIsA400() {
        String path = "/api/v1/people";
        refused(path, raw.send("POST", path, bytes("{\"person\":{\"first_name\":\"Ana", OVERLONG_SLASH, "\"}}"),
                "Content-Type", "application/json"));
    }

    @Test
    void aMalformedFormBodyOfADeleteIsA400InTheSurfaceFormat() {
        String path = "/admin/api/catalog/group-kinds/999999999";
        refused(path, raw.send("DELETE", path, bytes("a=", OVERLONG_SLASH, ""),
                "Content-Type", "application/x-www-form-urlencoded", admin[0], admin[1]));
        String census = "/api/v1/people/1@census";
        refused(census, raw.send("DELETE", census, bytes("reason=", OVERLONG_SLASH, ""),
                "Content-Type", "application/x-www-form-urlencoded"));
    }

    @Test
    void wellFormedUtf8IsStillAccepted() {
        String name = "Clase ñ€𝄞 " + unique();
        var r = raw.send("POST", "/admin/api/catalog/group-kinds",
                ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                admin[0], admin[1]);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("name").asString()).isEqualTo(name);
    }

    /** A complete Census registration form whose last value (the e-mail's local part) continues with what follows. */
    private static String censusForm(String family) {
        return "person[first_name]=Ana&person[last_name1]=" + family + "&person[document_type]=dni"
                + "&person[document_id]=" + dni() + "&person[document_scope_code]=ES&person[born_at]=1980-01-01"
                + "&person[gender]=female&person[address]=Calle&person[address_scope_code]=ES"
                + "&person[postal_code]=28001&person[scope_code]=ES&person[email]=x" + unique() + "%40example.org"
                + "&person[last_name2]=Ruiz";
    }

    private static String dni() {
        int n = (int) (Math.random() * 90_000_000) + 10_000_000;
        return String.format("%08d", n) + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23);
    }
}
