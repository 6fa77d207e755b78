package org.populus.verification;

/**
 * A file that may not be stored: its content type is not allowed ({@link Reason#CONTENT_TYPE}, {@link #value()} is
 * the content type as given), it is larger than the limit ({@link Reason#TOO_LARGE}, {@link #value()} is its size
 * and {@link #limit()} the largest size allowed, in bytes), or it is empty ({@link Reason#EMPTY}).
 */
public class AttachmentRejected extends RuntimeException {

    /** Why a file was rejected. */
    public enum Reason { CONTENT_TYPE, TOO_LARGE, EMPTY }

    private final Reason reason;
    private final String filename;
    private final String value;
    private final long limit;

    AttachmentRejected(Reason reason, String filename, String value, long limit) {
        super(reason + " " + filename + (value == null ? "" : ": " + value) + (limit > 0 ? " (limit " + limit + ")" : ""),
                null, false, false);
        this.reason = reason;
        this.filename = filename;
        this.value = value;
        this.limit = limit;
    }

    public Reason reason() {
        return reason;
    }

    public String filename() {
        return filename;
    }

    /** The offending value: the content type for CONTENT_TYPE, the size in bytes for TOO_LARGE, "0" for EMPTY. */
    public String value() {
        return value;
    }

    /** The largest size allowed in bytes for TOO_LARGE; 0 otherwise. */
    public long limit() {
        return limit;
    }
}
