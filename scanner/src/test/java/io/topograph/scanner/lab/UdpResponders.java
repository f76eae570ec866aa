package io.topograph.scanner.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/** UDP lab services answering like DNS, NTP, SNMP and NetBIOS servers do (unicast only). */
final class UdpResponders implements AutoCloseable {

    private final DatagramSocket socket;

    UdpResponders(String address, int first, int last, UnaryOperator<byte[]> answer) throws IOException {
        DatagramSocket s = null;
        for (int p = first; p <= last && s == null; p++) {
            try {
                s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), p));
            } catch (SocketException e) {
                // taken: next port
            }
        }
        if (s == null) {
            throw new IOException("no free UDP port on " + address);
        }
        socket = s;
        Thread t = new Thread(() -> {
            byte[] buf = new byte[2048];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket in = new DatagramPacket(buf, buf.length);
                    socket.receive(in);
                    byte[] reply = answer.apply(Arrays.copyOf(in.getData(), in.getLength()));
                    if (reply != null) {
                        socket.send(new DatagramPacket(reply, reply.length, in.getSocketAddress()));
                    }
                } catch (IOException | RuntimeException e) {
                    // closed, or a request this responder does not understand
                }
            }
        }, "udp-lab");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        socket.close();
    }

    /** DNS: answers CHAOS TXT version.bind with {@code version}. */
    static UnaryOperator<byte[]> dns(String version) {
        return q -> {
            ByteArrayOutputStream r = new ByteArrayOutputStream();
            r.write(q, 0, 2); // id
            r.writeBytes(new byte[] {(byte) 0x84, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00});
            r.write(q, 12, q.length - 12); // the question, as asked
            byte[] txt = version.getBytes(StandardCharsets.US_ASCII);
            r.writeBytes(new byte[] {(byte) 0xc0, 0x0c, 0x00, 0x10, 0x00, 0x03, 0, 0, 0, 0, 0, (byte) (txt.length + 1), (byte) txt.length});
            r.writeBytes(txt);
            return r.toByteArray();
        };
    }

    /** NTP: a stratum-2 server answer (mode 4). */
    static UnaryOperator<byte[]> ntp() {
        return q -> {
            if (q.length < 48 || (q[0] & 7) != 3) {
                return null;
            }
            byte[] r = new byte[48];
            r[0] = 0x24; // LI 0, version 4, mode 4 (server)
            r[1] = 2;
            r[2] = 6;
            r[3] = (byte) 0xe9;
            r[12] = (byte) 192;
            r[13] = 0;
            r[14] = 2;
            r[15] = 1;
            System.arraycopy(q, 40, r, 24, 8); // originate timestamp = client's transmit timestamp
            return r;
        };
    }

    /** SNMP v2c: a GetResponse carrying sysDescr.0 = {@code descr} for the request's id. */
    static UnaryOperator<byte[]> snmp(String descr) {
        return q -> {
            int pdu = indexOf(q, (byte) 0xa0);
            int idLen = q[pdu + 3] & 255;
            byte[] id = Arrays.copyOfRange(q, pdu + 4, pdu + 4 + idLen);
            byte[] oid = {0x2b, 6, 1, 2, 1, 1, 1, 0};
            byte[] varbind = tlv(0x30, concat(tlv(0x06, oid), tlv(0x04, descr.getBytes(StandardCharsets.US_ASCII))));
            byte[] body = tlv(0xa2, concat(tlv(0x02, id), tlv(0x02, new byte[] {0}), tlv(0x02, new byte[] {0}), tlv(0x30, varbind)));
            return tlv(0x30, concat(tlv(0x02, new byte[] {1}), tlv(0x04, "public".getBytes(StandardCharsets.US_ASCII)), body));
        };
    }

    /** NetBIOS name service: a node status answer with two names and a MAC address. */
    static UnaryOperator<byte[]> netbios() {
        return q -> {
            ByteArrayOutputStream r = new ByteArrayOutputStream();
            r.write(q, 0, 2);
            r.writeBytes(new byte[] {(byte) 0x84, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00});
            r.write(q, 12, 34); // the encoded name from the question
            r.writeBytes(new byte[] {0x00, 0x21, 0x00, 0x01, 0, 0, 0, 0});
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            data.write(2);
            data.writeBytes(name("LABHOST", 0x00, 0x04));
            data.writeBytes(name("WORKGROUP", 0x00, 0x84));
            data.writeBytes(new byte[] {0x00, 0x11, 0x32, 0x01, 0x02, 0x03});
            data.writeBytes(new byte[40]);
            byte[] d = data.toByteArray();
            r.write(d.length >> 8);
            r.write(d.length);
            r.writeBytes(d);
            return r.toByteArray();
        };
    }

    private static byte[] name(String n, int suffix, int flags) {
        byte[] b = new byte[18];
        Arrays.fill(b, 0, 15, (byte) ' ');
        System.arraycopy(n.getBytes(StandardCharsets.US_ASCII), 0, b, 0, n.length());
        b[15] = (byte) suffix;
        b[16] = (byte) flags;
        return b;
    }

    private static int indexOf(byte[] a, byte v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new IllegalArgumentException("not an SNMP GetRequest");
    }

    static byte[] tlv(int tag, byte[] value) {
        ByteBuffer b = ByteBuffer.allocate(value.length + 4);
        b.put((byte) tag);
        if (value.length < 128) {
            b.put((byte) value.length);
        } else {
            b.put((byte) 0x81).put((byte) value.length);
        }
        b.put(value);
        return Arrays.copyOf(b.array(), b.position());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
