package io.topograph.discovery.definitions;

import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.TreeSet;

/**
 * Standard five-field cron ({@code minute hour day-of-month month day-of-week}, as in crontab)
 * turned into Quartz's form (seconds first, day-of-week 1–7 from Sunday, {@code ?} in one of the
 * two day fields). Accepts {@code *}, numbers, names (JAN–DEC, SUN–SAT), ranges, lists, steps
 * ({@code *}{@code /15}, {@code 1-5/2}) and the macros {@code @hourly @daily @weekly @monthly
 * @yearly}. Day-of-week 0 and 7 are both Sunday. Crontab fires when either a restricted
 * day-of-month or a restricted day-of-week matches; Quartz cannot say "either", so restricting
 * both is refused with a sentence saying so. Errors are {@link IllegalArgumentException}s whose
 * message is a sentence for the user.
 */
public final class CronText {

    public static final int MAX_LENGTH = 200;
    private static final Map<String, String> MACROS = Map.of("@hourly", "0 * * * *", "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *", "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** Quartz stores the expression in a VARCHAR(120). */
    private static final int QUARTZ_MAX = 120;

    private record Field(String label, int min, int max, List<String> names, int nameBase) {
    }

    private static final Field MINUTE = new Field("minute", 0, 59, List.of(), 0);
    private static final Field HOUR = new Field("hour", 0, 23, List.of(), 0);
    private static final Field DAY_OF_MONTH = new Field("day of the month", 1, 31, List.of(), 0);
    private static final Field MONTH = new Field("month", 1, 12, MONTHS, 1);
    private static final Field DAY_OF_WEEK = new Field("day of the week", 0, 7, DAYS, 0);

    private CronText() {
    }

    /** The Quartz expression for a five-field cron; throws with a sentence for the user when it is not one. */
    public static String toQuartz(String text) {
        String cron = text == null ? "" : text.trim().replaceAll("\\s+", " ");
        if (cron.isEmpty()) {
            throw new IllegalArgumentException("Enter a cron expression, for example “30 2 * * 1” (Mondays at 02:30).");
        }
        if (cron.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Use at most " + MAX_LENGTH + " characters.");
        }
        if (cron.startsWith("@")) {
            String macro = MACROS.get(cron.toLowerCase(Locale.ROOT));
            if (macro == null) {
                throw new IllegalArgumentException("“" + cron + "” is not a known shortcut: use @hourly, @daily, @weekly, @monthly or @yearly.");
            }
            cron = macro;
        }
        String[] f = cron.split(" ");
        if (f.length != 5) {
            throw new IllegalArgumentException("A cron expression has five fields: minute, hour, day of the month, month, day of the week"
                    + " (for example “30 2 * * 1” is Mondays at 02:30); this has " + f.length + "."
                    + (f.length == 6 || f.length == 7 ? " Seconds and years are not supported." : ""));
        }
        TreeSet<Integer> minutes = values(MINUTE, f[0]);
        TreeSet<Integer> hours = values(HOUR, f[1]);
        TreeSet<Integer> days = values(DAY_OF_MONTH, f[2]);
        TreeSet<Integer> months = values(MONTH, f[3]);
        TreeSet<Integer> weekdays = new TreeSet<>();
        for (int d : values(DAY_OF_WEEK, f[4])) {
            weekdays.add(d % 7 + 1); // crontab 0/7 = Sunday → Quartz 1
        }
        boolean anyDay = f[2].equals("*");
        boolean anyWeekday = f[4].equals("*") || weekdays.size() == 7;
        if (!anyDay && !anyWeekday) {
            throw new IllegalArgumentException("Restrict either the day of the month or the day of the week, not both"
                    + " (put * in one of them).");
        }
        String quartz = "0 " + list(minutes, MINUTE) + " " + list(hours, HOUR) + " "
                + (anyWeekday ? list(days, DAY_OF_MONTH) : "?") + " " + list(months, MONTH) + " "
                + (anyWeekday ? "?" : list(weekdays, new Field("", 1, 7, List.of(), 0)));
        if (quartz.length() > QUARTZ_MAX) {
            throw new IllegalArgumentException("This expression lists too many separate values: use ranges or steps.");
        }
        try {
            CronExpression expression = new CronExpression(quartz);
            expression.setTimeZone(TimeZone.getTimeZone("UTC"));
            // A date such as 31 February never comes: the trigger would never fire.
            if (expression.getNextValidTimeAfter(new Date()) == null) {
                throw new IllegalArgumentException("This expression never matches a real date (for example 30 February).");
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("This is not a valid cron expression: " + e.getMessage() + ".");
        }
        return quartz;
    }

    /** The first fire strictly after {@code after}, in {@code zone}; empty when there is none. */
    public static Optional<Instant> next(String quartz, ZoneId zone, Instant after) {
        try {
            CronExpression expression = new CronExpression(quartz);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            Date next = expression.getNextValidTimeAfter(Date.from(after));
            return Optional.ofNullable(next).map(Date::toInstant);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** An IANA zone id ({@code Europe/Berlin}, {@code UTC}); a sentence otherwise. */
    public static ZoneId zone(String text) {
        String id = text == null ? "" : text.trim();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("Choose a time zone, for example Europe/Berlin or UTC.");
        }
        if (id.length() > 64 || !(ZoneId.getAvailableZoneIds().contains(id) || id.equals("UTC"))) {
            throw new IllegalArgumentException("“" + (id.length() > 64 ? id.substring(0, 64) + "…" : id)
                    + "” is not a time zone name: use an IANA name such as Europe/Berlin, America/New_York or UTC.");
        }
        return ZoneId.of(id);
    }

    private static TreeSet<Integer> values(Field field, String text) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw new IllegalArgumentException("The " + field.label() + " field “" + text + "” has an empty entry.");
            }
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(field, item.substring(slash + 1), item, true);
                if (step < 1) {
                    throw new IllegalArgumentException("The step in “" + item + "” must be 1 or more.");
                }
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = field.min();
                to = field == DAY_OF_WEEK ? 6 : field.max();
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw new IllegalArgumentException("“" + item + "” is not a valid " + field.label() + " range.");
                }
                from = number(field, ends[0], item, false);
                to = number(field, ends[1], item, false);
                if (from > to) {
                    throw new IllegalArgumentException("The " + field.label() + " range “" + item + "” goes backwards: write the smaller value first.");
                }
            } else {
                from = number(field, range, item, false);
                to = slash >= 0 ? (field == DAY_OF_WEEK ? 6 : field.max()) : from;
            }
            for (int v = from; v <= to; v += step) {
                out.add(v);
            }
        }
        return out;
    }

    private static int number(Field field, String text, String item, boolean step) {
        String t = text.toUpperCase(Locale.ROOT);
        if (!step && !field.names().isEmpty() && field.names().contains(t)) {
            return field.names().indexOf(t) + field.nameBase();
        }
        if (t.isEmpty() || t.length() > 3 || !t.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("“" + item + "” is not valid in the " + field.label() + " field"
                    + (field.names().isEmpty() ? ": use numbers from " + field.min() + " to " + field.max() + "."
                    : ": use numbers from " + field.min() + " to " + field.max() + " or names such as " + field.names().get(1) + "."));
        }
        int value = Integer.parseInt(t);
        if (!step && (value < field.min() || value > field.max())) {
            throw new IllegalArgumentException("The " + field.label() + " must be from " + field.min() + " to " + field.max()
                    + " (“" + text + "” is not).");
        }
        return value;
    }

    /** {@code *} for the whole range, else compact ranges: {@code 1-5,7}. */
    private static String list(TreeSet<Integer> values, Field field) {
        if (values.size() == field.max() - field.min() + 1) {
            return "*";
        }
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int v : values) {
            if (start == null) {
                start = v;
            } else if (v != prev + 1) {
                parts.add(start.equals(prev) ? String.valueOf(start) : start + "-" + prev);
                start = v;
            }
            prev = v;
        }
        parts.add(start.equals(prev) ? String.valueOf(start) : start + "-" + prev);
        return String.join(",", parts);
    }
}
