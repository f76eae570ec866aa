package io.topograph.scanner.evidence;

import java.util.List;

/** The certificate and session a TLS server presented (observed with trust-all; never used to trust it). */
public record TlsInfo(String protocol, String subject, String issuer, String notBefore, String notAfter,
                      List<String> subjectAltNames, boolean expired, boolean selfSigned) {
}
