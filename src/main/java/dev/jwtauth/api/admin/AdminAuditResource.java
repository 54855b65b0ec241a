package dev.jwtauth.api.admin;

import dev.jwtauth.api.http.InvalidRequestException;
import dev.jwtauth.api.http.QueryParams;
import dev.jwtauth.audit.AuditEventType;
import dev.jwtauth.audit.AuditEventView;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.audit.AuditPage;
import dev.jwtauth.audit.AuditQuery;
import dev.jwtauth.guard.Jsons;
import dev.jwtauth.security.RequiresScope;
import dev.jwtauth.token.ScopePolicy;
import dev.jwtauth.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The audit trail (role and scope {@code admin}), newest first: docs/operations.md. */
@RequestScoped
@Path("admin/audit")
@RolesAllowed(Roles.ADMIN)
@GlobalAdmin
@RequiresScope(ScopePolicy.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {

  private static final int MAX_PAGE_SIZE = 200;

  @Inject AuditLog audit;

  /**
   * {@code ?type=&subject=&since=&until=&page=0&size=50} → {@code {"items":[...],"page","size",
   * "total"}}; since inclusive, until exclusive (ISO-8601 instants).
   */
  @GET
  public String find(
      @QueryParam("type") String type,
      @QueryParam("subject") String subject,
      @QueryParam("since") String since,
      @QueryParam("until") String until,
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    int pageNumber = QueryParams.number("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
    int pageSize = QueryParams.number("size", size, 1, MAX_PAGE_SIZE);
    AuditPage found =
        audit.find(
            new AuditQuery(
                eventType(QueryParams.optional("type", type, 50)),
                QueryParams.optional("subject", subject, 100),
                QueryParams.instant("since", since, Instant.EPOCH),
                QueryParams.instant("until", until, QueryParams.LATEST),
                pageNumber,
                pageSize));
    JsonArrayBuilder items = Jsons.array();
    found.events().forEach(event -> items.add(json(event)));
    return Jsons.object()
        .add("items", items)
        .add("page", pageNumber)
        .add("size", pageSize)
        .add("total", found.total())
        .build()
        .toString();
  }

  /** A known type's code, or null for all; an unknown type is a mistake, not an empty page. */
  private static String eventType(String type) {
    if (type == null) {
      return null;
    }
    return AuditEventType.ofCode(type)
        .map(AuditEventType::code)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "type must be one of "
                        + Arrays.stream(AuditEventType.values())
                            .map(AuditEventType::code)
                            .collect(Collectors.joining(", "))));
  }

  private static JsonObjectBuilder json(AuditEventView event) {
    JsonObjectBuilder json =
        Jsons.object()
            .add("id", event.id())
            .add("type", event.type())
            .add("occurred_at", event.occurredAt().toString());
    add(json, "actor", event.actor());
    add(json, "subject", event.subject());
    add(json, "session_id", event.sessionId());
    add(json, "client_id", event.clientId());
    add(json, "address", event.address());
    add(json, "request_id", event.requestId());
    add(json, "detail", event.detail());
    json.add("occurrences", event.occurrences());
    if (event.lastOccurredAt() != null) {
      json.add("last_occurred_at", event.lastOccurredAt().toString());
    }
    return json;
  }

  private static void add(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
