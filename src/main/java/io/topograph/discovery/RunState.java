package io.topograph.discovery;

import java.util.Set;

/**
 * The life of a discovery run. QUEUED → RUNNING (a daemon claimed it) → SUCCEEDED or FAILED;
 * RUNNING → QUEUED again when its lease lapsed and attempts remain; QUEUED or RUNNING →
 * CANCELLED by a person; QUEUED → TIMED_OUT when no daemon claimed it in time, RUNNING →
 * TIMED_OUT when it ran past the maximum duration (see {@link RunLimits}). Finished states never
 * change again.
 */
public enum RunState {
    QUEUED("Queued", "text-bg-secondary"),
    RUNNING("Running", "text-bg-primary"),
    SUCCEEDED("Succeeded", "text-bg-success"),
    FAILED("Failed", "text-bg-danger"),
    CANCELLED("Cancelled", "text-bg-warning"),
    TIMED_OUT("Timed out", "text-bg-dark");

    private final String label;
    private final String badge;

    RunState(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public String label() {
        return label;
    }

    /** Bootstrap classes of the state's badge. */
    public String badge() {
        return badge;
    }

    /** Still waiting or working: pages poll it, a person may cancel it. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }

    public boolean finished() {
        return !active();
    }

    /** Whether the state machine allows going from this state to {@code next}. */
    public boolean canBecome(RunState next) {
        return switch (this) {
            case QUEUED -> Set.of(RUNNING, CANCELLED, TIMED_OUT).contains(next);
            case RUNNING -> Set.of(QUEUED, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT).contains(next);
            case SUCCEEDED, FAILED, CANCELLED, TIMED_OUT -> false;
        };
    }

    public static RunState of(String name) {
        return valueOf(name);
    }

    /** A state named in a filter ({@code queued}, {@code TIMED_OUT}, {@code timed-out}); empty when unknown. */
    public static java.util.Optional<RunState> parse(@io.micronaut.core.annotation.Nullable String value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        String name = value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (RunState s : values()) {
            if (s.name().equals(name)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
