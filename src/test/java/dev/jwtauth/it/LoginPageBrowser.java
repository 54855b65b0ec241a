package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does with our login page, without the browser: it keeps the service's cookies (by
 * name: {@code __Host-} cookies are {@code Secure}, which {@link java.net.CookieManager} would not
 * send over the tests' plain HTTP), follows no redirect by itself, and submits the login form with
 * every hidden field the page holds.
 */
final class LoginPageBrowser {

  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

  private final Http http;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  LoginPageBrowser(Http http) {
    this.http = http;
  }

  /** A GET of a path of the service (or an absolute URI on it), with the cookies. */
  HttpResponse<String> get(String pathOrUri) {
    URI target = pathOrUri.startsWith("http") ? URI.create(pathOrUri) : http.uri(pathOrUri);
    return remember(Http.send(withCookies(HttpRequest.newBuilder(target)).GET().build()));
  }

  /** Submits the login form of {@code page} with these credentials. */
  HttpResponse<String> signIn(HttpResponse<String> page, String username, String password) {
    Map<String, String> form = hiddenFields(page.body());
    assertTrue(form.containsKey("csrf_token"), () -> page.statusCode() + " " + page.body());
    form.put("username", username);
    form.put("password", password);
    return post("oauth2/authorize", form);
  }

  /** A form POST to a path of the service, with the cookies. */
  HttpResponse<String> post(String path, Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (name, value) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return remember(
        Http.send(
            withCookies(HttpRequest.newBuilder(http.uri(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build()));
  }

  /** The {@code code} of a redirect back to a client. */
  static String codeOf(HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("Location").orElseThrow();
    String code = location.substring(location.indexOf("code=") + 5);
    return code.substring(0, code.indexOf('&'));
  }

  /** The hidden fields of a page's form, unescaped. */
  static Map<String, String> hiddenFields(String html) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher matcher = HIDDEN.matcher(html);
    while (matcher.find()) {
      fields.put(matcher.group(1), unescape(matcher.group(2)));
    }
    return fields;
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  void setCookie(String name, String value) {
    cookies.put(name, value);
  }

  void forget(String name) {
    cookies.remove(name);
  }

  private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach(
          (name, value) ->
              header
                  .append(header.length() == 0 ? "" : "; ")
                  .append(name)
                  .append('=')
                  .append(value));
      request.header("Cookie", header.toString());
    }
    return request;
  }

  private HttpResponse<String> remember(HttpResponse<String> response) {
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      String name = pair.substring(0, pair.indexOf('='));
      String value = pair.substring(pair.indexOf('=') + 1);
      if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return response;
  }

  private static String unescape(String text) {
    return text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
