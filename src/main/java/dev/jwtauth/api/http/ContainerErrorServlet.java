package dev.jwtauth.api.http;

import dev.jwtauth.guard.Jsons;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of the web application (web.xml): what the servlet container answers on its own —
 * a header JAX-RS could not parse, a cookie Undertow refuses, an exception outside the JAX-RS
 * resources — leaves as the same JSON error as the application's, never the container's HTML page
 * with its stack trace and version. An {@link IllegalArgumentException} that reaches the container
 * is its verdict on the request (a malformed cookie, URL or header): 400 with one short log line.
 */
@WebServlet(urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

  static final String PATH = "/errors";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int status = code instanceof Integer number ? number : 404; // asked for directly
    String description = null;
    if (failure instanceof IllegalArgumentException malformed) {
      status = 400;
      description = "The request is malformed";
      LOG.info(() -> "Refused a malformed request: " + shortMessage(malformed));
    } else if (failure instanceof Throwable unexpected) {
      status = 500;
      LOG.log(Level.SEVERE, "Unexpected failure", unexpected);
    }
    if (status >= 500) {
      description = "The request could not be processed";
    } else if (status == 400 && description == null) {
      description =
          "The request is malformed"; // a header the JAX-RS implementation could not parse
    }
    JsonObjectBuilder body = Jsons.object().add("error", ErrorCodes.forStatus(status));
    if (description != null) {
      body.add("error_description", description);
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(body.build().toString());
  }

  private static String shortMessage(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    return message.length() > 200 ? message.substring(0, 200) + "…" : message;
  }
}
