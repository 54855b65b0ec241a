package dev.jwtauth.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The set-up every black-box test of the real WAR shares: the deployment (the built {@code
 * auth.war} plus test support), and an HTTP client on the loopback. Each test still makes its own
 * users and data.
 */
@ExtendWith(ArquillianExtension.class)
abstract class ServiceIT {

  static final String PASSWORD = "a-password-for-tests";
  static final String EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.serviceWar();
  }

  @ArquillianResource URL base;
  Http http;

  @BeforeEach
  void connect() {
    http = new Http(base);
  }
}
