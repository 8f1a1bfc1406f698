package io.quarkiverse.sqlspec.benchmark.app;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Panache's findById inside {@code @Transactional}: how applications that annotate a whole resource class read.
 * {@code orm} reads without a transaction, as the Panache guide recommends; both are measured.
 */
@Path("/orm-tx/users")
public class OrmTransactionalUsers {

    @GET
    @Path("/{id}")
    @Transactional
    public User get(@PathParam("id") long id) {
        UserEntity entity = UserEntity.findById(id);
        if (entity == null) {
            throw new NotFoundException();
        }
        return new User(entity.id, entity.name, entity.email);
    }
}
