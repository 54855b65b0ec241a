package dev.jwtauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtauth.security.BearerCredentials.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verification rule 1 (docs/security.md): where the token comes from. */
class BearerCredentialsTest {

  @Test
  void noHeaderOrAnotherSchemeLeavesTheCallerAnonymous() {
    assertEquals(Kind.ABSENT, BearerCredentials.extract(List.of()).kind());
    assertEquals(Kind.ABSENT, BearerCredentials.extract(List.of("Basic YWxpY2U6c2VjcmV0")).kind());
    assertEquals(Kind.ABSENT, BearerCredentials.extract(List.of("Bearerx abc")).kind());
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    for (String scheme : List.of("Bearer", "bearer", "BEARER", "bEaReR")) {
      BearerCredentials credentials = BearerCredentials.extract(List.of(scheme + " abc.def.ghi"));
      assertEquals(Kind.TOKEN, credentials.kind());
      assertEquals("abc.def.ghi", credentials.token());
    }
  }

  /** Undertow (WildFly) hands the application a tab as a space: Payara must read it the same. */
  @Test
  void aTabAfterTheSchemeSeparatesLikeASpace() {
    BearerCredentials credentials = BearerCredentials.extract(List.of("Bearer\tabc.def.ghi"));
    assertEquals(Kind.TOKEN, credentials.kind());
    assertEquals("abc.def.ghi", credentials.token());
  }

  @Test
  void anEmptyBearerIsItsOwnKind() {
    assertEquals(Kind.EMPTY, BearerCredentials.extract(List.of("Bearer")).kind());
    assertEquals(Kind.EMPTY, BearerCredentials.extract(List.of("Bearer   ")).kind());
  }

  @Test
  void moreThanOneCredentialIsMultiple() {
    assertEquals(
        Kind.MULTIPLE, BearerCredentials.extract(List.of("Bearer a.b.c", "Bearer d.e.f")).kind());
    assertEquals(
        Kind.MULTIPLE, BearerCredentials.extract(List.of("Bearer a.b.c, Bearer d.e.f")).kind());
  }
}
