package io.topograph.topology.sample;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * The generated inventory of a sample network, pure and deterministic: the same seed gives the same
 * hosts, addresses, services and states. Ids are derived from the network id, so two organizations'
 * samples never share a row id. Addresses are private-range text that nothing ever contacts; MACs
 * start with real vendors' prefixes (OUIs), so the vendor column reads true.
 */
final class SampleInventory {

    record Subnet(UUID id, String cidr, String name) {
    }

    record Host(UUID id, String name, String hostname, @Nullable String os, @Nullable Boolean online, int missedRuns, boolean hidden) {
    }

    record Interface(UUID id, UUID hostId, UUID subnetId, String ip, String mac, String vendor) {
    }

    /** A service on one TCP or UDP port, bound to the host's interface {@code interfaceId}. */
    record Service(UUID id, UUID portId, UUID hostId, UUID interfaceId, String definitionId, String name, String category, int port,
                   String protocol, int confidence) {
    }

    record Container(UUID hostId, String containerId, String name, String image, String state, String networksJson) {
    }

    record Group(UUID id, String name, String shape, String color, String edgeStyle, List<String> members) {
    }

    /** A catalog service: its id, name, category and port ("443/tcp"). */
    private record Offer(String id, String name, String category, int port, String protocol) {
        static Offer of(String id, String name, String category, String port) {
            String[] p = port.split("/");
            return new Offer(id, name, category, Integer.parseInt(p[0]), p[1].toUpperCase(Locale.ROOT));
        }
    }

    private record Vendor(String name, String oui) {
    }

    private static final Vendor DELL = new Vendor("Dell Inc.", "f8:bc:12");
    private static final Vendor HP = new Vendor("Hewlett Packard", "3c:d9:2b");
    private static final Vendor APPLE = new Vendor("Apple, Inc.", "f0:18:98");
    private static final Vendor INTEL = new Vendor("Intel Corporate", "00:1b:21");
    private static final Vendor RPI = new Vendor("Raspberry Pi Foundation", "b8:27:eb");
    private static final Vendor SYNOLOGY = new Vendor("Synology Incorporated", "00:11:32");
    private static final Vendor UBIQUITI = new Vendor("Ubiquiti Networks Inc.", "24:a4:3c");
    private static final Vendor HIKVISION = new Vendor("Hangzhou Hikvision Digital Technology Co.,Ltd.", "44:19:b6");
    private static final Vendor ESPRESSIF = new Vendor("Espressif Inc.", "24:0a:c4");
    private static final Vendor BROTHER = new Vendor("Brother Industries, Ltd.", "00:80:77");
    private static final Vendor SUPERMICRO = new Vendor("Super Micro Computer, Inc.", "00:25:90");
    private static final Vendor CISCO = new Vendor("Cisco Systems, Inc", "00:00:0c");
    private static final Vendor NETGATE = new Vendor("Netgate", "00:08:a2");
    private static final Vendor PHILIPS = new Vendor("Philips Lighting BV", "00:17:88");
    private static final Vendor SONOS = new Vendor("Sonos, Inc.", "00:0e:58");
    private static final Vendor GOOGLE = new Vendor("Google, Inc.", "f4:f5:d8");
    private static final Vendor SAMSUNG = new Vendor("Samsung Electronics Co.,Ltd", "00:16:32");

