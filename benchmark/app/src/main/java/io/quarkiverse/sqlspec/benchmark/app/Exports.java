package io.quarkiverse.sqlspec.benchmark.app;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.RowStream;

/**
 * The export scenario: every row of the 1,000,000-row table {@code big} as one JSON array, streamed by SQLSpec, by
 * hand-written JDBC with the same fetch size, and materialized as a list (what select().all() would do) for contrast;
 * plus the heap the JVM needed, read from its memory pools.
 */
@Path("/")
public class Exports {

    static final String ALL = "SELECT id, name, email FROM big ORDER BY id";
    static final int FETCH_SIZE = 1000;

    @Inject
    DbSession db;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @GET
    @Path("/sqlspec/export")
    @Produces(MediaType.APPLICATION_JSON)
    public RowStream<User> sqlspec() {
        return db.stream(User.class, ALL);
    }

    @GET
    @Path("/sqlspec/export-list")
    @Produces(MediaType.APPLICATION_JSON)
    public List<User> materialized() {
        return db.select(ALL).all(User.class);
    }

    /** What a user writes by hand: a cursor in a transaction, Jackson writing each row as it is read. */
    @GET
    @Path("/jdbc/export")
    @Produces(MediaType.APPLICATION_JSON)
    public StreamingOutput jdbc() {
        // without a flush after every row, as an expert writes it (ObjectMapper.writeValue flushes each value)
        ObjectWriter rows = mapper.writerFor(User.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        return (OutputStream body) -> {
            try (Connection connection = dataSource.getConnection();
                    JsonGenerator json = mapper.getFactory().createGenerator(body)) {
                connection.setAutoCommit(false);
                try (PreparedStatement statement = connection.prepareStatement(ALL)) {
                    statement.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = statement.executeQuery()) {
                        json.writeStartArray();
                        while (rs.next()) {
                            rows.writeValue(json, new User(rs.getLong(1), rs.getString(2), rs.getString(3)));
                        }
                        json.writeEndArray();
                    }
                    connection.commit();
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IOException(e);
            }
        };
    }

    /** Resets the peak usage of the heap's pools: the next {@code GET} reports the peak since. */
    @POST
    @Path("/memory/peak")
    public void resetPeak() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The most heap in use at once since the reset, in bytes: the sum of the heap pools' peaks (an upper bound). */
    @GET
    @Path("/memory/peak")
    public long peak() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }
}
