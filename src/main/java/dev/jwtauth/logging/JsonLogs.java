package dev.jwtauth.logging;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * With {@code auth.log.format=json}, the service's own log lines (loggers under {@code
 * dev.jwtauth}) go to standard output as JSON lines instead of through the server's text format.
 * Done inside the WAR so that it works the same on every server; the server's own lines keep its
 * format.
 */
public final class JsonLogs {

  private static final Logger ROOT = Logger.getLogger("dev.jwtauth");
  private static final Object LOCK = new Object();
  private static Handler installed;

  private JsonLogs() {}

  public static void install() {
    synchronized (LOCK) {
      if (installed == null) {
        installed = newHandler();
      }
    }
  }

  private static Handler newHandler() {
    // Straight to the process's stdout: servers may route System.out through their own logging.
    StreamHandler handler =
        new StreamHandler(new FileOutputStream(FileDescriptor.out), new JsonLogFormatter()) {
          @Override
          public synchronized void publish(java.util.logging.LogRecord record) {
            super.publish(record);
            flush(); // one line at a time, so a crash loses none
          }
        };
    try {
      handler.setEncoding("UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
    handler.setLevel(Level.ALL);
    ROOT.addHandler(handler);
    ROOT.setUseParentHandlers(false);
    return handler;
  }

  /** Back to the server's handlers (the application stops). */
  public static void uninstall() {
    synchronized (LOCK) {
      if (installed != null) {
        ROOT.removeHandler(installed);
        ROOT.setUseParentHandlers(true);
        installed.flush();
        installed = null;
      }
    }
  }
}
