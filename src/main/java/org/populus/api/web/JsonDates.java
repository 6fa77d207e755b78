package org.populus.api.web;

import java.time.LocalDate;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;

/**
 * A date in JSON is text ({@code "YYYY-MM-DD"}): a number where a date is expected (say {@code 99999999999}) is an
 * unreadable body, refused with the surface's 400 — not taken as a count of days since 1970, as Jackson does by
 * default, which let clients give days no person or document has. Text is read as before (an empty text is no date,
 * a date and time gives its day).
 */
@Configuration(proxyBeanMethods = false)
class JsonDates {

    @Bean
    JsonMapperBuilderCustomizer datesAreText() {
        return builder -> builder.withCoercionConfig(LocalDate.class,
                c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }
}
