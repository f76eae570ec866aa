package io.topograph.support;

import com.codeborne.selenide.Configuration;
import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.SelenideConfig;
import com.codeborne.selenide.SelenideDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Base for browser tests: headless Debian Chromium driven by Selenide against the running
 * server (loopback only). The static Selenide API ({@code open}, {@code $}) is the first
 * browser; {@link #newBrowser()} opens further independent ones (own cookies, own session).
 * Every browser is closed after each test. Keep browser tests few: one journey per feature.
 */
public abstract class BrowserTest extends AppTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final long TIMEOUT_MS = 10_000;

    private final List<SelenideDriver> extraBrowsers = new ArrayList<>();

    /** Options that work as root, offline, without a display. */
    protected static ChromeOptions chromeOptions() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-domain-reliability", "--window-size=1280,1000",
                // Browser tests talk to the loopback server only: every other host name fails to resolve.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
        options.setCapability("webSocketUrl", true);
        return options;
    }

    @BeforeEach
    protected void configureBrowser() {
        // Set by surefire too; repeated so a test started from an IDE behaves the same.
        System.setProperty("webdriver.chrome.driver", System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        Configuration.browser = "chrome";
        Configuration.browserBinary = CHROMIUM;
        Configuration.headless = true;
        Configuration.browserCapabilities = chromeOptions();
        Configuration.baseUrl = base().toString().replaceAll("/+$", "");
        Configuration.timeout = TIMEOUT_MS;
        Configuration.screenshots = false;
        Configuration.savePageSource = false;
        Configuration.reportsFolder = "target/selenide-reports";
        Configuration.downloadsFolder = "target/selenide-downloads";
    }

    /** Logs an account in through the login page of the static browser. */
    protected void logIn(Accounts.Account account) {
        Selenide.open("/login");
        Selenide.$("#email").setValue(account.email());
        Selenide.$("#password").setValue(Accounts.PASSWORD);
        Selenide.$("#login-form button[type=submit]").click();
        // Wait for the answer (its session cookie): opening the next page at once could abort the login.
        Selenide.webdriver().shouldNotHave(com.codeborne.selenide.WebDriverConditions.urlContaining("/login"), java.time.Duration.ofSeconds(20));
    }

    /** Another browser, independent of the static one (and of each other). */
    protected SelenideDriver newBrowser() {
        SelenideConfig config = new SelenideConfig().baseUrl(Configuration.baseUrl).timeout(TIMEOUT_MS)
                .screenshots(false).savePageSource(false);
        SelenideDriver browser = new SelenideDriver(config, new ChromeDriver(chromeOptions()), null);
        extraBrowsers.add(browser);
        return browser;
    }

    @AfterEach
    void closeBrowsers() {
        for (SelenideDriver browser : extraBrowsers) {
            browser.getWebDriver().quit(); // created here, so quit here (Selenide leaves drivers it did not create open)
        }
        extraBrowsers.clear();
        Selenide.closeWebDriver();
    }
}
