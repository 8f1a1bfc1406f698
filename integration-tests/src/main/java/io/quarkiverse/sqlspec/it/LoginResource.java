package io.quarkiverse.sqlspec.it;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.sqlspec.HttpSession;
import io.quarkiverse.sqlspec.SqlSpec;

/**
 * SQLSpec's session example: log in, see your profile, log out. The session lives in the database.
 */
@Path("/")
public class LoginResource {

    public record Credentials(String username, String password) {
    }

    record Account(long id, String passwordHash) {
    }

    @Inject
    SqlSpec sqlspec;

    @Inject
    HttpSession session;

    /**
     * The account is read in a short transaction of its own, so that no pooled connection is held while the password
     * hash is computed (a deliberately slow, CPU-bound step): the request's own connection is taken afterwards, for
     * the session.
     */
    @POST
    @Path("/login")
    public Response login(Credentials credentials) {
        Account account = credentials == null || credentials.username() == null ? null
                : sqlspec.transaction(db -> db.selectOneOrNull(Account.class,
                        "SELECT id, password_hash FROM accounts WHERE username = $1", credentials.username()));
        if (account == null || credentials.password() == null
                || !Passwords.matches(credentials.password(), account.passwordHash())) {
            return Response.status(Response.Status.UNAUTHORIZED).entity(Map.of("error", "invalid credentials")).build();
        }
        session.regenerateId(); // a session id planted before login is worthless after it
        session.put("user_id", account.id());
        return Response.ok(Map.of("status", "logged in")).build();
    }

    @GET
    @Path("/profile")
    public Response profile() {
        return session.get("user_id", Long.class)
                .map(userId -> Response.ok(Map.of("user_id", userId)).build())
                .orElseGet(() -> Response.status(Response.Status.UNAUTHORIZED)
                        .entity(Map.of("error", "not logged in")).build());
    }

    @POST
    @Path("/logout")
    public Map<String, String> logout() {
        session.invalidate();
        return Map.of("status", "logged out");
    }
}
