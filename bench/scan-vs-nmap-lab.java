import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Loopback lab for bench/scan-vs-nmap.sh: listeners on PREFIX.1 .. PREFIX.N (loopback only), each host
 * with SSH (22) and HTTP (80), plus one of FTP (21), SMTP (25), MySQL (3306), PostgreSQL (5432),
 * POP3 (110) or VNC (5900) by host number. Prints "ready <count> listeners" and the list of ip:port,
 * then serves until killed.
 *
 * Usage: java bench/scan-vs-nmap-lab.java 127.0.20 64
 */
public class ScanVsNmapLab {

    interface Handler {
        void handle(InputStream in, OutputStream out) throws IOException;
    }

    static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    });

    public static void main(String[] args) throws Exception {
        String prefix = args.length > 0 ? args[0] : "127.0.20";
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        if (!prefix.startsWith("127.")) {
            throw new IllegalArgumentException("the lab only binds loopback addresses (127.0.0.0/8)");
        }
        List<String> listening = new ArrayList<>();
        for (int i = 1; i <= hosts; i++) {
            String ip = prefix + "." + i;
            listen(ip, 22, greeting("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n"), listening);
            listen(ip, 80, http("nginx/1.24.0 (Ubuntu)", "Grafana"), listening);
            switch (i % 6) {
                case 0 -> listen(ip, 21, greeting("220 (vsFTPd 3.0.5)\r\n"), listening);
                case 1 -> listen(ip, 25, greeting("220 lab" + i + ".example ESMTP Postfix (Ubuntu)\r\n"), listening);
                case 2 -> listen(ip, 3306, mysql("8.0.36-0ubuntu0.24.04.1"), listening);
                case 3 -> listen(ip, 5432, postgres(), listening);
                case 4 -> listen(ip, 110, greeting("+OK Dovecot (Ubuntu) ready.\r\n"), listening);
                default -> listen(ip, 5900, greeting("RFB 003.008\n"), listening);
            }
        }
        System.out.println("ready " + listening.size() + " listeners");
        for (String l : listening) {
            System.out.println(l);
        }
        System.out.flush();
        Thread.currentThread().join();
    }

    static void listen(String ip, int port, Handler h, List<String> listening) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getByName(ip), port), 256);
        listening.add(ip + ":" + port);
        POOL.execute(() -> {
            while (true) {
                try {
                    Socket c = s.accept();
                    POOL.execute(() -> {
                        try (c) {
                            c.setSoTimeout(10_000);
                            h.handle(c.getInputStream(), c.getOutputStream());
                            c.getOutputStream().flush();
                        } catch (IOException ignored) {
                            // scanners hang up early
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    static Handler greeting(String text) {
        return (in, out) -> {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            in.read(new byte[512]);
        };
    }

    static Handler http(String server, String title) {
        return (in, out) -> {
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                head.append((char) b);
                if (head.toString().endsWith("\r\n\r\n") || head.length() > 8192) {
                    break;
                }
            }
            if (head.length() == 0) {
                return;
            }
            String body = "<!doctype html><html><head><title>" + title + "</title></head><body>" + title + "</body></html>";
            String resp = "HTTP/1.1 200 OK\r\nServer: " + server + "\r\nContent-Type: text/html\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body;
            out.write(resp.getBytes(StandardCharsets.US_ASCII));
        };
    }

    static Handler mysql(String version) {
        return (in, out) -> {
            ByteArrayOutputStream p = new ByteArrayOutputStream();
            p.write(10);
            p.writeBytes(version.getBytes(StandardCharsets.US_ASCII));
            p.write(0);
            p.writeBytes(new byte[] {7, 0, 0, 0});
            p.writeBytes("abcdefgh".getBytes(StandardCharsets.US_ASCII));
            p.write(0);
            p.writeBytes(new byte[] {(byte) 0xff, (byte) 0xf7, 0x21, 0x02, 0x00, (byte) 0xff, (byte) 0xc1, 0x15});
            p.writeBytes(new byte[10]);
            p.writeBytes("ijklmnopqrst".getBytes(StandardCharsets.US_ASCII));
            p.write(0);
            p.writeBytes("caching_sha2_password\0".getBytes(StandardCharsets.US_ASCII));
            byte[] payload = p.toByteArray();
            out.write(new byte[] {(byte) payload.length, (byte) (payload.length >> 8), (byte) (payload.length >> 16), 0});
            out.write(payload);
            out.flush();
            in.read(new byte[512]);
        };
    }

    static Handler postgres() {
        return (in, out) -> {
            DataInputStream d = new DataInputStream(in);
            int len = d.readInt();
            if (len < 8 || len > 10_000) {
                return; // like PostgreSQL: an invalid startup packet is dropped without an answer
            }
            int code = d.readInt();
            d.readFully(new byte[len - 8]);
            if (code == 80877103) {
                out.write('N');
                out.flush();
                len = d.readInt();
                d.readInt();
                d.readFully(new byte[len - 8]);
            }
            byte[] mech = "SCRAM-SHA-256\0\0".getBytes(StandardCharsets.US_ASCII);
            out.write(ByteBuffer.allocate(9 + mech.length).put((byte) 'R').putInt(8 + mech.length).putInt(10).put(mech).array());
            out.flush();
            in.read(new byte[512]);
        };
    }
}
