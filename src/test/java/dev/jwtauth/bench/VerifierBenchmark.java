package dev.jwtauth.bench;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtauth.verify.RevocationList;
import dev.jwtauth.verify.TestTokens;
import dev.jwtauth.verify.TokenVerifier;
import dev.jwtauth.verify.VerifiedToken;
import dev.jwtauth.verify.VerifiedTokenCache;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The bearer check against a bare RS256 verification of the same token, in one run: {@link
 * TokenVerifier} without its cache (every verification rule), with the cache (a token presented
 * again), Nimbus parsing and verifying the signature only, and the JCA verifying the signature of
 * the signing input only. Run by {@link VerifierBench} (scripts/bench.sh verify).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VerifierBenchmark {

  private String token;
  private TokenVerifier uncached;
  private TokenVerifier cached;
  private RSASSAVerifier nimbus;
  private RSAPublicKey publicKey;
  private byte[] signingInput;
  private byte[] signature;

  @Setup
  public void setUp() throws Exception {
    token = TestTokens.valid();
    RevocationList revocations = new RevocationList(TestTokens.CLOCK);
    uncached =
        new TokenVerifier(TestTokens.settings(), TestTokens.keys(), revocations, TestTokens.CLOCK);
    cached =
        new TokenVerifier(
            TestTokens.settings(),
            TestTokens.keys(),
            revocations,
            TestTokens.CLOCK,
            VerifiedTokenCache.ofMaxBytes(32L << 20, TestTokens.CLOCK));
    publicKey = TestTokens.KEY.toRSAPublicKey();
    nimbus = new RSASSAVerifier(publicKey);
    int lastDot = token.lastIndexOf('.');
    signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
    signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
    if (!bareNimbus() || !bareJca() || uncached().jti() == null || cached().jti() == null) {
      throw new IllegalStateException("the token does not verify");
    }
  }

  /** Every rule, no cache: what a token presented for the first time costs. */
  @Benchmark
  public VerifiedToken uncached() throws Exception {
    return uncached.verify(token);
  }

  /** A token presented again: expiry, revocation and key checks only. */
  @Benchmark
  public VerifiedToken cached() throws Exception {
    return cached.verify(token);
  }

  /** Nimbus: parse the JWS and check its signature, no claim rule. */
  @Benchmark
  public boolean bareNimbus() throws Exception {
    return SignedJWT.parse(token).verify(nimbus);
  }

  /** The JCA alone: the signature over the signing input, nothing parsed. */
  @Benchmark
  public boolean bareJca() throws Exception {
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(publicKey);
    rsa.update(signingInput);
    return rsa.verify(signature);
  }
}
