package org.populus.api.web;

import jakarta.servlet.ServletInputStream;

/**
 * A request body read through a strict UTF-8 check: a byte sequence that is not well-formed UTF-8 (an overlong
 * form such as {@code C0 AF} for "/", a surrogate, a code point above U+10FFFF, a stray continuation byte, a
 * sequence cut off at the end) makes reading fail with {@link MalformedBodyException} instead of being decoded
 * leniently into another character. The bytes themselves pass through unchanged.
 */
final class Utf8CheckedStream extends InspectingInputStream {

    /** Continuation bytes still expected, the code point so far and the smallest one its length may encode. */
    private int needed;
    private int codePoint;
    private int minimum;
    private long offset;

    Utf8CheckedStream(ServletInputStream delegate) {
        super(delegate);
    }

    @Override
    void inspect(byte[] buffer, int off, int length) throws MalformedBodyException {
        for (int i = 0; i < length; i++) {
            check(buffer[off + i] & 0xff);
        }
    }

    @Override
    void ended() throws MalformedBodyException {
        if (needed > 0) {
            throw malformed();
        }
    }

    private void check(int b) throws MalformedBodyException {
        if (needed == 0) {
            if (b < 0x80) {
                offset++;
                return;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                start(1, b & 0x1F, 0x80);
            } else if (b >= 0xE0 && b <= 0xEF) {
                start(2, b & 0x0F, 0x800);
            } else if (b >= 0xF0 && b <= 0xF4) {
                start(3, b & 0x07, 0x10000);
            } else {
                throw malformed();
            }
        } else {
            if ((b & 0xC0) != 0x80) {
                throw malformed();
            }
            codePoint = codePoint << 6 | b & 0x3F;
            needed--;
            if (needed == 0 && (codePoint < minimum || codePoint > 0x10FFFF
                    || codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                throw malformed();
            }
        }
        offset++;
    }

    private void start(int continuation, int bits, int smallest) {
        needed = continuation;
        codePoint = bits;
        minimum = smallest;
    }

    private MalformedBodyException malformed() {
        return new MalformedBodyException("The request body is not valid UTF-8 (at byte " + offset + ").");
    }
}
