package dev.jwtauth.api.http;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * A form body with a bad percent escape ({@code grant_type=%zz}) is the client's mistake:
 * RESTEasy's form reader (WildFly) throws the JDK decoder's IllegalArgumentException, which would
 * be a 500; here it is a 400 {@code invalid_request}, as Jersey (Payara) answers.
 */
@Provider
public class MalformedFormBodies implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    try {
      return context.proceed();
    } catch (IllegalArgumentException malformed) {
      if (!MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(context.getMediaType())) {
        throw malformed;
      }
      throw new BadRequestException("The form body is not valid", malformed);
    }
  }
}
