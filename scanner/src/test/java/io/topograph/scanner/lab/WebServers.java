package io.topograph.scanner.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** HTTP and HTTPS lab servers (the JDK's own server), bound to the first free port of a range. */
public final class WebServers {
    private WebServers() {
    }

    public static HttpHandler page(int status, String title, Map<String, String> headers) {
        return exchange -> {
            byte[] body = ("<!doctype html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        };
    }

    static HttpHandler text(int status, String body) {
        return exchange -> {
            if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                exchange.sendResponseHeaders(404, -1); // contexts match prefixes: answer only the exact path
                exchange.close();
                return;
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, b.length);
            exchange.getResponseBody().write(b);
            exchange.close();
        };
    }

    static HttpHandler redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        };
    }

    public static HttpServer http(String address, int first, int last, Map<String, HttpHandler> routes) throws IOException {
        IOException failure = null;
        for (int p = first; p <= last; p++) {
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), p), 50);
                routes.forEach(s::createContext);
                s.start();
                return s;
            } catch (IOException e) {
                failure = e;
            }
        }
        throw new IOException("no free port on " + address, failure);
    }

    static HttpsServer https(String address, int first, int last, SSLContext tls, Map<String, HttpHandler> routes) throws IOException {
        IOException failure = null;
        for (int p = first; p <= last; p++) {
            try {
                HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(address), p), 50);
                s.setHttpsConfigurator(new HttpsConfigurator(tls));
                routes.forEach(s::createContext);
                s.start();
                return s;
            } catch (IOException e) {
                failure = e;
            }
        }
        throw new IOException("no free port on " + address, failure);
    }

    /** A self-signed certificate made with the JDK's keytool for the given subject. */
    static SSLContext selfSigned(Path dir, String dname, String san) throws Exception {
        Path store = dir.resolve("lab.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "lab", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", dname, "-ext", "SAN=dns:" + san, "-validity", "30", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "labpass", "-keypass", "labpass")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "labpass".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "labpass".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    static void ignore(HttpExchange e) {
        e.close();
    }
}
