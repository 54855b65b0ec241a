package dev.jwtauth.api.me;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/me/password}. */
public record PasswordChangeRequest(
    @JsonbProperty("current_password")
        @NotEmpty(message = "current_password is required")
        @Size(max = 1024, message = "current_password must have at most 1024 characters")
        String currentPassword,
    @JsonbProperty("new_password")
        @NotEmpty(message = "new_password is required")
        @Size(max = 1024, message = "new_password must have at most 1024 characters")
        String newPassword) {}
