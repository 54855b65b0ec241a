package dev.jwtauth.verify;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;

/**
 * A public key ready to verify, decoded once when keys are loaded. The key fixes the algorithm: a
 * token naming this {@code kid} must use exactly {@link #algorithm()}.
 */
public record VerificationKey(String kid, JWSAlgorithm algorithm, JWSVerifier verifier) {}
