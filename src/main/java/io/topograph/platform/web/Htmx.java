package io.topograph.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

/** htmx request detection and the response headers we use. */
public final class Htmx {

    public static final String REQUEST = "HX-Request";
    public static final String TRIGGER = "HX-Trigger";
    public static final String REDIRECT = "HX-Redirect";
    public static final String PUSH_URL = "HX-Push-Url";
    public static final String RETARGET = "HX-Retarget";
    public static final String RESWAP = "HX-Reswap";

    private Htmx() {
    }

    /** True for htmx requests that want a fragment; boosted navigations get full pages. */
    public static boolean isFragmentRequest(HttpRequest<?> request) {
        return "true".equalsIgnoreCase(request.getHeaders().get(REQUEST))
                && !"true".equalsIgnoreCase(request.getHeaders().get("HX-Boosted"));
    }

    /** Swaps the response into {@code selector} (outerHTML) instead of the element's own hx-target. */
    public static <T> MutableHttpResponse<T> retarget(MutableHttpResponse<T> response, String selector) {
        return response.header(RETARGET, selector).header(RESWAP, "outerHTML");
    }

    /** Sets the raw {@code HX-Trigger} JSON. */
    public static <T> MutableHttpResponse<T> trigger(MutableHttpResponse<T> response, String json) {
        return response.header(TRIGGER, json);
    }

    /** Fires the given {@link HtmxEvents} and shows a toast with {@code text}. */
    public static <T> MutableHttpResponse<T> toast(MutableHttpResponse<T> response, Flash.Level level, String text, String... events) {
        StringBuilder json = new StringBuilder("{");
        for (String event : events) {
            json.append(Json.quote(event)).append(":true,");
        }
        json.append(Json.quote(HtmxEvents.FLASH)).append(":{\"level\":\"").append(level.name())
                .append("\",\"text\":").append(Json.quote(text)).append("}}");
        return trigger(response, json.toString());
    }
}
