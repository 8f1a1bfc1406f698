package io.quarkiverse.sqlspec.runtime.http;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkiverse.sqlspec.runtime.database.RowStreamImpl;

/**
 * The row stream writer of applications with {@code quarkus-rest-jackson}: every row through one generator of the
 * application's {@link ObjectMapper}, instead of a JAX-RS writer call (a generator and a String) per row, which costs
 * as much as reading the row.
 */
@Singleton
public class JacksonRowStreamBodyWriter extends RowStreamBodyWriter {

    private static final SerializedString NEW_LINE = new SerializedString("\n");

    @Inject
    ObjectMapper mapper;

    @Override
    <T> void writeRows(RowStreamImpl<T> rows, Annotation[] annotations, MediaType mediaType, boolean lines,
            OutputStream body) throws IOException {
        ObjectWriter writer = mapper.writerFor(rows.rowType()).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator json = mapper.getFactory().createGenerator(unclosable(body))) {
            if (lines) {
                json.setRootValueSeparator(NEW_LINE);
            } else {
                json.writeStartArray();
            }
            boolean any = false;
            for (T row : rows) {
                writer.writeValue(json, row);
                any = true;
            }
            if (!lines) {
                json.writeEndArray();
            } else if (any) {
                json.writeRaw('\n');
            }
        }
    }
}
