package io.topograph.daemons;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;

/** The answer to creating a token (or rotating a credential): the secret, shown this once, and its install commands. */
@Serdeable
public record CreatedTokenJson(String token, InstallCommands.Commands commands, @JsonUnwrapped TokenJson enrollmentToken) {
}
