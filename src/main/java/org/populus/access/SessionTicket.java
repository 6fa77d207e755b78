package org.populus.access;

import java.time.Instant;

/** An open session: its id (sent back as header, cookie or Basic password) and when it stops working. */
public record SessionTicket(String sid, Instant expiresAt, UserAccount user) {
}
