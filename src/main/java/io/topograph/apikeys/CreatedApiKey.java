package io.topograph.apikeys;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;

/** The answer to creating a key: the secret, shown this once, plus the key's metadata. */
@Serdeable
public record CreatedApiKey(String token, @JsonUnwrapped ApiKeySummary key) {
}
