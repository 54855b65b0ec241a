package dev.jwtauth.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtauth.config.TokenSettings;
import dev.jwtauth.keys.ActiveSigner;
import dev.jwtauth.keys.KeyRing;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.text.ParseException;

/**
 * Test deployments only (added by {@link Deployments}, never in the product WAR): signs whatever
 * claims it is given with the service's real active key, so that tests can present expired or
 * wrongly addressed tokens that are otherwise genuine.
 */
@RequestScoped
@Path("test-support/mint")
@PermitAll
public class TestTokenMint {

  @Inject KeyRing keys;
  @Inject TokenSettings settings;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.TEXT_PLAIN)
  public String mint(String claimsJson) throws ParseException, JOSEException {
    ActiveSigner signer = keys.signer();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(signer.algorithm())
                .keyID(signer.kid())
                .type(new JOSEObjectType(settings.accessTokenType()))
                .build(),
            JWTClaimsSet.parse(claimsJson));
    jwt.sign(signer.signer());
    return jwt.serialize();
  }
}
