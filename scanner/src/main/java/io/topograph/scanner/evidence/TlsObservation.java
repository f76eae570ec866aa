package io.topograph.scanner.evidence;

import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for observation: a client that completes handshakes with any certificate so the certificate can
 * be recorded as evidence. It is never used to trust a server or to send anything secret.
 */
final class TlsObservation {

    private TlsObservation() {
    }

    static SSLSocketFactory trustAllFactory() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            TrustManager observeOnly = new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // observation only: the certificate is recorded as evidence, never trusted for anything
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
            ctx.init(null, new TrustManager[] {observeOnly}, new SecureRandom());
            return ctx.getSocketFactory();
        } catch (Exception e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    static TlsInfo tlsInfo(SSLSocket tls) {
        try {
            Certificate[] chain = tls.getSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate cert)) {
                return new TlsInfo(tls.getSession().getProtocol(), null, null, null, null, List.of(), false, false);
            }
            List<String> sans = new ArrayList<>();
            try {
                Collection<List<?>> names = cert.getSubjectAlternativeNames();
                if (names != null) {
                    for (List<?> n : names) {
                        if (n.size() >= 2 && (Integer.valueOf(2).equals(n.get(0)) || Integer.valueOf(7).equals(n.get(0)))) {
                            sans.add(String.valueOf(n.get(1)));
                        }
                    }
                }
            } catch (CertificateParsingException ignored) {
                // no readable SANs
            }
            Instant notAfter = cert.getNotAfter().toInstant();
            String subject = cert.getSubjectX500Principal().getName();
            String issuer = cert.getIssuerX500Principal().getName();
            return new TlsInfo(tls.getSession().getProtocol(), subject, issuer, cert.getNotBefore().toInstant().toString(),
                    notAfter.toString(), sans, notAfter.isBefore(Instant.now()), subject.equals(issuer));
        } catch (IOException e) {
            return null;
        }
    }
}
