package dev.jwtauth.it;

import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The set-up every black-box test of the real WAR shares: the one running service of the test run
 * ({@link SharedService}: the built {@code auth.war} plus test support), and an HTTP client on the
 * loopback. Each test still makes its own users and data.
 */
@ExtendWith(SharedService.class)
abstract class ServiceIT {

  static final String PASSWORD = "a-password-for-tests";
  static final String EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

  /** The service's root ({@code http://127.0.0.1:<port>/}). */
  URL base;

  /** The shared service itself: its health address, its log. */
  ServiceProcess service;

  Http http;

  /** Called by {@link SharedService} before each test. */
  void attach(ServiceProcess service) {
    this.service = service;
    this.base = service.baseUrl();
  }

  @BeforeEach
  void connect() {
    http = new Http(base).withHealthAt(service.healthUri("/"));
  }
}
