/**
 * The guard, self-contained with {@code verify/}: the bearer {@code HttpAuthenticationMechanism}
 * (extracts the token, delegates to the {@link dev.jwtauth.verify.TokenVerifier}, makes the caller
 * a MicroProfile {@code JsonWebToken} whose {@code groups} are container roles), the authorization
 * feature that enforces {@code @RolesAllowed} and {@link dev.jwtauth.security.RequiresScope}, and
 * the RFC 6750 challenge and JSON error writer. Refusals are recorded on the request by the
 * mechanism and answered by the feature on protected endpoints. Nothing here depends on the JAX-RS
 * resources of {@code api/}.
 */
package dev.jwtauth.security;
