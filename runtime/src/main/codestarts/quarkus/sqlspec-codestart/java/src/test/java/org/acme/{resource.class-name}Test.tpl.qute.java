package org.acme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class {resource.class-name}Test {

    @Test
    void addedGreetingsAreListed() {
        given().contentType("text/plain").body("Hello, database")
                .when().post("{resource.path}")
                .then().statusCode(200).body("message", is("Hello, database"));
        given().when().get("{resource.path}")
                .then().statusCode(200).body("message", hasItems("Hello from SQLSpec", "Hello, database"));
    }
}
