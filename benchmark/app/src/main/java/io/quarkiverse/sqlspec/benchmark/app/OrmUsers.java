package io.quarkiverse.sqlspec.benchmark.app;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Hibernate ORM with Panache: findById, and persist in @Transactional. */
@Path("/orm/users")
public class OrmUsers {

    @GET
    @Path("/{id}")
    public User get(@PathParam("id") long id) {
        UserEntity entity = UserEntity.findById(id);
        if (entity == null) {
            throw new NotFoundException();
        }
        return new User(entity.id, entity.name, entity.email);
    }

    @POST
    @Transactional
    public long create(NewUser user) {
        UserEntity entity = new UserEntity();
        entity.name = user.name();
        entity.email = user.email();
        entity.persist();
        return entity.id;
    }
}
