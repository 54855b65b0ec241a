package dev.jwtauth.token;

/**
 * A hook into every access token the service issues (login, refresh, every OAuth grant,
 * impersonation): deploy a CDI bean implementing it with the WAR and it may add claims, for example
 * a subscription tier read from another system. It runs after the claims of the client's claim set
 * are in, once per token, on the thread of the request that asked for it.
 *
 * <p>It can add claims, never remove or change the fixed ones ({@code iss}, {@code sub}, {@code
 * aud}, {@code exp}, {@code iat}, {@code nbf}, {@code jti}, {@code client_id}, {@code scope},
 * {@code groups}, {@code sid}, {@code act}, {@code cnf}, {@code upn}, {@code preferred_username})
 * nor {@code org_id}, which the tenant rules trust: {@link AccessTokenContext#claim} refuses them.
 * A customizer that throws fails the issuance: the caller gets 500 {@code server_error}, the
 * failure is logged and audited ({@code token_customizer_failed}), and no token is issued without
 * its claims.
 */
@FunctionalInterface
public interface AccessTokenCustomizer {

  void customize(AccessTokenContext token);
}
