package dev.jwtauth.api.auth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /auth/login} (README.md, the API table), checked by Bean Validation. */
public record LoginRequest(
    @NotEmpty(message = "username is required")
        @Size(max = 100, message = "username must have at most 100 characters")
        String username,
    @NotEmpty(message = "password is required")
        @Size(max = 1024, message = "password must have at most 1024 characters")
        String password,
    @Size(max = 1000, message = "scope must have at most 1000 characters") String scope,
    @JsonbProperty("token_delivery")
        @Pattern(regexp = "body|cookie", message = "token_delivery must be body or cookie")
        String tokenDelivery) {}
