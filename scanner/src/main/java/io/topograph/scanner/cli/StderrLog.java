package io.topograph.scanner.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/** The daemon's log: one plain line per event on standard error, with a UTC timestamp. */
final class StderrLog implements Consumer<String> {

    @Override
    public void accept(String line) {
        String text = line.replace('\n', ' ').replace('\r', ' ');
        System.err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
    }
}
