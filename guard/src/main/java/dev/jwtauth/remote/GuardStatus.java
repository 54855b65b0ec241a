package dev.jwtauth.remote;

import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** The guard's {@link GuardStatusMXBean}, registered for as long as the application runs. */
final class GuardStatus implements GuardStatusMXBean {

  private static final Logger LOG = Logger.getLogger(GuardStatus.class.getName());

  private final RemoteJwks keys;
  private final RevocationFeedFollower feed;
  private ObjectName name;

  /**
   * @param keys the keys fetched
   * @param feed the feed followed, or null when revocations are not followed
   */
  GuardStatus(RemoteJwks keys, RevocationFeedFollower feed) {
    this.keys = keys;
    this.feed = feed;
  }

  /** The name under which the status of the application {@code application} is shown. */
  static ObjectName nameOf(String application) throws JMException {
    // Quoted only when it has to be: app=notes, but app="orders, v2".
    String value =
        application.matches("[A-Za-z0-9._-]+") ? application : ObjectName.quote(application);
    return new ObjectName("dev.jwtauth.guard:type=Guard,app=" + value);
  }

  /** Registers this status; a failure is logged, never fatal (the guard works without JMX). */
  void register(String application) {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName wanted = nameOf(application);
      if (server.isRegistered(wanted)) {
        server.unregisterMBean(wanted); // a redeployment whose predecessor did not unregister
      }
      server.registerMBean(this, wanted);
      name = wanted;
    } catch (JMException | RuntimeException e) {
      LOG.log(Level.WARNING, "The guard's status is not shown in JMX", e);
    }
  }

  void unregister() {
    if (name != null) {
      try {
        ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
      } catch (JMException | RuntimeException e) {
        LOG.log(Level.FINE, "The guard's status was already gone from JMX", e);
      }
      name = null;
    }
  }

  @Override
  public long getRevocationFeedLagMillis() {
    return feed == null ? -1 : feed.lag().toMillis();
  }

  @Override
  public boolean isRevocationFeedCurrent() {
    return feed == null || feed.current();
  }

  @Override
  public int getRevocations() {
    return feed == null ? 0 : feed.size();
  }

  @Override
  public int getKeys() {
    return keys.size();
  }

  @Override
  public long getJwksFetches() {
    return keys.fetches();
  }
}
