package io.topograph.daemons;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.daemonjar.DaemonJar;
import io.topograph.support.AppTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /downloads/daemon/…}: anonymous, as the install script on a bare host fetches it. */
@MicronautTest
class DaemonDownloadsTest extends AppTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    DaemonJar jar;

    private HttpResponse<byte[]> get(String path) throws Exception {
        // Like curl: no cookies, no Accept: text/html.
        return CLIENT.send(HttpRequest.newBuilder(base().resolve(path)).header("Accept", "*/*").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void the_jar_is_served_to_anyone_with_its_length_and_a_checksum_that_matches_its_bytes() throws Exception {
        HttpResponse<byte[]> response = get("/downloads/daemon/topograph-daemon.jar");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/java-archive");
        byte[] bytes = response.body();
        assertThat(response.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(bytes.length);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(response.headers().firstValue("X-Checksum-SHA256").orElseThrow()).isEqualTo(sha);
        DaemonJar.Extracted bundled = jar.get().orElseThrow();
        assertThat(sha).isEqualTo(bundled.sha256());
        assertThat(bytes).isEqualTo(Files.readAllBytes(bundled.file()));
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(bytes))) {
            assertThat(in.getManifest().getMainAttributes().getValue("Implementation-Version")).isEqualTo(bundled.version());
        }
    }

    @Test
    void the_checksum_file_is_in_sha256sum_format() throws Exception {
        HttpResponse<byte[]> response = get("/downloads/daemon/topograph-daemon.jar.sha256");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(jar.get().orElseThrow().sha256() + "  topograph-daemon.jar\n");
    }

    @Test
    void installer_files_are_served_from_the_build_or_explained_when_missing() throws Exception {
        for (String name : List.of("install.sh", "topograph-daemon.service", "Containerfile")) {
            HttpResponse<byte[]> response = get("/downloads/daemon/" + name);
            try (InputStream bundled = getClass().getClassLoader().getResourceAsStream("daemon/" + name)) {
                if (bundled != null) {
                    assertThat(response.statusCode()).as(name).isEqualTo(200);
                    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(name).startsWith("text/plain");
                    assertThat(response.body()).as(name).isEqualTo(bundled.readAllBytes());
                } else {
                    assertThat(response.statusCode()).as(name).isEqualTo(404);
                    assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(name)
                            .contains(name + " is not part of this build of Topograph");
                }
            }
        }
    }

    @Test
    void nothing_else_is_served_from_the_downloads_folder() throws Exception {
        for (String path : List.of("/downloads/daemon/application.yml", "/downloads/daemon/../application.yml",
                "/downloads/daemon/daemon.json", "/downloads/daemon/")) {
            assertThat(get(path).statusCode()).as(path).isIn(400, 404);
        }
    }
}
