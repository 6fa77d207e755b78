package org.populus.api.openg2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.shared.TextLimits;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;

/**
 * Texts the OpenG2P API stores are capped ({@link TextLimits}) and may not hold a NUL character: such input is a
 * 400 with OpenG2P's code (G2P-REQ-005 for an ID value, G2P-REQ-006 for a phone, G2P-REQ-012 otherwise) whose
 * description names the field without quoting the whole value, and nothing is stored.
 */
class OpenG2pTextLimitsTest extends HttpTest {

    private static final String INDIVIDUAL = "/api/v1/registry/individual/";

    private String[] admin;
    private String family;

    @BeforeEach
    void login() {
        admin = session(adminSession());
        family = "Limits" + unique();
    }

    private Map<String, Object> person(Object... overrides) {
        Map<String, Object> m = new LinkedHashMap<>(obj("given_name", "Ana", "family_name", family,
                "ids", List.of(obj("id_type", "National ID", "value", "NID" + unique()))));
        for (int i = 0; i < overrides.length; i += 2) {
            m.put((String) overrides[i], overrides[i + 1]);
        }
        return m;
    }

    /** Text that does not compress: a unique value of this length. */
    static String incompressible(int length) {
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            b.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return b.substring(0, length);
    }

    private void refused(Response r, String code, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errorCode").asString()).as(r.toString()).isEqualTo(code);
        assertThat(r.json().get("errorDescription").asString()).as(r.toString()).contains(field).hasSizeLessThan(200);
        assertThat(api.get(INDIVIDUAL + "?name=" + family, admin).status()).as("nothing stored").isEqualTo(400);
    }

    @Test
    void anOverlongNamePartIsG2pReq012NamingTheField() {
        refused(api.post(INDIVIDUAL, person("given_name", "A".repeat(TextLimits.NAME_PART + 1)), admin),
                "G2P-REQ-012", "given_name");
        refused(api.post(INDIVIDUAL, person("address", incompressible(TextLimits.ADDRESS + 1)), admin),
                "G2P-REQ-012", "address");
    }

    @Test
    void aNameAtTheLimitIsStored() {
        Response r = api.post(INDIVIDUAL, person("addl_name", "é".repeat(TextLimits.NAME_PART)), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void anIdValueOfAFewKilobytesIsG2pReq005WithoutEchoingIt() {
        String value = incompressible(5_000);
        Response r = api.post(INDIVIDUAL, person("ids", List.of(obj("id_type", "National ID", "value", value))),
                admin);
        refused(r, "G2P-REQ-005", "100");
        assertThat(r.body()).doesNotContain(value.substring(0, 100));
    }

    @Test
    void anOverlongPhoneIsG2pReq006() {
        refused(api.post(INDIVIDUAL, person("phone_numbers", List.of(obj("phone_no", "+34" + "6".repeat(40)))),
                admin), "G2P-REQ-006", "phone");
    }

    @Test
    void aNulCharacterInAnyTextIsA400() {
        refused(api.post(INDIVIDUAL, person("given_name", "A\u0000na"), admin), "G2P-REQ-012", "given_name");
        refused(api.post(INDIVIDUAL, person("birth_place", "Le\u0000on"), admin), "G2P-REQ-012", "birth_place");
        refused(api.post(INDIVIDUAL, person("additional_g2p_info", obj("k", "v\u0000")), admin), "G2P-REQ-012",
                "additional_info");
        refused(api.post(INDIVIDUAL, person("additional_g2p_info", obj("k\u0000", 1)), admin), "G2P-REQ-012",
                "additional_info");
        refused(api.post(INDIVIDUAL, person("ids", List.of(obj("id_type", "National ID", "value", "1\u00002"))),
                admin), "G2P-REQ-005", "NUL");
    }

    @Test
    void additionalInformationOverItsSizeOrKeyCountIsG2pReq012() {
        Map<String, Object> many = new LinkedHashMap<>();
        for (int i = 0; i <= TextLimits.ADDITIONAL_INFO_KEYS; i++) {
            many.put("k" + i, i);
        }
        refused(api.post(INDIVIDUAL, person("additional_g2p_info", many), admin), "G2P-REQ-012", "additional_info");
        refused(api.post(INDIVIDUAL, person("additional_g2p_info", obj("k", incompressible(TextLimits.ADDITIONAL_INFO))),
                admin), "G2P-REQ-012", "additional_info");
    }

    @Test
    void anOverlongGroupNameIsG2pReq012() {
        Response r = api.post("/api/v1/registry/group/", obj("name", family + "x".repeat(TextLimits.DISPLAY_NAME),
                "members", List.of()), admin);
        refused(r, "G2P-REQ-012", "name");
    }

    @Test
    void updateIdentificationWithAnOverlongValueIsG2pReq005() {
        long id = api.post(INDIVIDUAL, person(), admin).json().get("id").asLong();
        Response r = api.patch(INDIVIDUAL + "updateIdentification", obj("id_type", "National ID", "value",
                incompressible(3_000), "partner_id", id), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("G2P-REQ-005");
    }

    @Test
    void aLoginWithANulCharacterIsRefusedWithoutA500() {
        Response r = api.post("/session/auth/login", obj("login", "ad\u0000min", "password", "x"));
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("401");
    }
}
