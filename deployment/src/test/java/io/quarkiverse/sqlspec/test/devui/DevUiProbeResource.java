package io.quarkiverse.sqlspec.test.devui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.HttpSession;

@Path("/devui-probe")
public class DevUiProbeResource {

    @Inject
    DbSession db;

    @Inject
    HttpSession session;

    @GET
    @Path("/{n}")
    public int echo(@PathParam("n") int n) {
        return db.selectValue(Integer.class, "SELECT $1::int", n);
    }

    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** Holds its pooled connection until {@code /release}, so that the pool figures show it. */
    @GET
    @Path("/hold")
    public int hold() throws InterruptedException {
        int one = db.selectValue(Integer.class, "SELECT 1");
        return RELEASE.await(60, TimeUnit.SECONDS) ? one : -1;
    }

    @POST
    @Path("/release")
    public void release() {
        RELEASE.countDown();
    }

    @POST
    @Path("/session")
    public String remember() {
        session.put("seen", true);
        return "remembered";
    }
}
