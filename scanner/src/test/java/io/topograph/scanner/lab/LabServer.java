package io.topograph.scanner.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP listener on one loopback address that runs {@code handler} for every connection. Binds the
 * first free port from {@code firstPort} upward (another program may hold a port on every address).
 */
public final class LabServer implements AutoCloseable {

    @FunctionalInterface
    public interface Handler {
        void handle(InputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lab");
        t.setDaemon(true);
        return t;
    });

    public LabServer(String address, int firstPort, int lastPort, Handler handler) throws IOException {
        ServerSocket s = null;
        IOException last = null;
        for (int p = firstPort; p <= lastPort && s == null; p++) {
            ServerSocket candidate = new ServerSocket();
            try {
                candidate.bind(new InetSocketAddress(InetAddress.getByName(address), p), 200);
                s = candidate;
            } catch (IOException e) {
                candidate.close();
                last = e;
            }
        }
        if (s == null) {
            throw new IOException("no free port on " + address + " in " + firstPort + "-" + lastPort, last);
        }
        server = s;
        pool.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket c = server.accept();
                    pool.execute(() -> {
                        try (c) {
                            c.setSoTimeout(5000);
                            handler.handle(c.getInputStream(), c.getOutputStream());
                            c.getOutputStream().flush();
                        } catch (IOException ignored) {
                            // the scanner hangs up early on purpose (connect scans, short reads)
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    public int port() {
        return server.getLocalPort();
    }

    public String address() {
        return server.getInetAddress().getHostAddress();
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
