package io.topograph.support;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;

import java.net.URI;

/** Base for HTTP tests: the running server's address and account helpers. */
public abstract class AppTest {

    @Inject
    protected EmbeddedServer server;

    protected URI base() {
        return server.getURI();
    }

    protected Accounts.Account signUp(String who) {
        return Accounts.signUp(base(), who);
    }

    protected WebSession anonymous() {
        return new WebSession(base());
    }
}
