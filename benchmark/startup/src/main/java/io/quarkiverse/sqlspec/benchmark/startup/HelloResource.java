package io.quarkiverse.sqlspec.benchmark.startup;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The first response marks the end of startup. */
@Path("/hello")
public class HelloResource {

    @GET
    public String hello() {
        return "hello";
    }
}
