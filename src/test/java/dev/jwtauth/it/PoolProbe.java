package dev.jwtauth.it;

import dev.jwtauth.db.Database;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * Test deployments of PoolIT only: the connection pool as the server really runs it, read from the
 * running server's own configuration, and how many connections it hands out before refusing.
 */
@RequestScoped
@Path("test-support/pool")
@PermitAll
public class PoolProbe {

  @Resource(lookup = Database.RESOURCE_REFERENCE)
  DataSource dataSource;

  @GET
  @Path("configuration")
  @Produces(MediaType.APPLICATION_JSON)
  public String configuration() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    String wildFlyConfiguration = System.getProperty("jboss.server.config.dir");
    if (wildFlyConfiguration != null) {
      return wildFlyDatasource(
          factory
              .newDocumentBuilder()
              .parse(new File(wildFlyConfiguration, "standalone-microprofile.xml")));
    }
    File domainXml = new File(System.getProperty("com.sun.aas.instanceRoot"), "config/domain.xml");
    NodeList pools =
        factory.newDocumentBuilder().parse(domainXml).getElementsByTagName("jdbc-connection-pool");
    for (int i = 0; i < pools.getLength(); i++) {
      Element pool = (Element) pools.item(i);
      if ("auth-pool".equals(pool.getAttribute("name"))) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        NamedNodeMap attributes = pool.getAttributes();
        for (int a = 0; a < attributes.getLength(); a++) {
          json.add(attributes.item(a).getNodeName(), attributes.item(a).getNodeValue());
        }
        NodeList properties = pool.getElementsByTagName("property");
        for (int p = 0; p < properties.getLength(); p++) {
          Element property = (Element) properties.item(p);
          json.add("property." + property.getAttribute("name"), property.getAttribute("value"));
        }
        return json.build().toString();
      }
    }
    throw new IllegalStateException("no auth-pool in " + domainXml);
  }

  /**
   * WildFly's datasource AuthDS as its configuration file holds it: each setting's text by element
   * name ({@code connection-property.password} for a named one).
   */
  private static String wildFlyDatasource(Document configuration) {
    NodeList datasources = configuration.getElementsByTagName("datasource");
    for (int i = 0; i < datasources.getLength(); i++) {
      Element datasource = (Element) datasources.item(i);
      if ("AuthDS".equals(datasource.getAttribute("pool-name"))) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        NodeList settings = datasource.getElementsByTagName("*");
        for (int e = 0; e < settings.getLength(); e++) {
          Element setting = (Element) settings.item(e);
          if (setting.getElementsByTagName("*").getLength() == 0) {
            String name = setting.getAttribute("name");
            json.add(
                setting.getTagName() + (name.isEmpty() ? "" : "." + name),
                setting.getTextContent().strip());
          }
        }
        return json.build().toString();
      }
    }
    throw new IllegalStateException("no datasource AuthDS in WildFly's configuration");
  }

  /**
   * Borrows connections (outside any transaction, so each is its own) until the pool refuses one.
   */
  @GET
  @Path("capacity")
  @Produces(MediaType.APPLICATION_JSON)
  public String capacity() {
    List<Connection> borrowed = new ArrayList<>();
    String refusal = "none";
    try {
      while (borrowed.size() < 200) {
        try {
          borrowed.add(dataSource.getConnection());
        } catch (SQLException refused) {
          refusal = refused.getClass().getSimpleName();
          break;
        }
      }
      return Json.createObjectBuilder()
          .add("connections", borrowed.size())
          .add("refusal", refusal)
          .build()
          .toString();
    } finally {
      for (Connection connection : borrowed) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // returning a connection to the pool; nothing to do if it is already broken
        }
      }
    }
  }
}