    private static final Offer SSH = Offer.of("openssh", "OpenSSH", "remote-access", "22/tcp");
    private static final Offer NGINX = Offer.of("nginx", "nginx", "web-server", "443/tcp");
    private static final Offer NGINX_HTTP = Offer.of("nginx", "nginx", "web-server", "80/tcp");
    private static final Offer APACHE = Offer.of("apache-httpd", "Apache httpd", "web-server", "80/tcp");
    private static final Offer TOMCAT = Offer.of("tomcat", "Apache Tomcat", "web-server", "8080/tcp");
    private static final Offer POSTGRES = Offer.of("postgresql", "PostgreSQL", "database", "5432/tcp");
    private static final Offer MYSQL = Offer.of("mysql", "MySQL", "database", "3306/tcp");
    private static final Offer REDIS = Offer.of("redis", "Redis", "database", "6379/tcp");
    private static final Offer DNS = Offer.of("bind9", "BIND", "network", "53/udp");
    private static final Offer PFSENSE = Offer.of("pfsense", "pfSense", "network", "443/tcp");
    private static final Offer UNIFI = Offer.of("unifi-network", "UniFi Network", "network", "8443/tcp");
    private static final Offer IPP = Offer.of("ipp", "IPP printing", "printer", "631/tcp");
    private static final Offer JETDIRECT = Offer.of("jetdirect", "HP JetDirect", "printer", "9100/tcp");
    private static final Offer DSM = Offer.of("synology-dsm", "Synology DSM", "storage", "5001/tcp");
    private static final Offer SMB = Offer.of("smb", "SMB file sharing", "file-sharing", "445/tcp");
    private static final Offer CAMERA = Offer.of("hikvision", "Hikvision camera", "home-automation", "554/tcp");
    private static final Offer HASS = Offer.of("home-assistant", "Home Assistant", "home-automation", "8123/tcp");
    private static final Offer MQTT = Offer.of("mqtt", "MQTT broker", "messaging", "1883/tcp");
    private static final Offer HUE = Offer.of("hue-bridge", "Philips Hue bridge", "home-automation", "443/tcp");
    private static final Offer SONOS_SVC = Offer.of("sonos", "Sonos speaker", "home-automation", "1400/tcp");
    private static final Offer CAST = Offer.of("google-cast", "Google Cast", "home-automation", "8009/tcp");
    private static final Offer TASMOTA = Offer.of("tasmota", "Tasmota", "home-automation", "80/tcp");
    private static final Offer GRAFANA = Offer.of("grafana", "Grafana", "monitoring", "3000/tcp");
    private static final Offer PROMETHEUS = Offer.of("prometheus", "Prometheus", "monitoring", "9090/tcp");
    private static final Offer NODE_EXPORTER = Offer.of("node-exporter", "Node exporter", "monitoring", "9100/tcp");
    private static final Offer UPTIME = Offer.of("uptime-kuma", "Uptime Kuma", "monitoring", "3001/tcp");
    private static final Offer POSTFIX = Offer.of("postfix", "Postfix", "mail", "25/tcp");
    private static final Offer IMAP = Offer.of("dovecot", "Dovecot", "mail", "993/tcp");
    private static final Offer RDP = Offer.of("rdp", "Remote Desktop", "remote-access", "3389/tcp");
    private static final Offer IDRAC = Offer.of("idrac", "Dell iDRAC", "remote-access", "443/tcp");
    private static final Offer ILO = Offer.of("hp-ilo", "HPE iLO", "remote-access", "443/tcp");
    private static final Offer SNMP = Offer.of("snmp-cisco", "SNMP (Cisco)", "network", "161/udp");
    private static final Offer PLEX = Offer.of("plex", "Plex", "media", "32400/tcp");
    private static final Offer DOCKER = Offer.of("portainer", "Portainer", "virtualization", "9443/tcp");
    private static final Offer PROXMOX = Offer.of("proxmox-ve", "Proxmox VE", "virtualization", "8006/tcp");
    private static final Offer GITEA = Offer.of("gitea", "Gitea", "development", "3000/tcp");
    private static final Offer LDAP = Offer.of("ldap", "LDAP", "directory", "389/tcp");
    private static final Offer WIREGUARD = Offer.of("wireguard", "WireGuard", "network", "51820/udp");

    final List<Subnet> subnets = new ArrayList<>();
    final List<Host> hosts = new ArrayList<>();
    final List<Interface> interfaces = new ArrayList<>();
    final List<Service> services = new ArrayList<>();
    final List<Container> containers = new ArrayList<>();
    final List<Group> groups = new ArrayList<>();

    private final UUID networkId;
    private final Random random;

    private SampleInventory(UUID networkId, long seed) {
        this.networkId = networkId;
        this.random = new Random(seed);
    }

    static SampleInventory generate(UUID networkId, long seed) {
        SampleInventory s = new SampleInventory(networkId, seed);
        s.build();
        return s;
    }

