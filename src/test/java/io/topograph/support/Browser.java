package io.topograph.support;

import com.codeborne.selenide.Configuration;
import com.codeborne.selenide.Selenide;
import org.openqa.selenium.chrome.ChromeOptions;

import java.net.URI;

import static com.codeborne.selenide.Selenide.$;

/** Headless Chromium for browser tests (see STACK.md), kept to the loopback network. */
public final class Browser {

    private Browser() {
    }

    public static void configure() {
        Configuration.browser = "chrome";
        Configuration.browserBinary = "/usr/bin/chromium";
        Configuration.headless = true;
        Configuration.timeout = 15_000;
        Configuration.pageLoadTimeout = 30_000;
        // Screenshots of failures go with the other build output, not into the source tree.
        Configuration.reportsFolder = "target/selenide-reports";
        Configuration.downloadsFolder = "target/selenide-downloads";
        ChromeOptions options = new ChromeOptions().addArguments("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-domain-reliability",
                // Tests talk to 127.0.0.0/8 only: every other host name fails to resolve.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
        options.setCapability("webSocketUrl", true);
        Configuration.browserCapabilities = options;
    }

    /** Logs an account in through the login page of a fresh browser session. */
    public static void logIn(URI base, Accounts.Account account) {
        Selenide.clearBrowserCookies();
        Selenide.open(base.resolve("/login").toString());
        $("#email").setValue(account.email());
        $("#password").setValue(Accounts.PASSWORD);
        $("button[type=submit]").click();
    }
}
