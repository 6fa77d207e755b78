package org.populus.api.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body read through a check: every byte read, alone or in a block, is shown to {@link #inspect} before
 * the reader gets it, and the end of the body to {@link #ended}; either may refuse the body by throwing. The bytes
 * pass through unchanged. (The body-size limit and the UTF-8 check are such checks.)
 */
abstract class InspectingInputStream extends ServletInputStream {

    private final ServletInputStream delegate;
    private final byte[] one = new byte[1];

    InspectingInputStream(ServletInputStream delegate) {
        this.delegate = delegate;
    }

    /** The {@code length} bytes just read into {@code buffer} from {@code offset}. */
    abstract void inspect(byte[] buffer, int offset, int length) throws IOException;

    /** The body has ended. */
    void ended() throws IOException {
    }

    @Override
    public final int read() throws IOException {
        int b = delegate.read();
        if (b < 0) {
            ended();
        } else {
            one[0] = (byte) b;
            inspect(one, 0, 1);
        }
        return b;
    }

    @Override
    public final int read(byte[] buffer, int offset, int length) throws IOException {
        int n = delegate.read(buffer, offset, length);
        if (n < 0) {
            ended();
        } else if (n > 0) {
            inspect(buffer, offset, n);
        }
        return n;
    }

    @Override
    public boolean isFinished() {
        return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        delegate.setReadListener(listener);
    }
}
