package io.quarkiverse.sqlspec.runtime.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.inject.Singleton;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

import io.quarkiverse.sqlspec.RowStream;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.quarkiverse.sqlspec.runtime.database.RowStreamImpl;

/**
 * Writes a {@link RowStream} returned by a resource method while its rows are read: a JSON array, or one JSON document
 * per line for {@code application/x-ndjson}. Each row goes through the application's own JSON provider (Jackson or
 * JSON-B; with Jackson, {@link JacksonRowStreamBodyWriter} writes all rows with one generator), so it looks exactly as
 * the same row returned in a list. Runs on the worker thread of the blocking method
 * that opened the stream; the output stream blocks when the client reads slower than the database, which bounds the
 * memory to one fetch of rows plus the output buffer.
 * <p>
 * The request's transaction ends here, after the last row: committed as its final status says, rolled back when
 * writing fails. A commit that fails after rows were sent aborts the response, so the client sees an incomplete body,
 * never a complete one for work that was not saved.
 */
@Singleton
public class RowStreamBodyWriter implements MessageBodyWriter<RowStream<?>> {

    public static final String NDJSON = "application/x-ndjson";
    private static final MediaType NDJSON_TYPE = new MediaType("application", "x-ndjson");

    private static final Logger LOG = Logger.getLogger(RowStreamBodyWriter.class);

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return RowStream.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(RowStream<?> rows, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream body) throws IOException {
        RowStreamImpl<?> stream = (RowStreamImpl<?>) rows;
        if (!RowStreamImpl.endsAfterBody(stream)) {
            stream.close();
            // its transaction ended with the method (@Transactional, SqlSpec.transaction): the cursor is gone
            throw new SqlSpecException("A RowStream returned by a resource method must read in the request's own"
                    + " transaction, which ends after the body is written; this one was opened inside @Transactional"
                    + " or SqlSpec.transaction(...), which ended when the method returned. Open it outside them, or"
                    + " read it inside and return a list");
        }
        boolean lines = mediaType.isCompatible(NDJSON_TYPE);
        MediaType rowMediaType = lines ? MediaType.APPLICATION_JSON_TYPE : mediaType;
        boolean written = false;
        try {
            writeRows(stream, annotations, rowMediaType, lines, body);
            written = true;
        } finally {
            endTransaction(stream, written);
        }
    }

    private static void endTransaction(RowStreamImpl<?> stream, boolean written) throws IOException {
        try {
            stream.bodyWritten(written);
        } catch (RuntimeException e) {
            if (!written) {
                LOG.debug("Ending the transaction of a failed streamed response failed too", e);
                return; // the failure that stopped the rows is the one to report
            }
            if (!CurrentRequestManager.get().serverResponse().headWritten()) {
                throw e; // nothing sent yet: the client gets the error response instead of the buffered rows
            }
            LOG.errorf(e, "The rows of %s were sent but its transaction did not commit; the response is aborted",
                    CurrentRequestManager.get().getPath());
            throw new IOException("The transaction of a streamed response did not commit", e);
        }
    }

    /** Writes every row: {@code [row,row]}, or one row per line when {@code lines}. */
    <T> void writeRows(RowStreamImpl<T> rows, Annotation[] annotations, MediaType mediaType, boolean lines,
            OutputStream body) throws IOException {
        Class<T> rowType = rows.rowType();
        MessageBodyWriter<T> rowWriter = rowWriter(rowType, annotations, mediaType);
        // row writers close and flush the stream they are given (Jackson does by default): a flush per row would send
        // a chunk per row; the output stream sends full buffers, and the rest at the end of the body
        OutputStream rowBody = unclosable(body);
        MultivaluedMap<String, Object> rowHeaders = new MultivaluedHashMap<>();
        boolean first = true;
        if (!lines) {
            body.write('[');
        }
        for (T row : rows) {
            if (!first && !lines) {
                body.write(',');
            }
            first = false;
            rowWriter.writeTo(row, rowType, rowType, annotations, mediaType, rowHeaders, rowBody);
            if (lines) {
                body.write('\n');
            }
        }
        if (!lines) {
            body.write(']');
        }
    }

    static OutputStream unclosable(OutputStream body) {
        return new FilterOutputStream(body) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> MessageBodyWriter<T> rowWriter(Class<T> rowType, Annotation[] annotations, MediaType mediaType) {
        Providers providers = CurrentRequestManager.get().getProviders();
        MessageBodyWriter<T> writer = providers.getMessageBodyWriter(rowType, rowType, annotations, mediaType);
        if (writer == null || writer instanceof RowStreamBodyWriter) {
            throw new InternalServerErrorException("No writer for rows of " + rowType.getName() + " as " + mediaType
                    + ": add a JSON extension (quarkus-rest-jackson or quarkus-rest-jsonb) to stream rows as JSON");
        }
        return writer;
    }
}
