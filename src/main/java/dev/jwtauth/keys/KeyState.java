package dev.jwtauth.keys;

import java.time.Instant;

/**
 * Where a signing key stands in its life, without its key material.
 *
 * @param activateAt when a next key starts signing (null otherwise)
 * @param activatedAt when the key started signing (null for a next key)
 * @param retiredAt when the key stopped signing (null unless retired)
 * @param unpublishAt when a retired key leaves the JWKS: every token it signed has expired by then
 */
public record KeyState(
    String kid,
    String algorithm,
    SigningKey.Status status,
    Instant createdAt,
    Instant activateAt,
    Instant activatedAt,
    Instant retiredAt,
    Instant unpublishAt) {}
