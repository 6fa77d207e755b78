package org.populus.procedure;

import java.time.Instant;

/** Where a request came from ({@code User-Ip} and {@code User-Agent} headers of the calling application). */
public record Location(String ip, String userAgent, Instant time) {
}
