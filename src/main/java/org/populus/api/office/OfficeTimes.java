package org.populus.api.office;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Instants as the back office shows them, in UTC (the "as of" picker reads its value as UTC too); templates call it
 * as {@code ${@officeTimes.seconds(instant)}}.
 */
@Component("officeTimes")
class OfficeTimes {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    public String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant);
    }

    public String minutes(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    /** The value of a {@code datetime-local} input for this instant, in UTC, to the second. */
    public String picker(Instant instant) {
        return instant == null ? "" : PICKER.format(instant);
    }
}
