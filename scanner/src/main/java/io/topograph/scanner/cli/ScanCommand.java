package io.topograph.scanner.cli;

import io.topograph.scanner.catalog.Catalog;
import io.topograph.scanner.catalog.CatalogException;
import io.topograph.scanner.daemon.DaemonConfig;
import io.topograph.scanner.engine.ScanOptions;
import io.topograph.scanner.host.LocalDocker;
import io.topograph.scanner.engine.Scanner;
import io.topograph.scanner.evidence.HostnameResolver;
import io.topograph.scanner.evidence.OuiDatabase;
import io.topograph.scanner.model.ScanReport;
import io.topograph.scanner.output.ReportWriter;
import io.topograph.scanner.ports.PortProfiles;
import io.topograph.scanner.ports.PortSpecException;
import io.topograph.scanner.target.TargetException;
import io.topograph.scanner.target.TargetParser;
import io.topograph.scanner.target.TargetSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scan}: a standalone scan that prints what it found. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scan targets (TCP connect), collect evidence and identify services; prints a table or JSON.")
final class ScanCommand implements Callable<Integer> {

    @Option(names = "--targets", paramLabel = "<ip|cidr|range>[,...]", defaultValue = "127.0.0.1",
            description = "IPs, CIDRs (10.0.0.0/24), ranges (10.0.0.1-10.0.0.20 or 10.0.0.1-20), comma separated (default: ${DEFAULT-VALUE})")
    String targets;

