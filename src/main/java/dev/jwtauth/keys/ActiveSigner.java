package dev.jwtauth.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;

/** The key new tokens are signed with, decoded once. */
public record ActiveSigner(String kid, JWSAlgorithm algorithm, JWSSigner signer) {}
