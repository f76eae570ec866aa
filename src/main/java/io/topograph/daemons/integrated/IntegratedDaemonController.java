package io.topograph.daemons.integrated;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.topograph.daemons.DaemonAccess;
import io.topograph.networks.Network;
import io.topograph.networks.NetworkService;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.NotFoundException;

import java.util.Optional;
import java.util.UUID;

/**
 * The integrated daemon's panel on a network's Daemons tab: whether this server runs one, and
 * (for Owners and Admins) pairing it again with this network after it was deleted.
 */
@Controller(value = "/o/{slug}/networks/{networkId}/daemons/integrated", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class IntegratedDaemonController {

    static final String PANEL = "daemons/_integrated";

    /** {@code state}: OFF (disabled by configuration or hosted mode), RUNNING, STOPPED or UNPAIRED. */
    record Panel(String slug, UUID networkId, String state, boolean canManage) {
    }

    private final Optional<IntegratedDaemon> integrated;
    private final NetworkService networks;
    private final Flash flash;

    public IntegratedDaemonController(Optional<IntegratedDaemon> integrated, NetworkService networks, Flash flash) {
        this.integrated = integrated;
        this.networks = networks;
        this.flash = flash;
    }

    @Get
    public ModelAndView<Panel> panel(CurrentMember member, UUID networkId, String slug) {
        networks.findVisible(member, networkId);
        String state = integrated.map(d -> d.status().name()).orElse("OFF");
        return new ModelAndView<>(PANEL, new Panel(slug, networkId, state, DaemonAccess.canManage(member)));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> pair(CurrentMember member, UUID networkId, String slug) {
        Network network = networks.findVisible(member, networkId);
        DaemonAccess.requireManage(member);
        IntegratedDaemon daemon = integrated.orElseThrow(() -> new NotFoundException("This server runs no integrated daemon."));
        daemon.pairWith(member.organizationId(), network.id());
        return flash.redirect("/o/" + slug + "/networks/" + networkId + "/daemons", Flash.Level.success,
                "The integrated daemon is pairing with “" + network.name() + "” and starts a first discovery of this server.");
    }
}
