package dev.jwtauth.revocation;

/** A revocation was written in the current transaction (the feed wakes its readers on commit). */
public record RevocationRecorded() {}
