package org.populus.api.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A date in JSON is text ({@code "YYYY-MM-DD"}): a number where a date is expected (say {@code 99999999999}) is an
 * unreadable body, refused with the surface's 400 — not taken as a count of days since 1970 (Jackson's lenient
 * default), which let clients give days no person or document has.
 */
@Configuration(proxyBeanMethods = false)
class JsonDates {

    @Bean
    JsonMapperBuilderCustomizer datesAreText() {
        return builder -> builder.withConfigOverride(LocalDate.class,
                o -> o.setFormat(JsonFormat.Value.forLeniency(false)));
    }
}
