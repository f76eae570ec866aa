package io.topograph.daemons;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.platform.daemonjar.DaemonJar;
import io.topograph.platform.web.NotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * {@code /downloads/daemon/…}: the daemon jar (with its SHA-256) and its installer files, for
 * anyone: the install script runs on a bare host that has no session. Nothing here is secret;
 * the enrollment token in the install command is what grants access.
 */
@Controller(InstallCommands.DOWNLOADS)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DaemonDownloadsController {

    public static final String JAR_NAME = "topograph-daemon.jar";
    static final MediaType JAR_TYPE = MediaType.of("application/java-archive");
    static final String CHECKSUM_HEADER = "X-Checksum-SHA256";
    private static final MediaType TEXT = MediaType.of("text/plain;charset=utf-8");

    private final DaemonJar jar;

    public DaemonDownloadsController(DaemonJar jar) {
        this.jar = jar;
    }

    @Get(value = "/" + JAR_NAME, produces = "application/java-archive")
    public MutableHttpResponse<?> jar() {
        Optional<DaemonJar.Extracted> extracted = jar.get();
        DaemonJar.Extracted e = extracted.orElseThrow(() -> missing(JAR_NAME));
        return HttpResponse.ok(new SystemFile(e.file().toFile(), JAR_TYPE).attach(JAR_NAME))
                .header(CHECKSUM_HEADER, e.sha256())
                .header(HttpHeaders.ETAG, "\"" + e.sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    /** In the format of {@code sha256sum}, so {@code sha256sum -c} checks the download. */
    @Get(value = "/" + JAR_NAME + ".sha256", produces = "text/plain")
    public MutableHttpResponse<?> checksum() {
        return text(jar.get().orElseThrow(() -> missing(JAR_NAME)).sha256() + "  " + JAR_NAME + "\n");
    }

    @Get(value = "/install.sh", produces = "text/plain")
    public MutableHttpResponse<?> installScript() {
        return resource("install.sh");
    }

    @Get(value = "/topograph-daemon.service", produces = "text/plain")
    public MutableHttpResponse<?> systemdUnit() {
        return resource("topograph-daemon.service");
    }

    @Get(value = "/Containerfile", produces = "text/plain")
    public MutableHttpResponse<?> containerfile() {
        return resource("Containerfile");
    }

    private MutableHttpResponse<?> resource(String name) {
        try (InputStream in = DaemonDownloadsController.class.getClassLoader().getResourceAsStream("daemon/" + name)) {
            if (in == null) {
                throw missing(name);
            }
            return text(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MutableHttpResponse<?> text(String body) {
        return HttpResponse.ok(body).contentType(TEXT).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    /** 404 through the app's error answers (a page for browsers, JSON for API clients) with the reason. */
    private static NotFoundException missing(String name) {
        return new NotFoundException(name + " is not part of this build of Topograph: the server was built without it"
                + " (build it with ./mvnw package, which also builds scanner/ and bundles daemon-installer/).");
    }
}
