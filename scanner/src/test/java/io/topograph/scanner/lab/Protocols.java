package io.topograph.scanner.lab;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Lab protocol handlers: the real openings of each protocol, written from their specifications. */
final class Protocols {
    private Protocols() {
    }

    static LabServer.Handler greeting(String text) {
        return (in, out) -> {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            in.read(new byte[256]); // wait for the client to hang up
        };
    }

    static LabServer.Handler silent() {
        return (in, out) -> {
            while (in.read(new byte[256]) >= 0) {
                // accept anything, answer nothing
            }
        };
    }

    /** Redis: RESP inline commands PING and INFO. */
    static LabServer.Handler redis() {
        return (in, out) -> {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    line.append((char) b);
                    continue;
                }
                String cmd = line.toString().trim().toUpperCase();
                line.setLength(0);
                if (cmd.startsWith("HOST:") || cmd.startsWith("POST")) {
                    return; // Redis drops connections that look like HTTP (cross-protocol guard)
                }
                if (cmd.equals("PING")) {
                    out.write("+PONG\r\n".getBytes(StandardCharsets.US_ASCII));
                } else if (cmd.startsWith("INFO")) {
                    String info = "# Server\r\nredis_version:7.2.4\r\nredis_mode:standalone\r\nos:Linux\r\ntcp_port:6379\r\n";
                    out.write(("$" + info.length() + "\r\n" + info + "\r\n").getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(("-ERR unknown command '" + cmd + "'\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            }
        };
    }

    /** MySQL: the server speaks first with a protocol-10 handshake packet. */
    static LabServer.Handler mysql(String version) {
        return (in, out) -> {
            ByteArrayOutputStream p = new ByteArrayOutputStream();
            p.write(10); // protocol version
            p.writeBytes(version.getBytes(StandardCharsets.US_ASCII));
            p.write(0);
            p.writeBytes(new byte[] {42, 0, 0, 0}); // connection id
            p.writeBytes("abcdefgh".getBytes(StandardCharsets.US_ASCII)); // auth plugin data part 1
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
            in.read(new byte[256]);
        };
    }

    /** PostgreSQL: reads the StartupMessage and asks for SCRAM-SHA-256 authentication. */
    static LabServer.Handler postgres() {
        return (in, out) -> {
            DataInputStream d = new DataInputStream(in);
            int len = d.readInt();
            if (len < 8 || len > 10_000) {
                return; // like PostgreSQL: an invalid startup packet is logged, and the connection dropped without a word
            }
            int code = d.readInt();
            d.readFully(new byte[len - 8]);
            if (code == 80877103) { // SSLRequest: no TLS here
                out.write('N');
                out.flush();
                len = d.readInt();
                d.readInt();
                d.readFully(new byte[len - 8]);
            }
            byte[] mech = "SCRAM-SHA-256\0\0".getBytes(StandardCharsets.US_ASCII);
            ByteBuffer b = ByteBuffer.allocate(1 + 4 + 4 + mech.length).order(ByteOrder.BIG_ENDIAN);
            b.put((byte) 'R').putInt(4 + 4 + mech.length).putInt(10).put(mech);
            out.write(b.array());
            out.flush();
            in.read(new byte[256]);
        };
    }

    /** Memcached text protocol: version, ERROR for anything else. */
    static LabServer.Handler memcached() {
        return (in, out) -> {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    line.append((char) b);
                    continue;
                }
                String cmd = line.toString().trim();
                line.setLength(0);
                out.write((cmd.equals("version") ? "VERSION 1.6.21\r\n" : "ERROR\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        };
    }

    /** MongoDB: answers an OP_MSG with an OP_MSG holding a hello/isMaster reply document. */
    static LabServer.Handler mongodb() {
        return (in, out) -> {
            DataInputStream d = new DataInputStream(in);
            byte[] header = new byte[16];
            d.readFully(header);
            if (new String(header, 0, 4, StandardCharsets.US_ASCII).equals("GET ")) {
                String text = "It looks like you are trying to access MongoDB over HTTP on the native driver port.\r\n";
                out.write(("HTTP/1.0 200 OK\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: " + text.length()
                        + "\r\n\r\n" + text).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            int length = h.getInt();
            int requestId = h.getInt();
            d.readFully(new byte[length - 16]);
            ByteArrayOutputStream doc = new ByteArrayOutputStream();
            doc.write(0x08);
            doc.writeBytes("ismaster\0".getBytes(StandardCharsets.US_ASCII));
            doc.write(1);
            doc.write(0x10);
            doc.writeBytes("maxWireVersion\0".getBytes(StandardCharsets.US_ASCII));
            doc.writeBytes(le(21));
            doc.write(0x01);
            doc.writeBytes("ok\0".getBytes(StandardCharsets.US_ASCII));
            doc.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(1.0).array());
            doc.write(0);
            byte[] body = doc.toByteArray();
            byte[] bson = ByteBuffer.allocate(4 + body.length).order(ByteOrder.LITTLE_ENDIAN).putInt(4 + body.length).put(body).array();
            int total = 16 + 4 + 1 + bson.length;
            ByteBuffer m = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
            m.putInt(total).putInt(7).putInt(requestId).putInt(2013).putInt(0).put((byte) 0).put(bson);
            out.write(m.array());
            out.flush();
            in.read(new byte[64]);
        };
    }

    /** AMQP 0-9-1: after the protocol header the broker sends Connection.Start. */
    static LabServer.Handler amqp() {
        return (in, out) -> {
            byte[] header = new byte[8];
            new DataInputStream(in).readFully(header);
            if (!java.util.Arrays.equals(header, new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1})) {
                out.write(new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1}); // the version this broker speaks
                out.flush();
                return;
            }
            ByteArrayOutputStream table = new ByteArrayOutputStream();
            shortString(table, "product");
            table.write('S');
            longString(table, "RabbitMQ");
            shortString(table, "version");
            table.write('S');
            longString(table, "3.13.0");
            ByteArrayOutputStream method = new ByteArrayOutputStream();
            method.writeBytes(new byte[] {0, 10, 0, 10, 0, 9});
            byte[] t = table.toByteArray();
            method.writeBytes(ByteBuffer.allocate(4).putInt(t.length).array());
            method.writeBytes(t);
            longString(method, "PLAIN AMQPLAIN");
            longString(method, "en_US");
            byte[] payload = method.toByteArray();
            ByteBuffer frame = ByteBuffer.allocate(7 + payload.length + 1);
            frame.put((byte) 1).putShort((short) 0).putInt(payload.length).put(payload).put((byte) 0xCE);
            out.write(frame.array());
            out.flush();
            in.read(new byte[64]);
        };
    }

    /** MQTT 3.1.1: reads CONNECT, answers CONNACK accepted. */
    static LabServer.Handler mqtt() {
        return (in, out) -> {
            int type = in.read();
            int len = in.read();
            if (type != 0x10 || len < 0) {
                return;
            }
            new DataInputStream(in).readFully(new byte[len]);
            out.write(new byte[] {0x20, 0x02, 0x00, 0x00});
            out.flush();
            in.read(new byte[64]);
        };
    }

    private static void shortString(ByteArrayOutputStream o, String s) {
        o.write(s.length());
        o.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static void longString(ByteArrayOutputStream o, String s) {
        o.writeBytes(ByteBuffer.allocate(4).putInt(s.length()).array());
        o.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    static void drain(InputStream in) throws IOException {
        in.read(new byte[64]);
    }

    static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** LDAP: answers a bind request with a successful BindResponse; drops anything that is not BER. */
    static LabServer.Handler ldap() {
        return (in, out) -> {
            byte[] buf = new byte[256];
            int n = in.read(buf);
            if (n < 2 || buf[0] != 0x30) {
                return; // not an LDAPMessage: hang up, as directory servers do
            }
            out.write(new byte[] {0x30, 0x0c, 0x02, 0x01, 0x01, 0x61, 0x07, 0x0a, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00});
            out.flush();
            in.read(buf);
        };
    }

    /** RDP: answers an X.224 connection request with a connection confirm selecting TLS. */
    static LabServer.Handler rdp() {
        return (in, out) -> {
            byte[] buf = new byte[256];
            int n = in.read(buf);
            if (n < 11 || buf[0] != 0x03 || buf[1] != 0x00 || (buf[5] & 0xff) != 0xe0) {
                return;
            }
            out.write(new byte[] {0x03, 0x00, 0x00, 0x13, 0x0e, (byte) 0xd0, 0x00, 0x00, 0x12, 0x34, 0x00,
                0x02, 0x1f, 0x08, 0x00, 0x01, 0x00, 0x00, 0x00});
            out.flush();
            in.read(buf);
        };
    }
}
