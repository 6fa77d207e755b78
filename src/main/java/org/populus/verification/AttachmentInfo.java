package org.populus.verification;

import java.time.Instant;

/** A stored document-verification file, without its content ({@link Attachments#content}); size in bytes. */
public record AttachmentInfo(long id, long procedureId, String filename, String contentType, long size,
        Instant createdAt) {
}
