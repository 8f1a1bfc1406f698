package io.quarkiverse.sqlspec.test.reactive;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@Path("/reactive")
public class ReactiveResource {

    /**
     * Every kind of column the mappers read, by the same query on both drivers. Two differ by design and are left out:
     * jsonb text (PostgreSQL spaces it, the reactive client decodes it and writes it compact) and intervals (each
     * driver writes its own text form).
     */
    static final String EVERY_TYPE = """
            SELECT 1::int4 AS i, 2::int8 AS l, 3::int2 AS s, 1.50::numeric AS n, 2.5::float8 AS f, 'x'::text AS t,
                   '{"a":[1,2]}'::json AS j, '"plain"'::json AS js, ARRAY[1, 2]::int4[] AS a,
                   ARRAY['p', 'q'] AS ta, timestamptz '2026-01-02 03:04:05+00' AS ts,
                   timestamp '2026-01-02 03:04:05' AS lts, date '2026-01-02' AS d, time '03:04:05' AS tm,
                   uuid '6c1d8f0e-0b8a-4c55-9d4f-1f4f3a5e2b10' AS u, true AS b, NULL::text AS z, '\\x0102'::bytea AS by""";

    public record Note(long id, String body) {
    }

    @Inject
    DbSession db;

    void createTables(@Observes StartupEvent startup, SqlSpec sqlspec) {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, s -> s.executeScript("""
                CREATE TABLE IF NOT EXISTS reactive_parents (id int PRIMARY KEY);
                CREATE TABLE IF NOT EXISTS reactive_children (
                    id int PRIMARY KEY,
                    parent_id int REFERENCES reactive_parents (id) DEFERRABLE INITIALLY DEFERRED);
                CREATE TABLE IF NOT EXISTS reactive_notes (id bigserial PRIMARY KEY, body text UNIQUE);
                """));
    }

    /** pgjdbc and the reactive client name themselves differently to the server. */
    @GET
    @Path("/driver")
    public Uni<String> driver() {
        return db.async().selectValue(String.class, "SELECT current_setting('application_name')");
    }

    @POST
    @Path("/notes/{body}/{status}")
    public Uni<Response> insert(@PathParam("body") String body, @PathParam("status") int status) {
        return db.async().execute("INSERT INTO reactive_notes (body) VALUES (?)", body)
                .map(result -> Response.status(status).entity(result.rowsAffected()).build());
    }

    @POST
    @Path("/returning/{body}")
    public Uni<Note> insertReturning(@PathParam("body") String body) {
        return db.async().selectOne(Note.class, "INSERT INTO reactive_notes (body) VALUES (:body) RETURNING id, body",
                Map.of("body", body));
    }

    @POST
    @Path("/batch/{prefix}")
    public Uni<Long> batch(@PathParam("prefix") String prefix) {
        return db.async().executeMany("INSERT INTO reactive_notes (body) VALUES ($1)",
                List.of(prefix + "-1", prefix + "-2", prefix + "-3"));
    }

    /** The insert fails the deferred foreign key at COMMIT, after the resource answered 201. */
    @POST
    @Path("/orphan/{id}")
    public Uni<Response> orphan(@PathParam("id") int id) {
        return db.async().execute("INSERT INTO reactive_children (id, parent_id) VALUES ($1, 999)", id)
                .map(ignored -> Response.status(201).build());
    }

    /** The second insert violates the unique body: nothing of the request is kept. */
    @POST
    @Path("/duplicate/{body}")
    public Uni<String> duplicate(@PathParam("body") String body) {
        return db.async().execute("INSERT INTO reactive_notes (body) VALUES (?)", body)
                .chain(() -> db.async().execute("INSERT INTO reactive_notes (body) VALUES (?)", body))
                .map(ignored -> "saved twice");
    }

    /** A failed statement the application swallows: PostgreSQL aborted the transaction, the 200 must not stand. */
    @POST
    @Path("/swallowed/{body}")
    public Uni<String> swallowed(@PathParam("body") String body) {
        return db.async().execute("INSERT INTO reactive_notes (body) VALUES (?)", body)
                .chain(() -> db.async().execute("SELECT 1 / 0").onFailure().recoverWithNull())
                .map(ignored -> "ok");
    }

    /** Committed explicitly, then the request fails: what was committed stays. */
    @POST
    @Path("/committed-then-fails/{body}")
    public Uni<Response> committedThenFails(@PathParam("body") String body) {
        return db.async().execute("INSERT INTO reactive_notes (body) VALUES (?)", body)
                .chain(() -> db.async().commit())
                .map(ignored -> Response.status(500).build());
    }

    @GET
    @Path("/notes/{body}")
    public Uni<Note> find(@PathParam("body") String body) {
        return db.async().selectOneOrNull(Note.class, "SELECT id, body FROM reactive_notes WHERE body = ?", body);
    }

    @GET
    @Path("/row")
    public Uni<Map<String, Object>> row() {
        return db.async().selectOne(EVERY_TYPE);
    }

    @GET
    @Path("/row-blocking")
    @Blocking
    public Map<String, Object> rowBlocking() {
        return db.selectOne(EVERY_TYPE);
    }

    enum Color {
        RED,
        BLUE
    }

    /** Parameters the binders convert (time zones, big numbers, enums, arrays), read back as text. */
    static final String CONVERTED = """
            SELECT extract(epoch FROM ?::timestamptz)::text AS instant, extract(epoch FROM ?::timestamptz)::text AS zoned,
                   ?::numeric::text AS big, ?::text AS color, (?::int4[])::text AS ints, (?::int8[])::text AS longs,
                   (?::text[])::text AS colors, (?::numeric[])::text AS bigs""";

    static Object[] converted() {
        return new Object[] { Instant.ofEpochSecond(1767225600),
                ZonedDateTime.of(2026, 1, 1, 1, 0, 0, 0, ZoneId.of("Europe/Paris")),
                new BigInteger("123456789012345678901234567890"), Color.BLUE, List.of(1, 2, 3), new long[] { 4, 5 },
                new Color[] { Color.RED, Color.BLUE }, new BigInteger[] { BigInteger.TEN } };
    }

    @GET
    @Path("/converted")
    public Uni<Map<String, Object>> convertedParameters() {
        return db.async().selectOne(CONVERTED, converted());
    }

    @GET
    @Path("/converted-blocking")
    @Blocking
    public Map<String, Object> convertedParametersBlocking() {
        return db.selectOne(CONVERTED, converted());
    }

    /** JSON parameters: a map, and JSON text in a String. */
    @GET
    @Path("/json")
    public Uni<String> json() {
        return db.async().selectValue(String.class, "SELECT (?::jsonb ->> 'k') || '/' || (?::jsonb ->> 'k')",
                Map.of("k", "map"), "{\"k\": \"text\"}");
    }

    @GET
    @Path("/json-blocking")
    @Blocking
    public String jsonBlocking() {
        return db.selectValue(String.class, "SELECT (?::jsonb ->> 'k') || '/' || (?::jsonb ->> 'k')",
                Map.of("k", "map"), "{\"k\": \"text\"}");
    }

    @GET
    @Path("/json-invalid")
    public Uni<String> jsonInvalid() {
        return db.async().selectValue(String.class, "SELECT ?::jsonb ->> 'k'", "{not json");
    }

    /** An async statement on the reactive client, then a blocking one in the same request: refused. */
    @GET
    @Path("/mixed")
    public Uni<Long> mixed() {
        return db.async().selectValue(Long.class, "SELECT 1::int8")
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ignored -> db.selectValue(Long.class, "SELECT 2::int8"));
    }
}