    private void build() {
        Subnet lan = subnet("192.168.1.0/24", "Office LAN");
        Subnet servers = subnet("10.10.0.0/24", "Servers");
        Subnet dmz = subnet("172.16.50.0/24", "DMZ");
        Subnet wifi = subnet("192.168.20.0/24", "Staff Wi-Fi");
        Subnet iot = subnet("192.168.30.0/24", "IoT devices");
        Subnet guest = subnet("192.168.40.0/24", "Guest network");
        Subnet mgmt = subnet("10.99.0.0/24", "Management");
        Subnet docker = subnet("172.17.0.0/16", "docker0");
        Subnet vpn = subnet("10.200.0.0/24", "VPN road warriors");

        // The core firewall: first address of every routed subnet, so it is each one's gateway (it sits in
    // Servers, its lowest address).
        UUID fw = host("fw-core", "fw-core.corp.example", "pfSense 2.7", true);
        Interface fwLan = nic(fw, lan, 1, NETGATE);
        service(fw, fwLan, PFSENSE);
        service(fw, fwLan, DNS);
        for (Subnet s : List.of(servers, dmz, wifi, iot, guest, mgmt, vpn)) {
            nic(fw, s, 1, NETGATE);
        }
        service(fw, interfaces.get(interfaces.size() - 1), WIREGUARD);

        // Servers: web and application tier, databases, storage, monitoring, directory.
        UUID proxy = host("proxy-01", "proxy-01.corp.example", "Debian 12", true);
        Interface proxyDmz = nic(proxy, dmz, 10, DELL);
        nic(proxy, servers, 10, DELL);
        UUID proxyNginx = service(proxy, proxyDmz, NGINX);
        service(proxy, proxyDmz, NGINX_HTTP);
        service(proxy, proxyDmz, SSH);
        UUID mail = host("mail-01", "mail-01.corp.example", "Ubuntu 22.04", true);
        Interface mailNic = nic(mail, dmz, 20, DELL);
        service(mail, mailNic, POSTFIX);
        service(mail, mailNic, IMAP);
        service(mail, mailNic, SSH);
        for (int i = 1; i <= 4; i++) {
            UUID h = host(String.format("www-%02d", i), String.format("www-%02d.dmz.example", i), "Debian 12", presence());
            Interface n = nic(h, dmz, 30 + i, SUPERMICRO);
            service(h, n, APACHE);
            service(h, n, SSH);
        }
        List<UUID> appTomcats = new ArrayList<>();
        List<UUID> exporters = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            UUID h = host(String.format("app-%02d", i), String.format("app-%02d.corp.example", i), "Rocky Linux 9", presence());
            Interface n = nic(h, servers, 20 + i, DELL);
            appTomcats.add(service(h, n, TOMCAT));
            service(h, n, SSH);
            exporters.add(service(h, n, NODE_EXPORTER));
        }
        UUID db = host("db-01", "db-01.corp.example", "Debian 12", true);
        Interface dbNic = nic(db, servers, 40, DELL);
        UUID dbPostgres = service(db, dbNic, POSTGRES);
        service(db, dbNic, SSH);
        exporters.add(service(db, dbNic, NODE_EXPORTER));
        UUID db2 = host("db-02", "db-02.corp.example", "Debian 12", true);
        Interface db2Nic = nic(db2, servers, 41, DELL);
        service(db2, db2Nic, MYSQL);
        service(db2, db2Nic, REDIS);
        service(db2, db2Nic, SSH);
        UUID nas = host("nas-01", "nas-01.corp.example", "Synology DSM 7.2", true);
        Interface nasNic = nic(nas, servers, 50, SYNOLOGY);
        nic(nas, mgmt, 50, SYNOLOGY);
        service(nas, nasNic, DSM);
        service(nas, nasNic, SMB);
        service(nas, nasNic, PLEX);
        UUID mon = host("mon-01", "mon-01.corp.example", "Ubuntu 24.04", true);
        Interface monNic = nic(mon, servers, 60, INTEL);
        UUID prometheus = service(mon, monNic, PROMETHEUS);
        service(mon, monNic, GRAFANA);
        service(mon, monNic, UPTIME);
        service(mon, monNic, SSH);
        UUID dc = host("dc-01", "dc-01.corp.example", "Windows Server 2022", true);
        Interface dcNic = nic(dc, servers, 70, HP);
        service(dc, dcNic, LDAP);
        service(dc, dcNic, Offer.of("dns", "DNS", "network", "53/udp"));
        service(dc, dcNic, RDP);
        UUID pve = host("pve-01", "pve-01.corp.example", "Proxmox VE 8", true);
        Interface pveNic = nic(pve, servers, 80, SUPERMICRO);
        service(pve, pveNic, PROXMOX);
        service(pve, pveNic, SSH);
        UUID git = host("git-01", "git-01.corp.example", "Debian 12", presence());
        Interface gitNic = nic(git, servers, 90, DELL);
        service(git, gitNic, GITEA);
        service(git, gitNic, SSH);

