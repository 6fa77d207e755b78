package org.populus.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy to another port that a test can shut ({@link #refuse()}: open connections are cut and new ones
 * refused, as when the server behind it is down) and open again ({@link #accept()}, on the same port), or freeze
 * ({@link #freeze()}: nothing passes either way but every connection stays open, as with a stalled process or
 * network) and thaw ({@link #thaw()}: what waited passes on).
 */
public final class TcpProxy {

    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private boolean frozen;

    public TcpProxy(int targetPort) {
        this.targetPort = targetPort;
        this.port = listen(0);
    }

    public int port() {
        return port;
    }

    /** Cuts every connection and refuses new ones until {@link #accept()}. */
    public synchronized void refuse() {
        ServerSocket s = server;
        server = null;
        close(s);
        sockets.forEach(TcpProxy::close);
        sockets.clear();
    }

    /** Accepts connections again (on the same port). */
    public synchronized void accept() {
        if (server == null) {
            listen(port);
        }
    }

    /** Holds every byte where it is, either way, until {@link #thaw()}; connections stay open. */
    public synchronized void freeze() {
        frozen = true;
    }

    /** Lets the bytes pass again. */
    public synchronized void thaw() {
        frozen = false;
        notifyAll();
    }

    private synchronized void awaitThaw() throws InterruptedException {
        while (frozen) {
            wait();
        }
    }

    private synchronized int listen(int onPort) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            server = s;
            Thread t = new Thread(() -> acceptLoop(s), "tcp-proxy-" + s.getLocalPort());
            t.setDaemon(true);
            t.start();
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket target;
                try {
                    target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException e) {
                    close(client);
                    continue;
                }
                sockets.add(client);
                sockets.add(target);
                pump(client, target);
                pump(target, client);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    awaitThaw();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side closed: close both below
            } finally {
                close(from);
                close(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
