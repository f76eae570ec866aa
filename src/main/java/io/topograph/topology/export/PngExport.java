package io.topograph.topology.export;

import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PNG from a rendered diagram (server-side, Batik). The picture is scaled by {@code scale} but its
 * longer side never exceeds {@code maxSide} pixels: a 5,000-host diagram is tens of thousands of
 * units wide, and an uncapped raster would take gigabytes. Memory is about 4 bytes per pixel.
 */
public final class PngExport {

    public static final int DEFAULT_MAX_SIDE = 4096;
    private static final Pattern ROOT_SIZE = Pattern.compile("<svg\\b[^>]*?\\swidth=\"([0-9.]+)\"[^>]*?\\sheight=\"([0-9.]+)\"");

    private PngExport() {
    }

    public static byte[] toPng(String svg) {
        return toPng(svg, 1.0, DEFAULT_MAX_SIDE);
    }

    /**
     * @param svg     a document from {@link io.topograph.topology.render.SvgRenderer} (its root has width and height)
     * @param scale   pixels per SVG unit before the cap, e.g. 2 for a sharp small diagram
     * @param maxSide the most pixels on the longer side
     */
    public static byte[] toPng(String svg, double scale, int maxSide) {
        if (scale <= 0 || maxSide <= 0) {
            throw new IllegalArgumentException("scale and maxSide must be positive");
        }
        Matcher size = ROOT_SIZE.matcher(svg);
        if (!size.find()) {
            throw new IllegalArgumentException("the SVG root has no width and height");
        }
        double width = Double.parseDouble(size.group(1));
        double height = Double.parseDouble(size.group(2));
        double factor = Math.min(scale, maxSide / Math.max(1, Math.max(width, height)));
        PNGTranscoder transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) Math.max(1, Math.round(width * factor)));
        transcoder.addTranscodingHint(PNGTranscoder.KEY_HEIGHT, (float) Math.max(1, Math.round(height * factor)));
        // nothing in a diagram is external; never let the transcoder fetch or run anything
        transcoder.addTranscodingHint(PNGTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
        transcoder.addTranscodingHint(PNGTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("could not draw the PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
