package io.quarkiverse.sqlspec.test.devservices;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.agroal.api.AgroalDataSource;

@Path("/probe")
public class DevModeProbeResource {

    static final String VERSION = "before-reload";

    @Inject
    AgroalDataSource dataSource;

    @POST
    public String remember() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists remembered (note text)");
            s.execute("insert into remembered values ('kept across reloads')");
        }
        return "ok";
    }

    @GET
    public String describe() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select inet_server_port(), pg_postmaster_start_time(),"
                        + " (select count(*) from pg_tables where tablename = 'remembered')")) {
            rs.next();
            String rows = "0";
            if (rs.getInt(3) == 1) {
                try (ResultSet count = c.createStatement().executeQuery("select count(*) from remembered")) {
                    count.next();
                    rows = count.getString(1);
                }
            }
            return VERSION + " port=" + rs.getInt(1) + " started=" + rs.getString(2) + " rows=" + rows;
        }
    }
}
