package io.topograph.scanner.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UDP requests that make a service answer (all sent to one unicast address, never to a multicast group):
 * DNS (CHAOS TXT version.bind), NTP (client request), SNMP v2c (GET sysDescr.0, community "public"),
 * NetBIOS name service (node status), mDNS (legacy unicast query for the service list) and SSDP
 * (unicast M-SEARCH). {@link #describe} turns a reply into a readable banner, or null when the reply
 * is not an answer to the request.
 */
public enum UdpProbe {
    DNS(53), NTP(123), SNMP(161), NETBIOS(137), MDNS(5353), SSDP(1900);

    public final int defaultPort;

    UdpProbe(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The request for this probe; {@code id} is echoed by DNS-style protocols. */
    public byte[] request(String hostForSsdp, int id) {
        return switch (this) {
            case DNS -> dnsQuery(id, new String[] {"version", "bind"}, 16, 3, false);
            case MDNS -> dnsQuery(0, new String[] {"_services", "_dns-sd", "_udp", "local"}, 12, 1, true);
            case NTP -> {
                byte[] b = new byte[48];
                b[0] = 0x1b; // LI 0, version 3, mode 3 (client)
                yield b;
            }
            case SNMP -> snmpGetSysDescr(id);
            case NETBIOS -> netbiosNodeStatus(id);
            case SSDP -> ("M-SEARCH * HTTP/1.1\r\nHOST: " + hostForSsdp + ":1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: ssdp:all\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        };
    }

    public static int newId() {
        return ThreadLocalRandom.current().nextInt(1, 0x7fff);
    }

    /** A readable summary of a reply, or null when the bytes are not a reply to this probe. */
    public String describe(byte[] r, int id) {
        try {
            return switch (this) {
                case DNS -> {
                    if (r.length < 12 || ((r[0] & 255) << 8 | (r[1] & 255)) != id || (r[2] & 0x80) == 0) {
                        yield null;
                    }
                    List<String> txt = dnsAnswers(r, 16);
                    yield "DNS rcode=" + (r[3] & 0x0f) + (txt.isEmpty() ? "" : " version.bind=\"" + String.join(" ", txt) + "\"");
                }
                case MDNS -> {
                    if (r.length < 12 || (r[2] & 0x80) == 0) {
                        yield null;
                    }
                    yield "mDNS services: " + String.join(", ", dnsAnswers(r, 12));
                }
                case NTP -> {
                    if (r.length < 48 || (r[0] & 0x07) != 4) {
                        yield null;
                    }
                    int stratum = r[1] & 255;
                    String refid = stratum <= 1 ? new String(r, 12, 4, StandardCharsets.US_ASCII).trim()
                            : (r[12] & 255) + "." + (r[13] & 255) + "." + (r[14] & 255) + "." + (r[15] & 255);
                    yield "NTP v" + ((r[0] >> 3) & 7) + " server, stratum " + stratum + ", refid " + refid;
                }
                case SNMP -> {
                    String descr = snmpSysDescr(r);
                    yield descr == null ? null : "SNMP sysDescr: " + descr;
                }
                case NETBIOS -> {
                    List<String> names = netbiosNames(r, id);
                    yield names == null ? null : "NetBIOS names: " + String.join(", ", names);
                }
                case SSDP -> {
                    String t = new String(r, StandardCharsets.ISO_8859_1);
                    yield t.startsWith("HTTP/1.1 200") || t.startsWith("HTTP/1.0 200") ? t : null;
                }
            };
        } catch (RuntimeException e) {
            return null; // truncated or malformed reply
        }
    }

    // ---- DNS -------------------------------------------------------------------------------------

    static byte[] dnsQuery(int id, String[] labels, int qtype, int qclass, boolean unicastResponse) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(id >> 8);
        b.write(id);
        b.writeBytes(new byte[] {0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
        for (String l : labels) {
            b.write(l.length());
            b.writeBytes(l.getBytes(StandardCharsets.US_ASCII));
        }
        b.write(0);
        b.write(0);
        b.write(qtype);
        b.write(unicastResponse ? 0x80 : 0x00);
        b.write(qclass);
        return b.toByteArray();
    }

    /** Text of the answers of the given type: TXT strings (16) or PTR names (12). */
    static List<String> dnsAnswers(byte[] r, int type) {
        ByteBuffer b = ByteBuffer.wrap(r);
        int qd = b.getShort(4) & 0xffff;
        int an = b.getShort(6) & 0xffff;
        int pos = 12;
        for (int i = 0; i < qd; i++) {
            pos = skipName(r, pos) + 4;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < an && pos < r.length; i++) {
            pos = skipName(r, pos);
            int t = b.getShort(pos) & 0xffff;
            int len = b.getShort(pos + 8) & 0xffff;
            int data = pos + 10;
            if (t == 16 && type == 16) {
                int p = data;
                while (p < data + len) {
                    int l = r[p] & 255;
                    out.add(new String(r, p + 1, l, StandardCharsets.UTF_8));
                    p += 1 + l;
                }
            } else if (t == 12 && type == 12) {
                out.add(readName(r, data));
            }
            pos = data + len;
        }
        return out;
    }

    private static int skipName(byte[] r, int pos) {
        while (true) {
            int l = r[pos] & 255;
            if (l == 0) {
                return pos + 1;
            }
            if ((l & 0xc0) == 0xc0) {
                return pos + 2;
            }
            pos += 1 + l;
        }
    }

    private static String readName(byte[] r, int pos) {
        StringBuilder sb = new StringBuilder();
        for (int guard = 0; guard < 64; guard++) {
            int l = r[pos] & 255;
            if (l == 0) {
                break;
            }
            if ((l & 0xc0) == 0xc0) {
                pos = ((l & 0x3f) << 8) | (r[pos + 1] & 255);
                continue;
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(new String(r, pos + 1, l, StandardCharsets.UTF_8));
            pos += 1 + l;
        }
        return sb.toString();
    }

    // ---- NetBIOS ---------------------------------------------------------------------------------

    static byte[] netbiosNodeStatus(int id) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(id >> 8);
        b.write(id);
        b.writeBytes(new byte[] {0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
        b.write(32);
        byte[] name = new byte[16];
        name[0] = '*'; // the wildcard name, padded with NULs, first-level encoded
        for (byte c : name) {
            b.write('A' + ((c >> 4) & 0x0f));
            b.write('A' + (c & 0x0f));
        }
        b.write(0);
        b.writeBytes(new byte[] {0x00, 0x21, 0x00, 0x01}); // NBSTAT, IN
        return b.toByteArray();
    }

    static List<String> netbiosNames(byte[] r, int id) {
        if (r.length < 57 || ((r[0] & 255) << 8 | (r[1] & 255)) != id || (r[2] & 0x80) == 0) {
            return null;
        }
        int pos = skipName(r, 12);
        int type = ((r[pos] & 255) << 8) | (r[pos + 1] & 255);
        if (type != 0x21) {
            return null;
        }
        int data = pos + 10;
        int count = r[data] & 255;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int off = data + 1 + i * 18;
            String n = new String(r, off, 15, StandardCharsets.US_ASCII).trim();
            names.add(n + "<" + String.format("%02x", r[off + 15] & 255) + ">");
        }
        int macAt = data + 1 + count * 18;
        if (macAt + 6 <= r.length) {
            StringBuilder mac = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                mac.append(i == 0 ? "" : ":").append(String.format("%02x", r[macAt + i] & 255));
            }
            if (!mac.toString().equals("00:00:00:00:00:00")) {
                names.add("MAC " + mac);
            }
        }
        return names;
    }

    // ---- SNMP (BER) ------------------------------------------------------------------------------

    private static final byte[] SYS_DESCR_OID = {0x2b, 6, 1, 2, 1, 1, 1, 0};

    static byte[] snmpGetSysDescr(int id) {
        byte[] varbind = tlv(0x30, concat(tlv(0x06, SYS_DESCR_OID), tlv(0x05, new byte[0])));
        byte[] pdu = tlv(0xa0, concat(tlv(0x02, integer(id)), tlv(0x02, integer(0)), tlv(0x02, integer(0)), tlv(0x30, varbind)));
        return tlv(0x30, concat(tlv(0x02, integer(1)), tlv(0x04, "public".getBytes(StandardCharsets.US_ASCII)), pdu));
    }

    /** The sysDescr string of a GetResponse, or null. */
    static String snmpSysDescr(byte[] r) {
        if (r.length < 10 || (r[0] & 255) != 0x30) {
            return null;
        }
        outer:
        for (int i = 0; i + SYS_DESCR_OID.length + 2 < r.length; i++) {
            if (r[i] != 0x06 || r[i + 1] != SYS_DESCR_OID.length) {
                continue;
            }
            for (int k = 0; k < SYS_DESCR_OID.length; k++) {
                if (r[i + 2 + k] != SYS_DESCR_OID[k]) {
                    continue outer;
                }
            }
            int v = i + 2 + SYS_DESCR_OID.length;
            if ((r[v] & 255) != 0x04) {
                return null; // noSuchObject or similar
            }
            int len = r[v + 1] & 255;
            int start = v + 2;
            if (len > 0x80) {
                int n = len & 0x7f;
                len = 0;
                for (int k = 0; k < n; k++) {
                    len = (len << 8) | (r[v + 2 + k] & 255);
                }
                start = v + 2 + n;
            }
            return new String(r, start, Math.min(len, r.length - start), StandardCharsets.UTF_8);
        }
        return null;
    }

    static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(tag);
        if (value.length < 128) {
            b.write(value.length);
        } else if (value.length < 256) {
            b.write(0x81);
            b.write(value.length);
        } else {
            b.write(0x82);
            b.write(value.length >> 8);
            b.write(value.length);
        }
        b.writeBytes(value);
        return b.toByteArray();
    }

    static byte[] integer(int v) {
        if (v >= 0 && v < 128) {
            return new byte[] {(byte) v};
        }
        if (v >= 0 && v < 32768) {
            return new byte[] {(byte) (v >> 8), (byte) v};
        }
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
