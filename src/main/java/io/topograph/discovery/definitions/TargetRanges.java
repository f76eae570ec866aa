package io.topograph.discovery.definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies a definition's exclusions on the server, so the daemon receives targets that already
 * leave them out (the claim has no exclusion field). IPv4 targets and exclusions (single
 * addresses, CIDRs, {@code a.b.c.d-e.f.g.h} and {@code a.b.c.d-N} ranges) are subtracted as
 * address ranges; an IPv6 target is dropped only when it is excluded by the same text.
 */
final class TargetRanges {

    private record Range(long from, long to) {
    }

    private TargetRanges() {
    }

    /** Whether {@code entry} is a form this class understands (checked on save, for exclusions). */
    static boolean understood(String entry) {
        return v4(entry).isPresent() || entry.contains(":");
    }

    /** {@code targets} without {@code exclude}; IPv4 pieces come back as single addresses or ranges. */
    static List<String> subtract(List<String> targets, List<String> exclude) {
        if (exclude.isEmpty()) {
            return targets;
        }
        List<Range> cut = new ArrayList<>();
        List<String> cutText = new ArrayList<>();
        for (String e : exclude) {
            v4(e).ifPresentOrElse(cut::add, () -> cutText.add(e.toLowerCase(Locale.ROOT)));
        }
        List<String> out = new ArrayList<>();
        for (String t : targets) {
            Optional<Range> range = v4(t);
            if (range.isEmpty()) {
                if (!cutText.contains(t.toLowerCase(Locale.ROOT))) {
                    out.add(t);
                }
                continue;
            }
            List<Range> left = List.of(range.get());
            for (Range c : cut) {
                List<Range> next = new ArrayList<>();
                for (Range r : left) {
                    if (c.to() < r.from() || c.from() > r.to()) {
                        next.add(r);
                        continue;
                    }
                    if (r.from() < c.from()) {
                        next.add(new Range(r.from(), c.from() - 1));
                    }
                    if (r.to() > c.to()) {
                        next.add(new Range(c.to() + 1, r.to()));
                    }
                }
                left = next;
            }
            if (left.size() == 1 && left.get(0).equals(range.get())) {
                out.add(t); // untouched: keep the user's own notation
            } else {
                for (Range r : left) {
                    out.add(r.from() == r.to() ? text(r.from()) : text(r.from()) + "-" + text(r.to()));
                }
            }
        }
        return out;
    }

    private static Optional<Range> v4(String entry) {
        String s = entry.trim();
        int slash = s.indexOf('/');
        if (slash >= 0) {
            Optional<Long> base = address(s.substring(0, slash));
            String bits = s.substring(slash + 1);
            if (base.isEmpty() || bits.isEmpty() || bits.length() > 2 || !bits.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int prefix = Integer.parseInt(bits);
            if (prefix > 32) {
                return Optional.empty();
            }
            long size = 1L << (32 - prefix);
            long start = base.get() & ~(size - 1) & 0xffffffffL;
            return Optional.of(new Range(start, start + size - 1));
        }
        int dash = s.indexOf('-');
        if (dash >= 0) {
            Optional<Long> from = address(s.substring(0, dash));
            String rest = s.substring(dash + 1);
            if (from.isEmpty()) {
                return Optional.empty();
            }
            Optional<Long> to = rest.contains(".") ? address(rest) : octet(rest).map(o -> (from.get() & 0xffffff00L) | o);
            return to.filter(t -> t >= from.get()).map(t -> new Range(from.get(), t));
        }
        return address(s).map(a -> new Range(a, a));
    }

    private static Optional<Long> address(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String p : parts) {
            Optional<Long> o = octet(p);
            if (o.isEmpty()) {
                return Optional.empty();
            }
            value = (value << 8) | o.get();
        }
        return Optional.of(value);
    }

    private static Optional<Long> octet(String p) {
        if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        long v = Long.parseLong(p);
        return v > 255 ? Optional.empty() : Optional.of(v);
    }

    private static String text(long a) {
        return ((a >> 24) & 0xff) + "." + ((a >> 16) & 0xff) + "." + ((a >> 8) & 0xff) + "." + (a & 0xff);
    }
}
