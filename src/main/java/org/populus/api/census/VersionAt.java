package org.populus.api.census;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code version_at} parameter: {@code YYYY-MM-DD HH:MM +HH:MM} (the document), {@code YYYY-MM-DD HH:MM:SS UTC}
 * (the real client) and ISO-8601; without an offset the time is UTC. A {@code +} left unencoded in a query string
 * arrives as a blank, so {@code 10:57 01:00} is read as {@code 10:57 +01:00}.
 */
final class VersionAt {

    private static final Pattern UNENCODED_PLUS = Pattern.compile("^(.*\\d) +(\\d{2}:?\\d{2})$");

    private static final List<DateTimeFormatter> WITH_OFFSET = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS] XXX"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS] XX"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]XXX"),
            DateTimeFormatter.ISO_OFFSET_DATE_TIME);

    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private VersionAt() {
    }

    static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.endsWith(" UTC") || s.endsWith(" GMT")) {
            s = s.substring(0, s.length() - 4).strip() + " Z";
        }
        Matcher m = UNENCODED_PLUS.matcher(s);
        if (m.matches() && m.group(1).contains(":")) {
            s = m.group(1) + " +" + m.group(2);
        }
        for (DateTimeFormatter f : WITH_OFFSET) {
            try {
                return Optional.of(OffsetDateTime.parse(s, f).toInstant());
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return Optional.of(LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