    @Option(names = "--ports", defaultValue = "top1000",
            description = "top100, top1000, all, or a list like 22,80,8000-8100 (default: ${DEFAULT-VALUE})")
    String ports;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--concurrency", defaultValue = "" + ScanOptions.DEFAULT_CONCURRENCY,
            description = "connects in flight at most (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--rate", defaultValue = "" + ScanOptions.DEFAULT_RATE,
            description = "new connects per second at most (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--timeout-ms", defaultValue = "" + ScanOptions.DEFAULT_TIMEOUT_MS,
            description = "connect timeout in ms (default: ${DEFAULT-VALUE})")
    int timeoutMs;

    @Option(names = "--retries", defaultValue = "1", description = "retries of a timed-out connect (default: ${DEFAULT-VALUE})")
    int retries;

    @Option(names = "--read-timeout-ms", defaultValue = "2000", description = "wait for a service's answer in ms (default: ${DEFAULT-VALUE})")
    int readTimeoutMs;

    @Option(names = "--listen-ms", defaultValue = "1000", description = "wait for an unknown port to speak first in ms (default: ${DEFAULT-VALUE})")
    int listenMs;

    @Option(names = "--force", description = "allow more than a /16 of targets (up to a /8)")
    boolean force;

    @Option(names = "--include-printer-ports", description = "also scan printer raw ports 9100-9107 (only listened to, never written to)")
    boolean printerPorts;

    @Option(names = "--no-discovery", description = "skip host discovery: scan every target's ports in full")
    boolean noDiscovery;

    @Option(names = "--no-rdns", description = "no reverse DNS lookups")
    boolean noRdns;

    @Option(names = "--no-udp", description = "no UDP probes (DNS, NTP, SNMP public sysDescr, NetBIOS, mDNS and SSDP, sent to each host's own address)")
    boolean noUdp;

    @Option(names = "--no-evidence", description = "only find open ports: no banners, HTTP, TLS or identification evidence")
    boolean noEvidence;

    @Option(names = "--catalog", paramLabel = "<file|dir>", description = "extra service definitions (JSON file or directory of JSON files)")
    Path extraCatalog;

    @Option(names = "--oui-file", paramLabel = "<file>", description = "MAC vendor registry to use instead of the bundled one (AABBCC<TAB>Vendor lines, optionally .gz)")
    Path ouiFile;

    @Option(names = "--neighbour-table", paramLabel = "<file>", defaultValue = "/proc/net/arp", description = "kernel ARP table to read MACs from (default: ${DEFAULT-VALUE})")
    Path neighbourTable;

    @Option(names = "--docker-socket", paramLabel = "<path|none>", defaultValue = "/var/run/docker.sock",
            description = "with --format json: the Docker API socket whose containers are added to this host's entry when it is scanned"
                    + " (default: ${DEFAULT-VALUE}; skipped when absent; none turns it off)")
    String dockerSocket;

    @Option(names = "--output", paramLabel = "<file>", description = "write the report to a file instead of standard output")
    Path output;

    @Override
    public Integer call() throws Exception {
        TargetSet targetSet;
        int[] portList;
        ScanOptions options;
        try {
            if (!format.equals("json") && !format.equals("table")) {
                throw new IllegalArgumentException("--format must be json or table, not \"" + format + "\"");
            }
            range("--concurrency", concurrency, 1, 16_384);
            range("--rate", rate, 1, 1_000_000);
            range("--timeout-ms", timeoutMs, 10, 60_000);
            range("--retries", retries, 0, 5);
            range("--read-timeout-ms", readTimeoutMs, 10, 60_000);
            range("--listen-ms", listenMs, 0, 60_000);
            targetSet = new TargetParser(force).parse(targets);
            portList = PortProfiles.resolve(ports, printerPorts);
            // the bundled catalog and registry load in the background while the ports are scanned
            CompletableFuture<Catalog> bundled = CompletableFuture.supplyAsync(Catalog::bundled);
            Catalog extra = extraCatalog == null ? null : Catalog.fromPath(extraCatalog);
            Supplier<Catalog> catalog = () -> {
                Catalog c = bundled.join();
                return extra == null ? c : c.plus(extra);
            };
            Supplier<OuiDatabase> oui;
            if (ouiFile == null) {
                oui = OuiDatabase::bundled;
            } else {
                OuiDatabase fromFile = OuiDatabase.fromFile(ouiFile);
                oui = () -> fromFile;
            }
            options = ScanOptions.defaults()
                    .withConcurrency(concurrency).withRate(rate).withTimeoutMs(timeoutMs).withRetries(retries)
                    .withReadTimeouts(readTimeoutMs, listenMs)
                    .withDiscovery(!noDiscovery).withEvidence(!noEvidence)
                    .withResolver(noRdns ? HostnameResolver.NONE : HostnameResolver.SYSTEM)
                    .withNeighbourTable(neighbourTable).withCatalog(catalog).withOui(oui);
            if (noUdp) {
                options = options.withUdpProbes(java.util.Map.of());
            }
        } catch (TargetException | PortSpecException | CatalogException e) {
            System.err.println("error: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IOException e) {
            System.err.println("error: cannot read " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        ScanReport report = new Scanner(options).scan(targetSet, portList, null);
        PrintStream out = output == null ? System.out : new PrintStream(Files.newOutputStream(output), true, StandardCharsets.UTF_8);
        try {
            if (format.equals("json")) {
                out.println(ReportWriter.json(report, LocalDocker.read(DaemonConfig.dockerSocket(dockerSocket))));
            } else {
                ReportWriter.table(report, out);
            }
        } finally {
            out.flush();
            if (output != null) {
                out.close();
            }
        }
        return 0;
    }

    /**
     * The command line of a scan read without picocli, whose reflection over the commands costs about
     * 0.15 s of a scan's start-up (measured, docs/benchmarks-scanner.md): the same options, the same
     * defaults from {@code settings}, the same conversions. Returns null for anything it does not read
     * exactly as picocli would (help, version, an unknown or repeated option, a value that does not
     * convert, {@code @files}, {@code --}): picocli then reads the command line and answers as always.
     * ScanCommandTest checks that both read the same command lines alike.
     */
    static ScanCommand parseQuickly(String[] args, Settings settings) {
        ScanCommand c = new ScanCommand();
        java.util.Set<String> given = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            char kind = kind(name);
            if (kind == 0 || !given.add(name)) {
                return null;
            }
            if (kind == 'b') {
                if (value != null) {
                    return null;
                }
                continue; // set below: picocli gives a flag the opposite of its default
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return null;
                }
                value = args[++i];
            }
            if (value.startsWith("-") || value.startsWith("@") || !c.set(name, value)) {
                return null;
            }
        }
        for (String name : OPTIONS) {
            boolean flag = kind(name) == 'b';
            if (!given.contains(name) || flag) {
                String v = settings.value("scan", name.substring(2));
                if (!c.set(name, v != null ? v : builtInDefault(name))) {
                    return null;
                }
                if (flag && given.contains(name)) {
                    c.set(name, c.flag(name) ? "false" : "true");
                }
            }
        }
        return c;
    }

    private static final String[] OPTIONS = {"--targets", "--ports", "--format", "--concurrency", "--rate", "--timeout-ms",
        "--retries", "--read-timeout-ms", "--listen-ms", "--force", "--include-printer-ports", "--no-discovery", "--no-rdns",
        "--no-udp", "--no-evidence", "--catalog", "--oui-file", "--neighbour-table", "--docker-socket", "--output"};

    /** 's' text, 'i' number, 'b' flag, 'p' path, 0 not an option read quickly. */
    private static char kind(String name) {
        switch (name) {
            case "--targets", "--ports", "--format", "--docker-socket":
                return 's';
            case "--concurrency", "--rate", "--timeout-ms", "--retries", "--read-timeout-ms", "--listen-ms":
                return 'i';
            case "--force", "--include-printer-ports", "--no-discovery", "--no-rdns", "--no-udp", "--no-evidence":
                return 'b';
            case "--catalog", "--oui-file", "--neighbour-table", "--output":
                return 'p';
            default:
                return 0;
        }
    }

    /** The annotations' defaultValue (null: none). */
    private static String builtInDefault(String name) {
        switch (name) {
            case "--targets":
                return "127.0.0.1";
            case "--ports":
                return "top1000";
            case "--format":
                return "table";
            case "--concurrency":
                return "" + ScanOptions.DEFAULT_CONCURRENCY;
            case "--rate":
                return "" + ScanOptions.DEFAULT_RATE;
            case "--timeout-ms":
                return "" + ScanOptions.DEFAULT_TIMEOUT_MS;
            case "--retries":
                return "1";
            case "--read-timeout-ms":
                return "2000";
            case "--listen-ms":
                return "1000";
            case "--neighbour-table":
                return "/proc/net/arp";
            case "--docker-socket":
                return "/var/run/docker.sock";
            default:
                return null;
        }
    }

    private boolean flag(String name) {
        return switch (name) {
            case "--force" -> force;
            case "--include-printer-ports" -> printerPorts;
            case "--no-discovery" -> noDiscovery;
            case "--no-rdns" -> noRdns;
            case "--no-udp" -> noUdp;
            case "--no-evidence" -> noEvidence;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Sets option {@code name} from {@code v} (null: unset); false when picocli would not convert it the same way. */
    private boolean set(String name, String v) {
        char kind = kind(name);
        int n = 0;
        boolean b = false;
        if (kind == 'i') {
            if (v == null || v.isEmpty() || v.length() > 9 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return false;
            }
            n = Integer.parseInt(v);
        } else if (kind == 'b') {
            if (v != null && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                return false;
            }
            b = v != null && v.equalsIgnoreCase("true");
        }
        Path p = kind == 'p' && v != null ? Path.of(v) : null;
        switch (name) {
            case "--targets" -> targets = v;
            case "--ports" -> ports = v;
            case "--format" -> format = v;
            case "--docker-socket" -> dockerSocket = v;
            case "--concurrency" -> concurrency = n;
            case "--rate" -> rate = n;
            case "--timeout-ms" -> timeoutMs = n;
            case "--retries" -> retries = n;
            case "--read-timeout-ms" -> readTimeoutMs = n;
            case "--listen-ms" -> listenMs = n;
            case "--force" -> force = b;
            case "--include-printer-ports" -> printerPorts = b;
            case "--no-discovery" -> noDiscovery = b;
            case "--no-rdns" -> noRdns = b;
            case "--no-udp" -> noUdp = b;
            case "--no-evidence" -> noEvidence = b;
            case "--catalog" -> extraCatalog = p;
            case "--oui-file" -> ouiFile = p;
            case "--neighbour-table" -> neighbourTable = p;
            case "--output" -> output = p;
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
    }
}
