package org.populus.api.openg2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.populus.shared.Rule;
import org.populus.shared.RuleViolation;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.populus.api.web.BodyTooLargeException;

/** The error mapping on its own: every domain rule has an OpenG2P code, and the envelope has its three fields. */
class OpenG2pErrorsTest {

    private final OpenG2pErrors errors = new OpenG2pErrors();

    @Test
    void everyRuleMapsToAnOpenG2pCodeWithA400() {
        Set<String> codes = new java.util.HashSet<>();
        for (Rule rule : Rule.values()) {
            var response = errors.rule(new RuleViolation(rule, "f", "v", "text for " + rule));
            assertThat(response.getStatusCode().value()).isEqualTo(400);
            assertThat(response.getBody().errorCode()).startsWith("G2P-REQ-");
            assertThat(response.getBody().errorDescription()).isEqualTo("text for " + rule);
            codes.add(response.getBody().errorCode());
        }
        assertThat(codes).contains("G2P-REQ-005", "G2P-REQ-008", "G2P-REQ-011", "G2P-REQ-014");
    }

    @Test
    void specificRulesKeepTheOriginalCodes() {
        assertThat(code(Rule.GENDER_UNKNOWN)).isEqualTo("G2P-REQ-008");
        assertThat(code(Rule.GROUP_KIND_UNKNOWN)).isEqualTo("G2P-REQ-003");
        assertThat(code(Rule.MEMBER_KIND_UNKNOWN)).isEqualTo("G2P-REQ-004");
        assertThat(code(Rule.REGISTRANT_NOT_FOUND)).isEqualTo("G2P-REQ-013");
        assertThat(code(Rule.EMAIL_INVALID)).isEqualTo("G2P-REQ-007");
        assertThat(code(Rule.PHONE_INVALID)).isEqualTo("G2P-REQ-006");
        for (Rule r : EnumSet.of(Rule.ID_TYPE_UNKNOWN, Rule.ID_VALUE_INVALID, Rule.ID_ALREADY_REGISTERED)) {
            assertThat(code(r)).isEqualTo("G2P-REQ-005");
        }
    }

    @Test
    void anOversizedBodyIs413InTheEnvelope() {
        var e = new HttpMessageNotReadableException("x", new BodyTooLargeException(10),
                new MockHttpInputMessage(new byte[0]));
        var response = errors.unreadable(null, e);
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(((ErrorEnvelope) response.getBody()).errorCode()).isEqualTo("413");
        assertThat(((ErrorEnvelope) response.getBody()).errorDescription()).isEmpty();
    }

    @Test
    void theEnvelopeOfAG2pErrorCarriesTheFixedMessage() {
        var body = errors.g2p(new G2pException(G2pError.NOT_PRESENT, "Record is not present in the database."))
                .getBody();
        assertThat(body).isEqualTo(new ErrorEnvelope("G2P-REQ-010", "ID/Name not present.",
                "Record is not present in the database."));
    }

    private String code(Rule rule) {
        return errors.rule(new RuleViolation(rule, null, null, "m")).getBody().errorCode();
    }
}
