package io.topograph.daemons;

import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

/**
 * The commands that install a daemon with an enrollment token, for the page and the API. The
 * token is URL-safe base64 and the base URL comes from configuration, so neither needs quoting.
 */
@Singleton
public class InstallCommands {

    public static final String DOWNLOADS = "/downloads/daemon";

    /**
     * @param linux          installs the daemon as a systemd service (as root)
     * @param containerBuild builds the daemon's container image from this server's Containerfile
     * @param containerRun   runs that image with the token (host network, so it sees the LAN)
     * @param jar            enrolls a daemon started by hand from the jar
     */
    @Serdeable
    public record Commands(String linux, String containerBuild, String containerRun, String jar) {
    }

    private final String baseUrl;

    public InstallCommands(@Value("${topograph.base-url}") String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Commands forToken(String token) {
        return new Commands(
                "curl -fsSL " + baseUrl + DOWNLOADS + "/install.sh | sudo sh -s -- --server " + baseUrl + " --token " + token,
                "curl -fsSL " + baseUrl + DOWNLOADS + "/Containerfile | docker build -t topograph-daemon --build-arg SERVER=" + baseUrl + " -",
                "docker run -d --name topograph-daemon --restart unless-stopped --network host -e TOPOGRAPH_SERVER=" + baseUrl
                        + " -e TOPOGRAPH_ENROLLMENT_TOKEN=" + token + " -v topograph-daemon:/var/lib/topograph-daemon topograph-daemon",
                "java -jar topograph-daemon.jar enroll --server " + baseUrl + " --token " + token);
    }
}
