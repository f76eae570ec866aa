package io.topograph.scanner.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** The first bytes a client sends in the protocols the scanner speaks to make a service answer. */
final class ProtocolOpenings {

    private ProtocolOpenings() {
    }

    /** LDAPv3 anonymous simple bind, message id 1. */
    static final byte[] LDAP_ANONYMOUS_BIND = {0x30, 0x0c, 0x02, 0x01, 0x01, 0x60, 0x07, 0x02, 0x01, 0x03, 0x04, 0x00, (byte) 0x80, 0x00};

    /** TPKT + X.224 connection request carrying an RDP negotiation request (TLS | CredSSP). */
    static final byte[] RDP_NEGOTIATION = {0x03, 0x00, 0x00, 0x13, 0x0e, (byte) 0xe0, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x01, 0x00, 0x08, 0x00, 0x03, 0x00, 0x00, 0x00};

    /** PostgreSQL protocol 3.0 StartupMessage for user "topograph" (the server answers with an auth request or an error). */
    static byte[] postgresStartup() {
        byte[] params = "user\0topograph\0database\0topograph\0application_name\0topograph-scanner\0\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(8 + params.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(8 + params.length).putInt(196608).put(params);
        return b.array();
    }

    /** MongoDB OP_MSG with the document {isMaster: 1, $db: "admin"}. */
    static byte[] mongoHello() {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        doc.write(0x10); // int32 element
        doc.writeBytes("isMaster\0".getBytes(StandardCharsets.US_ASCII));
        doc.writeBytes(le(1));
        doc.write(0x02); // string element
        doc.writeBytes("$db\0".getBytes(StandardCharsets.US_ASCII));
        doc.writeBytes(le(6));
        doc.writeBytes("admin\0".getBytes(StandardCharsets.US_ASCII));
        doc.write(0x00);
        byte[] body = doc.toByteArray();
        ByteBuffer d = ByteBuffer.allocate(4 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        d.putInt(4 + body.length).put(body);
        byte[] bson = d.array();
        int length = 16 + 4 + 1 + bson.length;
        ByteBuffer m = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        m.putInt(length).putInt(1).putInt(0).putInt(2013); // header: length, requestID, responseTo, OP_MSG
        m.putInt(0).put((byte) 0).put(bson); // flagBits, section kind 0, document
        return m.array();
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    /** MQTT 3.1.1 CONNECT, clean session, keep-alive 30 s, client id "topograph-scan". */
    static byte[] mqttConnect() {
        byte[] id = "topograph-scan".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        v.writeBytes(new byte[] {0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x1e});
        v.write(0x00);
        v.write(id.length);
        v.writeBytes(id);
        byte[] rest = v.toByteArray();
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x10);
        p.write(rest.length);
        p.writeBytes(rest);
        return p.toByteArray();
    }
}
