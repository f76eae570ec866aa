package io.topograph.discovery.ingest;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to a batch: {@code duplicate} when the same batch had been received before (nothing changed). */
@Serdeable
public record BatchAnswer(boolean accepted, boolean duplicate, int hosts) {
}
