package io.quarkiverse.sqlspec.benchmark.app;

import java.sql.SQLException;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.agroal.api.AgroalDataSource;

/** The same JDBC inside @Transactional (Narayana): what most Quarkus applications do for writes. */
@Path("/jta/users")
public class JtaUsers {

    @Inject
    AgroalDataSource dataSource;

    @GET
    @Path("/{id}")
    @Transactional
    public User get(@PathParam("id") long id) throws SQLException {
        return JdbcUsers.find(dataSource, id);
    }

    @POST
    @Transactional
    public long create(NewUser user) throws SQLException {
        return JdbcUsers.insert(dataSource, user);
    }
}
