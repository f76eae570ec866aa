package io.topograph.discovery.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.topograph.hosts.IpLiteral;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.ValidationException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a batch body completely before anything is written: malformed JSON is a 400,
 * more than {@value #MAX_HOSTS} hosts a 413, any invalid field a 422 naming its path
 * ({@code hosts[3].ports[0].port}). Fields the server does not know are ignored (the protocol
 * may add fields), but they are part of the body's hash.
 */
final class BatchParser {

    static final int MAX_HOSTS = 500;
    /** A 422 lists at most this many fields: enough to fix a daemon, small enough to read. */
    static final int MAX_ERRORS = 50;
    static final int MAX_HOSTNAME = 253;
    static final int MAX_TEXT = 200;
    static final int MAX_ID = 100;
    static final int MAX_CATEGORY = 64;
    static final int MAX_VERSION = 100;
    static final int MAX_REASON = 1000;
    static final int MAX_BANNER = 4096;
    static final int MAX_CONTAINERS = 500;
    static final int MAX_CONTAINER_PORTS = 1000;
    static final int MAX_CONTAINER_NETWORKS = 100;
    static final int MAX_DOCKER_NETWORKS = 500;
    static final int MAX_DOCKER_SUBNETS = 20;
    static final int MAX_CONTAINER_ID = 64;
    static final int MAX_DOCKER_NAME = 255;
    static final int MAX_IMAGE = 500;
    static final int MAX_CONTAINER_STATE = 32;
    private static final Pattern CONTAINER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Set<String> CONTAINER_PROTOCOLS = Set.of("tcp", "udp", "sctp");

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}");
    /** Not an identity: all zeros and broadcast are what broken neighbour tables report. */
    private static final Set<String> NO_MAC = Set.of("00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff");
    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP");
    private static final Set<String> STATES = Set.of("OPEN", "CLOSED", "FILTERED", "OPEN|FILTERED");

    private BatchParser() {
    }

    /** Parses and checks {@code body}; throws a 400, 413 or 422 exception when it cannot be ingested. */
    static Batch parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "The request body could not be read.");
        }
        if (root == null || root.isMissingNode()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "The request body is empty; send {\"hosts\": [...]}.");
        }
        Errors errors = new Errors();
        if (!root.isObject()) {
            throw new ValidationException(errors.add("", "The body must be a JSON object {\"hosts\": [...]}.").form);
        }
        JsonNode hostsNode = root.get("hosts");
        if (hostsNode == null || !hostsNode.isArray()) {
            throw new ValidationException(errors.add("hosts", "is required: a list of hosts (it may be empty)").form);
        }
        if (hostsNode.size() > MAX_HOSTS) {
            throw new HttpStatusException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "A batch holds at most " + MAX_HOSTS
                    + " hosts; this one has " + hostsNode.size() + ". Split it into several batches.");
        }
        List<Batch.Host> hosts = new ArrayList<>(hostsNode.size());
        Map<String, Integer> seenAddresses = new HashMap<>();
        for (int i = 0; i < hostsNode.size(); i++) {
            Batch.Host host = host(hostsNode.get(i), "hosts[" + i + "]", i, errors);
            if (host != null) {
                Integer first = seenAddresses.putIfAbsent(host.address(), i);
                if (first != null) {
                    errors.add("hosts[" + i + "].ip", "is the same address as hosts[" + first + "].ip; send each address once per batch");
                }
                hosts.add(host);
            }
        }
        if (errors.any()) {
            throw new ValidationException(errors.form);
        }
        return new Batch(List.copyOf(hosts), CanonicalJson.sha256(root));
    }

    @Nullable
    private static Batch.Host host(JsonNode node, String path, int index, Errors errors) {
        if (node == null || !node.isObject()) {
            errors.add(path, "must be an object");
            return null;
        }
        int before = errors.count();
        String ip = text(node, "ip", path, true, 45, true, errors);
        String address = null;
        if (ip != null) {
            address = Addresses.key(ip);
            if (address == null) {
                errors.add(path + ".ip", "is not an IPv4 or IPv6 address");
            }
        }
        String mac = text(node, "mac", path, false, 17, true, errors);
        if (mac != null) {
            if (!MAC.matcher(mac).matches()) {
                errors.add(path + ".mac", "is not a MAC address (six hex pairs separated by colons, e.g. 00:00:5e:00:53:01)");
            } else {
                mac = mac.replace('-', ':').toLowerCase(Locale.ROOT);
                if (NO_MAC.contains(mac)) {
                    mac = null;
                }
            }
        }
        String vendor = text(node, "vendor", path, false, MAX_TEXT, true, errors);
        String hostname = text(node, "hostname", path, false, MAX_HOSTNAME, true, errors);
        String os = text(node, "os", path, false, MAX_TEXT, true, errors);
        List<Batch.Port> ports = new ArrayList<>();
        JsonNode portsNode = list(node, "ports", path, errors);
        for (int i = 0; portsNode != null && i < portsNode.size(); i++) {
            Batch.Port port = port(portsNode.get(i), path + ".ports[" + i + "]", errors);
            if (port != null) {
                ports.add(port);
            }
        }
        List<Batch.Service> services = new ArrayList<>();
        JsonNode servicesNode = list(node, "services", path, errors);
        for (int i = 0; servicesNode != null && i < servicesNode.size(); i++) {
            Batch.Service service = service(servicesNode.get(i), path + ".services[" + i + "]", errors);
            if (service != null) {
                services.add(service);
            }
        }
        // Derived by the server from ports without a service; still checked, as it is part of the contract.
        JsonNode unidentified = list(node, "unidentifiedPorts", path, errors);
        for (int i = 0; unidentified != null && i < unidentified.size(); i++) {
            portNumber(unidentified.get(i), path + ".unidentifiedPorts[" + i + "]", errors);
        }
        Batch.Docker docker = docker(node.get("docker"), path + ".docker", errors);
        if (errors.count() > before || address == null) {
            return null;
        }
        return new Batch.Host(index, ip, address, mac, vendor, hostname, os, List.copyOf(ports), List.copyOf(services), docker);
    }

    /** The optional {@code docker} field: absent or null is none. */
    @Nullable
    private static Batch.Docker docker(@Nullable JsonNode node, String path, Errors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(path, "must be an object {\"containers\": [...], \"networks\": [...]}");
            return null;
        }
        int before = errors.count();
        List<Batch.Container> containers = new ArrayList<>();
        JsonNode list = list(node, "containers", path, errors);
        if (list != null && list.size() > MAX_CONTAINERS) {
            errors.add(path + ".containers", "holds at most " + MAX_CONTAINERS + " containers, not " + list.size());
            list = null;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            String where = path + ".containers[" + i + "]";
            Batch.Container c = container(list.get(i), where, errors);
            if (c != null) {
                Integer first = seen.putIfAbsent(c.id(), i);
                if (first != null) {
                    errors.add(where + ".id", "is the same container as " + path + ".containers[" + first + "].id");
                }
                containers.add(c);
            }
        }
        JsonNode networks = list(node, "networks", path, errors);
        if (networks != null && networks.size() > MAX_DOCKER_NETWORKS) {
            errors.add(path + ".networks", "holds at most " + MAX_DOCKER_NETWORKS + " networks, not " + networks.size());
            networks = null;
        }
        for (int i = 0; networks != null && i < networks.size(); i++) {
            String where = path + ".networks[" + i + "]";
            JsonNode n = networks.get(i);
            if (n == null || !n.isObject()) {
                errors.add(where, "must be an object");
                continue;
            }
            text(n, "id", where, false, MAX_CONTAINER_ID, true, errors);
            text(n, "name", where, true, MAX_DOCKER_NAME, true, errors);
            text(n, "driver", where, false, MAX_CATEGORY, true, errors);
            JsonNode subnets = list(n, "subnets", where, errors);
            if (subnets != null && subnets.size() > MAX_DOCKER_SUBNETS) {
                errors.add(where + ".subnets", "holds at most " + MAX_DOCKER_SUBNETS + " subnets");
                subnets = null;
            }
            for (int j = 0; subnets != null && j < subnets.size(); j++) {
                JsonNode sn = subnets.get(j);
                if (sn == null || !sn.isTextual() || !isCidr(sn.textValue())) {
                    errors.add(where + ".subnets[" + j + "]", "is not a subnet in CIDR form (e.g. 172.17.0.0/16)");
                }
            }
        }
        return errors.count() > before ? null : new Batch.Docker(List.copyOf(containers));
    }

    @Nullable
    private static Batch.Container container(JsonNode node, String path, Errors errors) {
        if (node == null || !node.isObject()) {
            errors.add(path, "must be an object");
            return null;
        }
        int before = errors.count();
        String id = text(node, "id", path, true, MAX_CONTAINER_ID, true, errors);
        if (id != null && !CONTAINER_ID.matcher(id).matches()) {
            errors.add(path + ".id", "is not a container id (letters, digits, '_', '.', '-')");
        }
        String name = text(node, "name", path, false, MAX_DOCKER_NAME, true, errors);
        String image = text(node, "image", path, false, MAX_IMAGE, true, errors);
        String state = text(node, "state", path, false, MAX_CONTAINER_STATE, true, errors);
        List<Batch.ContainerPort> ports = new ArrayList<>();
        JsonNode portsNode = list(node, "ports", path, errors);
        if (portsNode != null && portsNode.size() > MAX_CONTAINER_PORTS) {
            errors.add(path + ".ports", "holds at most " + MAX_CONTAINER_PORTS + " ports, not " + portsNode.size());
            portsNode = null;
        }
        for (int i = 0; portsNode != null && i < portsNode.size(); i++) {
            String where = path + ".ports[" + i + "]";
            JsonNode p = portsNode.get(i);
            if (p == null || !p.isObject()) {
                errors.add(where, "must be an object");
                continue;
            }
            Integer containerPort = portNumber(p.get("containerPort"), where + ".containerPort", errors);
            String protocol = text(p, "protocol", where, true, 4, true, errors);
            if (protocol != null) {
                protocol = protocol.toLowerCase(Locale.ROOT);
                if (!CONTAINER_PROTOCOLS.contains(protocol)) {
                    errors.add(where + ".protocol", "must be tcp, udp or sctp");
                    protocol = null;
                }
            }
            String hostIp = text(p, "hostIp", where, false, 45, true, errors);
            if (hostIp != null && !IpLiteral.isValid(hostIp)) {
                errors.add(where + ".hostIp", "is not an IPv4 or IPv6 address");
                hostIp = null;
            }
            JsonNode hp = p.get("hostPort");
            Integer hostPort = hp == null || hp.isNull() ? null : portNumber(hp, where + ".hostPort", errors);
            if (containerPort != null && protocol != null) {
                ports.add(new Batch.ContainerPort(containerPort, protocol, hostIp, hostPort));
            }
        }
        List<Batch.ContainerNetwork> networks = new ArrayList<>();
        JsonNode netNode = list(node, "networks", path, errors);
        if (netNode != null && netNode.size() > MAX_CONTAINER_NETWORKS) {
            errors.add(path + ".networks", "holds at most " + MAX_CONTAINER_NETWORKS + " networks, not " + netNode.size());
            netNode = null;
        }
        for (int i = 0; netNode != null && i < netNode.size(); i++) {
            String where = path + ".networks[" + i + "]";
            JsonNode n = netNode.get(i);
            if (n == null || !n.isObject()) {
                errors.add(where, "must be an object");
                continue;
            }
            String network = text(n, "network", where, true, MAX_DOCKER_NAME, true, errors);
            String ip = text(n, "ip", where, false, 45, true, errors);
            if (ip != null && !IpLiteral.isValid(ip)) {
                errors.add(where + ".ip", "is not an IPv4 or IPv6 address");
            }
            String mac = text(n, "mac", where, false, 17, true, errors);
            if (mac != null) {
                if (!MAC.matcher(mac).matches()) {
                    errors.add(where + ".mac", "is not a MAC address (six hex pairs separated by colons)");
                } else {
                    mac = mac.replace('-', ':').toLowerCase(Locale.ROOT);
                }
            }
            if (network != null) {
                networks.add(new Batch.ContainerNetwork(network, ip, mac));
            }
        }
        if (errors.count() > before || id == null) {
            return null;
        }
        return new Batch.Container(id, name, image, state, List.copyOf(ports), List.copyOf(networks));
    }

    private static boolean isCidr(String text) {
        if (text.length() > 49) {
            return false;
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return false;
        }
        byte[] address = IpLiteral.parse(text.substring(0, slash));
        String prefix = text.substring(slash + 1);
        if (address == null || !prefix.matches("\\d{1,3}")) {
            return false;
        }
        return Integer.parseInt(prefix) <= address.length * 8;
    }

    @Nullable
    private static Batch.Port port(JsonNode node, String path, Errors errors) {
        if (node == null || !node.isObject()) {
            errors.add(path, "must be an object");
            return null;
        }
        Integer number = portNumber(node.get("port"), path + ".port", errors);
        String protocol = protocol(node, path, errors);
        String state = text(node, "state", path, false, 20, true, errors);
        if (state == null) {
            state = "OPEN";
        } else {
            state = state.toUpperCase(Locale.ROOT);
            if (!STATES.contains(state)) {
                errors.add(path + ".state", "must be open, closed, filtered or open|filtered");
                state = null;
            }
        }
        String banner = text(node, "banner", path, false, MAX_BANNER, false, errors);
        if (number == null || protocol == null || state == null) {
            return null;
        }
        return new Batch.Port(number, protocol, state, banner);
    }

    @Nullable
    private static Batch.Service service(JsonNode node, String path, Errors errors) {
        if (node == null || !node.isObject()) {
            errors.add(path, "must be an object");
            return null;
        }
        int before = errors.count();
        String id = text(node, "id", path, false, MAX_ID, true, errors);
        String name = text(node, "name", path, true, MAX_TEXT, true, errors);
        String category = text(node, "category", path, false, MAX_CATEGORY, true, errors);
        Integer port = portNumber(node.get("port"), path + ".port", errors);
        String protocol = protocol(node, path, errors);
        Integer confidence = null;
        JsonNode c = node.get("confidence");
        if (c == null || c.isNull()) {
            errors.add(path + ".confidence", "is required (0 to 100)");
        } else if (!c.isIntegralNumber() || !c.canConvertToInt() || c.intValue() < 0 || c.intValue() > 100) {
            errors.add(path + ".confidence", "must be a whole number from 0 to 100");
        } else {
            confidence = c.intValue();
        }
        String reason = text(node, "reason", path, false, MAX_REASON, false, errors);
        String version = text(node, "version", path, false, MAX_VERSION, true, errors);
        if (errors.count() > before || port == null || protocol == null || confidence == null || name == null) {
            return null;
        }
        return new Batch.Service(id, name, category == null ? "other" : category, port, protocol, confidence,
                reason == null ? "" : reason, version);
    }

    @Nullable
    private static Integer portNumber(@Nullable JsonNode n, String path, Errors errors) {
        if (n == null || n.isNull()) {
            errors.add(path, "is required (0 to 65535)");
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0 || n.intValue() > 65535) {
            errors.add(path, "must be a whole number from 0 to 65535");
            return null;
        }
        return n.intValue();
    }

    @Nullable
    private static String protocol(JsonNode node, String path, Errors errors) {
        String protocol = text(node, "protocol", path, true, 3, true, errors);
        if (protocol == null) {
            return null;
        }
        String upper = protocol.toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(upper)) {
            errors.add(path + ".protocol", "must be tcp or udp");
            return null;
        }
        return upper;
    }

    @Nullable
    private static JsonNode list(JsonNode node, String field, String path, Errors errors) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            errors.add(path + "." + field, "must be a list");
            return null;
        }
        return n;
    }

    /**
     * A string field: absent or null is null (or an error when {@code required}); blank counts
     * as absent. Text is bounded; a NUL is never accepted (PostgreSQL text cannot hold it) and
     * single-line fields accept no control character at all.
     */
    @Nullable
    private static String text(JsonNode node, String field, String path, boolean required, int max, boolean singleLine, Errors errors) {
        JsonNode n = node.get(field);
        String where = path + "." + field;
        if (n == null || n.isNull()) {
            if (required) {
                errors.add(where, "is required");
            }
            return null;
        }
        if (!n.isTextual()) {
            errors.add(where, "must be a string");
            return null;
        }
        String value = n.textValue().strip();
        if (value.isEmpty()) {
            if (required) {
                errors.add(where, "is required");
            }
            return null;
        }
        if (value.length() > max) {
            errors.add(where, "must be at most " + max + " characters");
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == 0 || (singleLine && Character.isISOControl(ch))) {
                errors.add(where, ch == 0 ? "must not contain a NUL character" : "must not contain control characters");
                return null;
            }
        }
        return value;
    }

    /** Field messages, capped at {@link #MAX_ERRORS}. */
    private static final class Errors {
        final FormErrors form = FormErrors.none();
        private int count;

        Errors add(String field, String message) {
            count++;
            if (count <= MAX_ERRORS) {
                form.add(field, message);
            }
            return this;
        }

        int count() {
            return count;
        }

        boolean any() {
            return count > 0;
        }
    }
}
