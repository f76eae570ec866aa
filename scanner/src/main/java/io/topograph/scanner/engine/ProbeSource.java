package io.topograph.scanner.engine;

import java.util.Iterator;

/**
 * Probes to run. Unlike a plain iterator, a source may have nothing to hand out right now and still
 * produce more later (when answers to earlier probes reveal hosts that are up): the engine keeps
 * running until {@link #finished()}.
 */
public interface ProbeSource extends Iterator<Probe> {

    /** True when no probe will ever be added again. */
    default boolean finished() {
        return !hasNext();
    }

    /**
     * Called by the engine once per turn of its loop, before it decides whether it is done or waits:
     * a source that buffers outcomes (to take its lock once per batch, not once per probe) delivers them here.
     */
    default void flush() {
    }

    static ProbeSource of(Iterator<Probe> it) {
        if (it instanceof ProbeSource s) {
            return s;
        }
        return new ProbeSource() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Probe next() {
                return it.next();
            }
        };
    }
}
