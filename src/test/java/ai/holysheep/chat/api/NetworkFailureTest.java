package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** How a failed connection is told to the user: which way it failed, in one line. */
class NetworkFailureTest {
    @Test
    void aConnectTimeoutIsNotCalledSilence() {
        // The JDK's words when Socket.connect runs out of time (OkHttp passes them on unwrapped).
        assertEquals("could not connect (no connection within the connect timeout)",
                GatewayClient.network(new SocketTimeoutException("Connect timed out")).describe());
        assertEquals("the server went silent (no data within the idle timeout)",
                GatewayClient.network(new SocketTimeoutException("timeout")).describe());
        assertEquals("the server went silent (no data within the idle timeout)",
                GatewayClient.network(new SocketTimeoutException()).describe());
    }

    @Test
    void aCertificateMismatchIsOneLineNamingTheHost() {
        // OkHttp's message for a hostname mismatch lists the certificate on further lines.
        String okhttp = "Hostname gateway.example not verified:\n"
                + "    certificate: sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
                + "    DN: CN=other.example\n"
                + "    subjectAltNames: [other.example]";
        assertEquals("TLS: the server's certificate was not accepted (Hostname gateway.example not verified:)",
                GatewayClient.network(new SSLPeerUnverifiedException(okhttp)).describe());
        assertEquals("TLS handshake failed: PKIX path building failed",
                GatewayClient.network(new SSLHandshakeException("PKIX path building failed\n  at …")).describe());
    }

    @Test
    void everyNetworkFailureIsOneLine() {
        for (Throwable t : new Throwable[] {new IOException("reset\nby peer"), new SSLHandshakeException("a\r\nb"),
            new java.net.UnknownHostException("host\nmore"), new IOException((String) null)}) {
            String line = GatewayClient.network(t).describe();
            assertFalse(line.contains("\n") || line.contains("\r"), line);
        }
    }
}
