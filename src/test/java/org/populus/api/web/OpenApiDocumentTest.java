package org.populus.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** springdoc's Jackson 2 mapper names properties as the application's Jackson 3 mapper does. */
class OpenApiDocumentTest {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Named(String displayName, String validationRegex) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Kebab(String displayName) {
    }

    public record Plain(String displayName) {
    }

    @Test
    void jackson3NamingIsReadByTheDocumentsMapper() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        OpenApiDocument.wireNames(mapper);
        OpenApiDocument.wireNames(mapper); // once is enough
        assertThat(mapper.writeValueAsString(new Named("A", "^x$")))
                .isEqualTo("{\"display_name\":\"A\",\"validation_regex\":\"^x$\"}");
        assertThat(mapper.writeValueAsString(new Kebab("A"))).isEqualTo("{\"display-name\":\"A\"}");
        assertThat(mapper.writeValueAsString(new Plain("A"))).isEqualTo("{\"displayName\":\"A\"}");
    }
}
