package io.tollwatch.serve;

import io.tollwatch.config.ConfigException;
import io.tollwatch.config.Settings;
import io.tollwatch.registry.SchemaRegistryClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The schema registry client the settings describe: URL, basic authentication, trust store for https. */
public final class RegistryClients {
    private RegistryClients() {
    }

    public static SchemaRegistryClient from(Settings settings) {
        return new SchemaRegistryClient(settings.get(Settings.REGISTRY_URL), SchemaRegistryClient.DEFAULT_TIMEOUT,
                blankToNull(settings.get(Settings.REGISTRY_USER_INFO)), ssl(settings));
    }

    private static SSLContext ssl(Settings settings) {
        String location = blankToNull(settings.get(Settings.REGISTRY_TRUSTSTORE));
        if (location == null) {
            return null;
        }
        String password = settings.get(Settings.REGISTRY_TRUSTSTORE_PASSWORD);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore store = KeyStore.getInstance(settings.get(Settings.REGISTRY_TRUSTSTORE_TYPE));
            store.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            // The cause's message, never the password.
            throw new ConfigException(Settings.REGISTRY_TRUSTSTORE + " " + location + " cannot be used: " + e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
