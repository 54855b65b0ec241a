package dev.jwtauth.api.admin;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /admin/clients}: without {@code type} a client is confidential; without
 * {@code audiences} it gets the configured ones.
 */
public record ClientRequest(
    @JsonbProperty("client_id")
        @NotEmpty(message = "client_id is required")
        @Size(max = 100, message = "client_id must have at most 100 characters")
        String clientId,
    @Pattern(regexp = "confidential|public", message = "type must be confidential or public")
        String type,
    @JsonbProperty("grant_types") @NotNull(message = "grant_types is required")
        Set<@NotNull(message = WORDS) @Pattern(regexp = "\\S{1,200}", message = WORDS) String>
            grantTypes,
    Set<@NotNull(message = WORDS) @Pattern(regexp = "\\S{1,200}", message = WORDS) String> scopes,
    Set<@NotNull(message = WORDS) @Pattern(regexp = "\\S{1,200}", message = WORDS) String>
        audiences,
    Set<@NotNull(message = WORDS) @Pattern(regexp = "\\S{1,200}", message = WORDS) String> roles,
    @JsonbProperty("access_token_ttl")
        @Digits(integer = 5, fraction = 0, message = TTL)
        @Min(value = 1, message = TTL)
        @Max(value = 86_400, message = TTL)
        BigDecimal accessTokenTtl,
    Set<@NotNull(message = WORDS) @Pattern(regexp = "\\S{1,200}", message = WORDS) String> claims,
    @JsonbProperty("revocation_feed") Boolean revocationFeed,
    String name,
    @JsonbProperty("redirect_uris") List<@NotNull(message = URIS) String> redirectUris,
    @JsonbProperty("post_logout_redirect_uris")
        List<@NotNull(message = URIS) String> postLogoutRedirectUris) {

  static final String WORDS =
      "grant types, scopes, audiences, roles and claims are 1 to 200 characters, no spaces";
  static final String TTL = "access_token_ttl must be whole seconds from 1 to 86400";
  static final String URIS = "redirect_uris and post_logout_redirect_uris hold strings";
}
