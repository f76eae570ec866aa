package io.topograph.topology.build;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.topograph.topology.graph.TopologyGraph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The one serialized form of a {@link TopologyGraph}: JSON of the records (Jackson reads records by
 * their components), gzip-compressed for snapshots, and its SHA-256 as the graph's fingerprint.
 * The graph's lists are sorted, so the same graph always gives the same bytes and fingerprint.
 * Reading ignores fields it does not know, so snapshots written by a newer model still load.
 */
public final class GraphJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private GraphJson() {
    }

    public static byte[] json(TopologyGraph graph) {
        try {
            return JSON.writeValueAsBytes(graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gzip(TopologyGraph graph) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The fastest level: snapshots are written inside a run's completion, and on this very
        // repetitive JSON it still shrinks the bytes about sevenfold.
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            JSON.writeValue(zip, graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static TopologyGraph gunzip(byte[] bytes) {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            return JSON.readValue(zip, TopologyGraph.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex SHA-256 of the graph's JSON: equal for equal graphs, different as soon as anything drawn differs. */
    public static String fingerprint(TopologyGraph graph) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json(graph)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
