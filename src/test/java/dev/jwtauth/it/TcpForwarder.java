package dev.jwtauth.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Forwards every connection made to a loopback port of its own to a target port, until closed: a
 * way to take a running service away from a client without stopping it (every open connection is
 * cut, new ones are refused).
 */
final class TcpForwarder implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          work -> {
            Thread thread = new Thread(work, "tcp-forwarder");
            thread.setDaemon(true);
            return thread;
          });

  TcpForwarder(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket in = server.accept();
        Socket out = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(in);
        open.add(out);
        pump(in, out);
        pump(out, in);
      } catch (IOException e) {
        // closed, or the target refused: the client sees its connection end
      }
    }
  }

  private void pump(Socket from, Socket to) {
    threads.execute(
        () -> {
          try (InputStream input = from.getInputStream();
              OutputStream output = to.getOutputStream()) {
            input.transferTo(output);
          } catch (IOException e) {
            // one side went away
          } finally {
            closeQuietly(from);
            closeQuietly(to);
          }
        });
  }

  @Override
  public void close() {
    closeQuietly(server);
    open.forEach(TcpForwarder::closeQuietly);
    threads.shutdownNow();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // already closed
    }
  }
}
