package org.populus.platform.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Streams rows to PostgreSQL with {@code COPY … from stdin} (text format) on the connection of the current
 * transaction, so the rows commit or roll back with the rest of it. Values are written with {@link #add}, each row
 * ended with {@link #endRow}; {@link #finish} ends the copy. Rows are sent in chunks as they are written, so a large
 * copy never sits whole in memory. Until {@link #finish}, nothing else may use the transaction's connection (no
 * query, not even one made indirectly, such as a cache refresh): decide everything the rows need before starting.
 */
public final class CopyWriter {

    private static final int CHUNK = 1 << 18;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private boolean rowStarted;
    private long rows;

    private CopyWriter(CopyIn copy) {
        this.copy = copy;
    }

    /**
     * Starts {@code copySql} (a {@code copy <table> (<columns>) from stdin} statement) on the current transaction's
     * connection.
     *
     * @throws IllegalStateException outside a transaction
     */
    public static CopyWriter start(DataSource dataSource, String copySql) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("COPY must run inside a transaction");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return new CopyWriter(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql));
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not start " + copySql, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Adds the next value of the current row: null is SQL NULL; other values are written as their text. */
    public CopyWriter add(Object value) {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            buffer.append("\\N");
        } else if (value instanceof Boolean b) {
            buffer.append(b ? 't' : 'f');
        } else if (value instanceof Number || value instanceof java.time.LocalDate
                || value instanceof java.time.Instant) {
            buffer.append(value);
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** Ends the current row. */
    public void endRow() {
        buffer.append('\n');
        rowStarted = false;
        rows++;
        if (buffer.length() >= CHUNK) {
            flush();
        }
    }

    /** Sends what is left and ends the copy; returns the number of rows written. */
    public long finish() {
        flush();
        try {
            copy.endCopy();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("COPY failed: " + e.getMessage(), e);
        }
        return rows;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the copy failed already; the transaction rolls back
            }
            throw new DataAccessResourceFailureException("COPY failed: " + e.getMessage(), e);
        }
    }
}
