package io.quarkiverse.sqlspec.it;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.exception.NoResultException;

@Path("/posts")
public class PostResource {

    public record Post(long id, String title, String content, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public record NewPost(String title, String content) {
    }

    /** A partial update: absent fields keep their value. */
    public record PostChanges(String title, String content) {
    }

    @Inject
    DbSession db;

    @GET
    @Path("/{id}")
    public Post get(@PathParam("id") long id) {
        return db.selectOne(Post.class, "SELECT * FROM posts WHERE id = $1", id);
    }

    @POST
    public Response create(NewPost post) {
        if (post == null || post.title() == null || post.content() == null) {
            throw BadRequests.because("title and content are required");
        }
        Post created = db.execute("INSERT INTO posts (title, content) VALUES (:title, :content) RETURNING *", post)
                .one(Post.class);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    public Post update(@PathParam("id") long id, PostChanges changes) {
        if (changes == null) {
            throw BadRequests.because("a JSON object with title and/or content is required");
        }
        return db.execute("""
                UPDATE posts
                   SET title = coalesce($2, title), content = coalesce($3, content), updated_at = now()
                 WHERE id = $1
                RETURNING *""", id, changes.title(), changes.content()).one(Post.class);
    }

    @DELETE
    @Path("/{id}")
    public Map<String, String> delete(@PathParam("id") long id) {
        if (db.execute("DELETE FROM posts WHERE id = $1", id).rowsAffected() == 0) {
            throw new NoResultException("DELETE FROM posts WHERE id = $1");
        }
        return Map.of("status", "deleted");
    }
}
