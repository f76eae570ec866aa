package io.topograph.platform.web;

import java.text.Normalizer;
import java.util.Locale;

/** Lower-case ASCII letters, digits and single dashes from any text: the base of URL slugs and download names. */
public final class AsciiSlug {

    private AsciiSlug() {
    }

    /** "Büro — 2nd floor" becomes "buro-2nd-floor", cut to {@code max} characters; empty when nothing is left. */
    public static String of(String text, int max) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > max) {
            slug = slug.substring(0, max).replaceAll("-+$", "");
        }
        return slug;
    }
}
