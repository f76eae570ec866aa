package io.topograph.scanner.daemon;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What {@code <state-dir>/daemon.json} holds. Before enrolment only {@code instanceId} (and the server)
 * are set: the instance id is saved before the first enroll request, so a retried enroll is recognised.
 * {@link #toString()} leaves the credential out.
 */
@JsonPropertyOrder({"server", "daemonId", "credential", "networkId", "networkName", "instanceId"})
public record DaemonState(String server, String daemonId, String credential, String networkId, String networkName, String instanceId) {

    public boolean enrolled() {
        return server != null && daemonId != null && credential != null && !credential.isBlank();
    }

    @Override
    public String toString() {
        return "DaemonState[server=" + server + ", daemonId=" + daemonId + ", credential=" + (credential == null ? "none" : "(hidden)")
                + ", networkId=" + networkId + ", networkName=" + networkName + ", instanceId=" + instanceId + "]";
    }
}
