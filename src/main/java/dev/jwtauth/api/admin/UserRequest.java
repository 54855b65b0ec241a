package dev.jwtauth.api.admin;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * The body of {@code POST /admin/users}; without roles the user gets {@code user}. The profile,
 * attributes, permissions and organization (an id) are optional and checked by the service (a
 * refusal names the field).
 */
public record UserRequest(
    @NotEmpty(message = "username is required")
        @Size(max = 100, message = "username must have at most 100 characters")
        String username,
    @NotEmpty(message = "password is required")
        @Size(max = 1024, message = "password must have at most 1024 characters")
        String password,
    Set<@NotEmpty(message = "roles must not be empty strings") String> roles,
    String email,
    @JsonbProperty("email_verified") Boolean emailVerified,
    String name,
    @JsonbProperty("given_name") String givenName,
    @JsonbProperty("family_name") String familyName,
    JsonObject attributes,
    Set<@NotNull(message = "permissions must not hold null") String> permissions,
    String organization) {}
