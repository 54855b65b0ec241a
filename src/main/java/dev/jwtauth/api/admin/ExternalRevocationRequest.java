package dev.jwtauth.api.admin;

/**
 * The body of {@code POST /admin/revocations}: a trusted issuer and either a {@code subject} or a
 * {@code jti} of its tokens (checked by the service; a refusal names the field).
 */
public record ExternalRevocationRequest(String issuer, String subject, String jti) {}
