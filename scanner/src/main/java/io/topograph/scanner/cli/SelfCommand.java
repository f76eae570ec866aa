package io.topograph.scanner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.topograph.scanner.host.SelfReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code self}: the daemon host's own interfaces, addresses, subnets and hostname, as JSON. */
@Command(name = "self", mixinStandardHelpOptions = true,
        description = "Print this host's hostname, interfaces (MAC, vendor, addresses, subnets), the subnets a scan from here would cover and, when a Docker socket is present, its containers and networks, as JSON.")
final class SelfCommand implements Callable<Integer> {

    @picocli.CommandLine.Option(names = "--docker-socket", paramLabel = "<path>", defaultValue = "/var/run/docker.sock",
            description = "Docker API socket to list containers and networks from, when present (default: ${DEFAULT-VALUE})")
    java.nio.file.Path dockerSocket;

    @Override
    public Integer call() throws Exception {
        SelfReport self = SelfReport.collect();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hostname", self.hostname());
        out.put("os", self.os());
        out.put("interfaces", self.interfaces());
        out.put("suggestedTargets", self.suggestedTargets());
        try {
            out.put("docker", io.topograph.scanner.host.DockerInventory.read(dockerSocket));
        } catch (java.io.IOException e) {
            out.put("docker", Map.of("socket", dockerSocket.toString(), "error", String.valueOf(e.getMessage())));
        }
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        return 0;
    }
}