        // Two Docker hosts, each with containers on the default bridge.
        String[][] stacks = {{"grafana", "grafana/grafana:11.1.0"}, {"prometheus", "prom/prometheus:v2.53.0"},
                {"postgres", "postgres:16"}, {"redis", "redis:7-alpine"}, {"traefik", "traefik:v3.0"}, {"nextcloud", "nextcloud:29"},
                {"vaultwarden", "vaultwarden/server:1.31.0"}, {"uptime-kuma", "louislam/uptime-kuma:1"}};
        int container = 2;
        for (int d = 1; d <= 2; d++) {
            UUID h = host("docker-0" + d, "docker-0" + d + ".corp.example", "Ubuntu 24.04", true);
            Interface n = nic(h, servers, 100 + d, DELL);
            nic(h, docker, d == 1 ? 1 : 2, DELL);
            service(h, n, DOCKER);
            service(h, n, SSH);
            for (int c = 0; c < 4; c++) {
                String[] stack = stacks[(d - 1) * 4 + c];
                String ip = "172.17.0." + (++container + 1);
                String mac = String.format("02:42:ac:11:00:%02x", container + 1);
                String state = random.nextInt(10) == 0 ? "exited" : "running";
                containers.add(new Container(h, hex(12), stack[0], stack[1], state,
                        "[{\"network\":\"bridge\",\"ip\":\"" + ip + "\",\"mac\":\"" + mac + "\"}]"));
            }
        }

        // Management: switches, access points, out-of-band controllers.
        for (int i = 1; i <= 4; i++) {
            UUID h = host("sw-" + i, "sw-" + i + ".mgmt.example", "Cisco IOS 15.2", true);
            Interface n = nic(h, mgmt, 10 + i, CISCO);
            service(h, n, SNMP);
            service(h, n, SSH);
        }
        for (int i = 1; i <= 6; i++) {
            UUID h = host("ap-" + i, "ap-" + i + ".mgmt.example", "UniFi AP", presence());
            Interface n = nic(h, mgmt, 20 + i, UBIQUITI);
            service(h, n, SSH);
        }
        UUID unifi = host("unifi-controller", "unifi.mgmt.example", "Debian 12", true);
        service(unifi, nic(unifi, mgmt, 30, UBIQUITI), UNIFI);
        for (int i = 1; i <= 6; i++) {
            UUID h = host("bmc-" + i, "bmc-" + i + ".mgmt.example", null, presence());
            service(h, nic(h, mgmt, 40 + i, i % 2 == 0 ? HP : DELL), i % 2 == 0 ? ILO : IDRAC);
        }

        // Office LAN: workstations, printers, a few hidden lab machines.
        String[] people = {"ana", "ben", "chloe", "david", "emma", "farid", "grace", "hugo", "ines", "jonas", "kim", "lea", "marc",
                "nora", "omar", "paula", "quentin", "rosa", "sam", "tara", "ugo", "vera", "will", "xenia", "yann", "zoe"};
        int ip = 20;
        for (int i = 0; i < 70; i++) {
            String who = people[i % people.length] + (i >= people.length ? String.valueOf(i / people.length + 1) : "");
            boolean mac = random.nextInt(4) == 0;
            UUID h = host((mac ? "mac-" : "pc-") + who, (mac ? "mac-" : "pc-") + who + ".office.example",
                    mac ? "macOS 14" : "Windows 11", presence());
            Interface n = nic(h, lan, ip++, mac ? APPLE : random.nextBoolean() ? DELL : HP);
            if (!mac && random.nextInt(3) == 0) {
                service(h, n, RDP);
            }
            if (mac) {
                service(h, n, SSH);
            }
        }
        for (int i = 1; i <= 5; i++) {
            UUID h = host("printer-" + i, "printer-" + i + ".office.example", null, presence());
            Interface n = nic(h, lan, 200 + i, i % 2 == 0 ? BROTHER : HP);
            service(h, n, IPP);
            service(h, n, JETDIRECT);
        }
        for (int i = 1; i <= 3; i++) {
            UUID h = host("lab-pi-" + i, "lab-pi-" + i + ".office.example", "Raspberry Pi OS", presence());
            service(h, nic(h, lan, 220 + i, RPI), SSH);
            hidden(h);
        }

        // Wi-Fi: phones and laptops, no services.
        for (int i = 0; i < 60; i++) {
            Vendor v = switch (random.nextInt(4)) {
                case 0 -> APPLE;
                case 1 -> SAMSUNG;
                case 2 -> GOOGLE;
                default -> INTEL;
            };
            String kind = v == INTEL ? "laptop" : "phone";
            UUID h = host(kind + "-" + String.format("%03d", i + 1), null, null, presence());
            nic(h, wifi, 50 + i, v);
        }

