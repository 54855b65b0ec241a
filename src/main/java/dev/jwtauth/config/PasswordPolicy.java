package dev.jwtauth.config;

/**
 * The rules a new password must follow (administration, password change, bootstrap admin).
 *
 * @param minLength the shortest password accepted when a password is set
 */
public record PasswordPolicy(int minLength) {

  public PasswordPolicy {
    if (minLength < 8) {
      throw new IllegalArgumentException("auth.password.min-length must be at least 8");
    }
  }
}
