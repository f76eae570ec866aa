package io.topograph.scanner.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into plain Java values (LinkedHashMap, ArrayList, String, Long/Double, Boolean, null) with
 * Jackson's streaming parser only: starting it costs a few milliseconds, where a data-binding mapper
 * costs a few hundred, which matters for a command-line scan.
 */
public final class Json {

    public static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** Thrown for text that is not one well-formed JSON value; the message says where. */
    public static final class ParseException extends IOException {
        public ParseException(String message) {
            super(message);
        }
    }

    public static Object parse(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ParseException("empty document");
            }
            Object v = read(p, t);
            if (p.nextToken() != null) {
                throw new ParseException("trailing content at line " + p.currentLocation().getLineNr());
            }
            return v;
        } catch (JsonParseException e) {
            throw new ParseException(e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    m.put(name, read(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    l.add(read(p, v));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new ParseException("unexpected " + t + " at line " + p.currentLocation().getLineNr());
        }
    }
}
