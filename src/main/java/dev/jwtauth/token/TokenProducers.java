package dev.jwtauth.token;

import dev.jwtauth.config.SignInSettings;
import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.keys.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the plain issuing classes (kept free of CDI so unit tests build them directly). */
@ApplicationScoped
public class TokenProducers {

  @Produces
  @Singleton
  AccessTokenIssuer issuer(
      TokenSettings settings, KeyRing keys, Clock clock, TokenCustomizers customizers) {
    return new AccessTokenIssuer(settings, keys::signer, clock, customizers);
  }

  @Produces
  @Singleton
  IdTokenIssuer idTokenIssuer(
      TokenSettings settings, SignInSettings signIn, KeyRing keys, Clock clock) {
    return new IdTokenIssuer(settings.issuer(), keys::signer, clock, signIn.idTokenTtl());
  }

  @Produces
  @Singleton
  PermissionPolicy permissionPolicy(TokenSettings settings) {
    return new PermissionPolicy(settings.rolePermissions());
  }

  @Produces
  @Singleton
  ScopePolicy scopePolicy(TokenSettings settings) {
    return new ScopePolicy(settings.roleScopes());
  }
}
