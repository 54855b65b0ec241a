package dev.jwtauth.it;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The platform MBeans of a server the test started, read as jconsole reads a local JVM: attached by
 * process id, through the JVM's local management agent (no port, no server setting).
 */
final class ServerJmx implements AutoCloseable {

  private final JMXConnector connector;
  private final MBeanServerConnection mbeans;

  private ServerJmx(JMXConnector connector) throws IOException {
    this.connector = connector;
    this.mbeans = connector.getMBeanServerConnection();
  }

  /** Attaches to the Java process among the server's processes (the script starts it). */
  static ServerJmx of(ServiceProcess server) throws Exception {
    ProcessHandle java =
        server.processes().stream()
            .filter(handle -> handle.info().command().map(c -> c.endsWith("/java")).orElse(false))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no java process under " + server.processes()));
    VirtualMachine vm = VirtualMachine.attach(Long.toString(java.pid()));
    try {
      String address = vm.startLocalManagementAgent();
      return new ServerJmx(JMXConnectorFactory.connect(new JMXServiceURL(address)));
    } finally {
      vm.detach();
    }
  }

  /** The one MBean whose name matches the pattern. */
  ObjectName only(String pattern) throws IOException, JMException {
    Set<ObjectName> names = mbeans.queryNames(new ObjectName(pattern), null);
    if (names.size() != 1) {
      throw new AssertionError("MBeans named " + pattern + ": " + names);
    }
    return names.iterator().next();
  }

  Object attribute(ObjectName name, String attribute) throws IOException, JMException {
    return mbeans.getAttribute(name, attribute);
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }
}
