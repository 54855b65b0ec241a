package dev.jwtauth.verify;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * OAuth scopes (RFC 6749 §3.3): space-separated in the {@code scope} claim, parameter and token
 * response, a set everywhere else. The one place where scope text is split and joined; the text is
 * always sorted, so equal sets read the same.
 *
 * @param values the scopes, sorted
 */
public record Scopes(SortedSet<String> values) {

  public Scopes {
    values = Collections.unmodifiableSortedSet(new TreeSet<>(values));
  }

  /** From space-separated text; null or blank is no scope. */
  public static Scopes parse(String text) {
    TreeSet<String> values = new TreeSet<>();
    if (text != null && !text.isBlank()) {
      values.addAll(Arrays.asList(text.trim().split("\\s+")));
    }
    return new Scopes(values);
  }

  public static Scopes of(Collection<String> values) {
    return new Scopes(new TreeSet<>(values));
  }

  public boolean contains(String scope) {
    return values.contains(scope);
  }

  /** The space-separated form. */
  @Override
  public String toString() {
    return String.join(" ", values);
  }
}
