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
        description = "Print this host's hostname, interfaces (MAC, vendor, addresses, subnets) and the subnets a scan from here would cover, as JSON.")
final class SelfCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        SelfReport self = SelfReport.collect();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hostname", self.hostname());
        out.put("os", self.os());
        out.put("interfaces", self.interfaces());
        out.put("suggestedTargets", self.suggestedTargets());
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        return 0;
    }
}
