package dev.jwtauth.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * On PostgreSQL, hears of every change the moment it commits: the database's triggers ({@code
 * db/postgresql/R__change_notifications.sql}) NOTIFY channel {@value #CHANNEL} when the change feed
 * or the revocation list changes, and this node keeps one connection of its own (outside the pool,
 * which would hand a LISTENing connection to other work) waiting on it. Each notification runs
 * {@code onChange} at once; when the connection breaks, the poll carries the changes until it is
 * back, and a reconnect catches up once for what it missed.
 */
final class ChangeListener implements Runnable {

  static final String CHANNEL = "jwtauth_changes";

  private static final Logger LOG = Logger.getLogger(ChangeListener.class.getName());
  private static final int WAIT_MILLIS = 500;
  private static final long RECONNECT_MILLIS = 2000;

  private final String url;
  private final Properties properties = new Properties();
  private final Runnable onChange;
  private volatile boolean running = true;
  private volatile Connection connection;
  private Thread thread;

  /**
   * @param onChange what to do on a notification (the poll: it reads what changed)
   */
  ChangeListener(String url, String user, String password, Runnable onChange) {
    this.url = url;
    this.onChange = onChange;
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("ApplicationName", "jwt-auth change listener");
    properties.setProperty("tcpKeepAlive", "true");
  }

  /** On a thread of the server's managed thread factory (it carries the application's context). */
  void start(ThreadFactory threads) {
    thread = threads.newThread(this);
    thread.setName("jwt-auth-change-listener");
    thread.setDaemon(true);
    thread.start();
  }

  /** Outside the pool: a LISTEN lives as long as its connection. */
  private Connection connect() throws SQLException {
    Connection opened = new org.postgresql.Driver().connect(url, properties);
    if (opened == null) {
      throw new SQLException("Not a PostgreSQL URL: the change listener cannot connect");
    }
    return opened;
  }

  @Override
  public void run() {
    boolean warned = false;
    boolean first = true;
    while (running) {
      try (Connection listening = connect()) {
        connection = listening;
        try (Statement statement = listening.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        if (first || warned) {
          LOG.info("Listening for changes on PostgreSQL (channel " + CHANNEL + ")");
        }
        if (!first) {
          onChange.run(); // what changed while this node was not listening
        }
        first = false;
        warned = false;
        PGConnection notifications = listening.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] heard = notifications.getNotifications(WAIT_MILLIS);
          if (heard != null && heard.length > 0) {
            onChange.run();
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return; // stop() closed the connection
        }
        if (!warned) {
          LOG.log(
              Level.WARNING,
              "Cannot listen for changes on PostgreSQL ("
                  + e.getMessage()
                  + "); the poll carries them until the connection is back");
          warned = true;
        }
        first = false;
        pause();
      } finally {
        connection = null;
      }
    }
  }

  /** Ends the listening for good; waits briefly for a change being applied. */
  void stop() throws InterruptedException {
    running = false;
    Connection open = connection;
    if (open != null) {
      try {
        open.close();
      } catch (SQLException ignored) {
        // closing is all that is wanted
      }
    }
    if (thread != null) {
      thread.join(5000); // no interrupt: it could break a catch-up half-way through its transaction
    }
  }

  private void pause() {
    long until = System.nanoTime() + RECONNECT_MILLIS * 1_000_000;
    try {
      while (running && System.nanoTime() < until) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