        // IoT: cameras, home automation, smart plugs, speakers.
        UUID hass = host("home-assistant", "homeassistant.iot.example", "Home Assistant OS 12", true);
        Interface hassNic = nic(hass, iot, 10, RPI);
        UUID hassSvc = service(hass, hassNic, HASS);
        UUID mqtt = service(hass, hassNic, MQTT);
        UUID hue = host("hue-bridge", null, null, true);
        UUID hueSvc = service(hue, nic(hue, iot, 11, PHILIPS), HUE);
        for (int i = 1; i <= 8; i++) {
            UUID h = host("cam-" + i, null, "Hikvision firmware 5.7", presence());
            service(h, nic(h, iot, 20 + i, HIKVISION), CAMERA);
        }
        List<UUID> plugs = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            UUID h = host("plug-" + i, null, null, presence());
            plugs.add(service(h, nic(h, iot, 40 + i, ESPRESSIF), TASMOTA));
        }
        for (int i = 1; i <= 4; i++) {
            UUID h = host("speaker-" + i, null, null, presence());
            service(h, nic(h, iot, 70 + i, i % 2 == 0 ? SONOS : GOOGLE), i % 2 == 0 ? SONOS_SVC : CAST);
        }

        // Guests: unknown devices.
        for (int i = 0; i < 30; i++) {
            UUID h = host("guest-" + String.format("%02d", i + 1), null, null, presence());
            nic(h, guest, 100 + i, switch (i % 3) {
                case 0 -> APPLE;
                case 1 -> SAMSUNG;
                default -> GOOGLE;
            });
        }
        // Road warriors on the VPN.
        for (int i = 1; i <= 5; i++) {
            UUID h = host("vpn-" + people[i], null, "Windows 11", presence());
            nic(h, vpn, 10 + i, INTEL);
        }

        groups.add(new Group(id("group:web"), "Web request path", "PATH", "#1f77b4", "SOLID",
                List.of("svc:" + proxyNginx, "svc:" + appTomcats.get(0), "svc:" + dbPostgres)));
        List<String> scraped = new ArrayList<>();
        scraped.add("svc:" + prometheus);
        exporters.forEach(e -> scraped.add("svc:" + e));
        groups.add(new Group(id("group:monitoring"), "Monitoring scrapes", "HUB", "#ff7f0e", "DASHED", scraped));
        List<String> home = new ArrayList<>(List.of("svc:" + hassSvc, "svc:" + mqtt, "svc:" + hueSvc));
        plugs.stream().limit(4).forEach(p -> home.add("svc:" + p));
        groups.add(new Group(id("group:home"), "Home automation", "HUB", "#2ca02c", "DOTTED", home));
    }

    private Subnet subnet(String cidr, String name) {
        Subnet s = new Subnet(id("subnet:" + cidr), cidr, name);
        subnets.add(s);
        return s;
    }

    private UUID host(String name, @Nullable String hostname, @Nullable String os, @Nullable Boolean online) {
        UUID id = id("host:" + name);
        // missed runs: an online host missed by the last run reads MISSING; an offline one was missed three times.
        int missed = online == null ? 0 : online ? (random.nextInt(20) == 0 ? 1 : 0) : 3;
        hosts.add(new Host(id, name, hostname, os, online, missed, false));
        return id;
    }

    private void hidden(UUID hostId) {
        for (int i = 0; i < hosts.size(); i++) {
            Host h = hosts.get(i);
            if (h.id().equals(hostId)) {
                hosts.set(i, new Host(h.id(), h.name(), h.hostname(), h.os(), h.online(), h.missedRuns(), true));
            }
        }
    }

    /** Mostly online; some offline, some never scanned. */
    @Nullable
    private Boolean presence() {
        int r = random.nextInt(20);
        return r < 16 ? Boolean.TRUE : r < 18 ? Boolean.FALSE : null;
    }

    private Interface nic(UUID hostId, Subnet subnet, int last, Vendor vendor) {
        String base = subnet.cidr().substring(0, subnet.cidr().lastIndexOf('.'));
        String ip = subnet.cidr().endsWith("/16") ? base.substring(0, base.lastIndexOf('.')) + ".0." + last : base + "." + last;
        String mac = vendor.oui() + String.format(":%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
        Interface i = new Interface(id("if:" + hostId + ":" + ip), hostId, subnet.id(), ip, mac, vendor.name());
        interfaces.add(i);
        return i;
    }

    private UUID service(UUID hostId, Interface on, Offer offer) {
        UUID id = id("svc:" + hostId + ":" + offer.id() + ":" + offer.port());
        services.add(new Service(id, id("port:" + hostId + ":" + offer.protocol() + offer.port()), hostId, on.id(), offer.id(),
                offer.name(), offer.category(), offer.port(), offer.protocol(), 70 + random.nextInt(30)));
        return id;
    }

    private String hex(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }

    /** Stable per network and key, and unique across networks (ids are global primary keys). */
    private UUID id(String key) {
        return UUID.nameUUIDFromBytes((networkId + "/" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
