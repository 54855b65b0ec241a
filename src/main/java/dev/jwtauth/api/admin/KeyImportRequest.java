package dev.jwtauth.api.admin;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The body of {@code POST /admin/keys}: a private key as {@code pem} (PKCS#8) or as {@code jwk} (a
 * JSON object), and whether it signs at once ({@code activate}) or becomes the next key.
 */
public record KeyImportRequest(
    @Size(max = 16_000, message = "pem must have at most 16000 characters") String pem,
    Map<String, Object> jwk,
    Boolean activate) {

  @AssertTrue(message = "give the key as exactly one of pem and jwk")
  public boolean isOneKey() {
    return (pem == null) != (jwk == null);
  }
}
