package io.quarkiverse.sqlspec.test.nativeimage;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.RowType;

/**
 * Row types reached every way the build must see: class literals, a record used for named parameters, an annotation.
 */
@Path("/mapped")
public class MappedResource {

    public record Listed(int id) {
    }

    public static class Single {
        public int id;
    }

    public record NewThing(String name) {
    }

    @RowType
    public static class ReachedThroughAVariable {
        public int id;
    }

    /** Never given to SQLSpec: must not be registered. */
    public static class Unrelated {
        public int id;
    }

    @Inject
    DbSession db;

    @GET
    public List<Listed> list() {
        return db.select("SELECT 1 AS id").all(Listed.class);
    }

    @GET
    @Path("/one")
    public int one() {
        return db.selectOne(Single.class, "SELECT 1 AS id").id;
    }

    @POST
    public long insert() {
        return db.execute("SELECT :name", new NewThing("x")).rowsAffected();
    }

    /** A class literal in a method that maps nothing. */
    String describe() {
        return Unrelated.class.getName();
    }
}
