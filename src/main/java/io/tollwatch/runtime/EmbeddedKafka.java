package io.tollwatch.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.Server;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka cluster in this JVM: one KRaft server that is both broker and controller,
 * listening on free loopback ports, ready for transactions (exactly-once v2) with replication factor 1.
 *
 * <p>Data lives in a temporary folder deleted on {@link #close()}, or in a folder the caller keeps between runs
 * ({@link #start(Path)}), formatted on first use only. The ports are new on every start, unless given
 * ({@link #start(Path, Ports, SaslSsl)}: a broker restarted on the same folder and ports is the same broker to its
 * clients); the quorum is static ({@code controller.quorum.voters}), so a kept folder works with new ports.
 *
 * <p>Optionally a second listener speaks SASL_SSL with SCRAM-SHA-512 ({@link SaslSsl}), for clients configured as
 * against a secured production cluster; users are added with {@link #createScramUser}. The PLAINTEXT listener stays,
 * for the broker itself and for tests.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    /** The ports of the listeners; {@code saslSsl} is 0 without that listener. */
    public record Ports(int broker, int controller, int saslSsl) {
    }

    /** A SASL_SSL listener (SCRAM-SHA-512) with the broker's key and certificate in a PKCS12 key store. */
    public record SaslSsl(Path keyStore, String password) {
    }

    private final Path dataDir;
    private final boolean temporary;
    private final Ports ports;
    private final String bootstrapServers;
    private final Server server;
    private final DirLock lock;
    private final ShutdownHook shutdownHook;
    private boolean closed;

    private EmbeddedKafka(Path dataDir, boolean temporary, Ports ports, String bootstrapServers, Server server,
                          DirLock lock) {
        this.lock = lock;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.ports = ports;
        this.bootstrapServers = bootstrapServers;
        this.server = server;
        this.shutdownHook = new ShutdownHook(this::stop, "embedded-kafka-shutdown");
    }

    /** Starts a broker with its data in a new temporary folder, deleted on close. */
    public static EmbeddedKafka start() {
        try {
            return start(Files.createTempDirectory("tollwatch-kafka-"), true, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for embedded Kafka", e);
        }
    }

    /** Starts a broker with its data in {@code dataDir} (created, and formatted unless it already is); kept on close. */
    public static EmbeddedKafka start(Path dataDir) {
        return start(dataDir, false, null, null);
    }

    /**
     * Starts a broker with its data in {@code dataDir} (kept on close) on the given ports (new ones when null), with
     * a SASL_SSL listener when {@code saslSsl} is given (on {@code ports.saslSsl()}, or a new port).
     */
    public static EmbeddedKafka start(Path dataDir, Ports ports, SaslSsl saslSsl) {
        return start(dataDir, false, ports, saslSsl);
    }

    private static EmbeddedKafka start(Path dataDir, boolean temporary, Ports fixed, SaslSsl saslSsl) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("embedded Kafka cannot use data folder " + dir + ": " + e, e);
        }
        DirLock lock = DirLock.acquire(dir.resolve("tollwatch-kafka.lock"));
        if (lock == null) {
            throw new IllegalStateException("embedded Kafka could not start in " + dir + ": the folder is in use by"
                    + " another running embedded Kafka (is another tollwatch using the same data folder?)");
        }
        Quiet.kafkaLogs();
        long started = System.nanoTime();
        RuntimeException last = null;
        // Fresh ports are picked again after a clash; fixed ones are waited for (a restart finds them in TIME_WAIT).
        for (int attempt = 1; attempt <= (fixed == null ? 3 : 20); attempt++) {
            Ports ports = fixed != null ? fixed
                    : new Ports(FreePorts.pick(), FreePorts.pick(), saslSsl == null ? 0 : FreePorts.pick());
            if (saslSsl != null && ports.saslSsl() == 0) {
                ports = new Ports(ports.broker(), ports.controller(), FreePorts.pick());
            }
            Properties props = config(dir, ports.broker(), ports.controller());
            if (saslSsl != null) {
                addSaslSsl(props, ports, saslSsl);
            }
            Server server = null;
            try {
                format(props, dir);
                server = newServer(props);
                server.startup();
                String bootstrap = "127.0.0.1:" + ports.broker();
                EmbeddedKafka kafka = new EmbeddedKafka(dir, temporary, ports, bootstrap, server, lock);
                try {
                    awaitReady(bootstrap);
                } catch (RuntimeException e) {
                    kafka.close();
                    throw e;
                }
                LOG.info("Embedded Kafka ready at {} in {} ms (data in {})", bootstrap,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dir);
                return kafka;
            } catch (RuntimeException e) {
                last = e;
                if (server != null) {
                    shutdownQuietly(server);
                }
                if (!causedByBind(e)) {
                    break;
                }
                LOG.debug("Port taken while starting embedded Kafka, retrying", e);
                if (fixed != null) {
                    sleep(500);
                }
            }
        }
        lock.release();
        if (temporary) {
            Files2.deleteRecursively(dir);
        }
        throw new IllegalStateException("embedded Kafka could not start in " + dir + ": " + rootMessage(last), last);
    }

    static Properties config(Path dir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.resolve("logs").toString());
        // One node: every internal topic with one replica, and small partition counts so they are created fast.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Modest resources for a laptop-sized demo.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.put("controlled.shutdown.enable", "true");
        return p;
    }

    /** A SASL_SSL listener beside PLAINTEXT: SCRAM-SHA-512 users, the broker's certificate from the key store. */
    private static void addSaslSsl(Properties p, Ports ports, SaslSsl tls) {
        String listener = "SASL_SSL://127.0.0.1:" + ports.saslSsl();
        p.put("listeners", p.getProperty("listeners") + "," + listener);
        p.put("advertised.listeners", p.getProperty("advertised.listeners") + "," + listener);
        p.put("listener.security.protocol.map", p.getProperty("listener.security.protocol.map") + ",SASL_SSL:SASL_SSL");
        p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        String prefix = "listener.name.sasl_ssl.";
        p.put(prefix + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put(prefix + "ssl.keystore.location", tls.keyStore().toAbsolutePath().toString());
        p.put(prefix + "ssl.keystore.password", tls.password());
        p.put(prefix + "ssl.key.password", tls.password());
        p.put(prefix + "ssl.keystore.type", "PKCS12");
    }

    /** Adds (or replaces) a SCRAM-SHA-512 user, through the PLAINTEXT listener. */
    public void createScramUser(String user, String password) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding a SCRAM user", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot add SCRAM user " + user + ": " + rootMessage(e), e);
        }
    }

    /**
     * {@code new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM)}, reflectively: the classes'
     * supertypes live in kafka_2.13's runtime-scoped dependencies, which javac would need to see.
     */
    private static Server newServer(Properties props) {
        try {
            Class<?> configClass = Class.forName("kafka.server.KafkaConfig");
            Object config = configClass.getMethod("fromProps", Properties.class, boolean.class).invoke(null, props, false);
            return (Server) Class.forName("kafka.server.KafkaRaftServer").getConstructor(configClass, Time.class)
                    .newInstance(config, Time.SYSTEM);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException ? (RuntimeException) cause
                    : new IllegalStateException("invalid embedded Kafka configuration: " + rootMessage(cause), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Kafka broker (kafka_2.13) is not on the class path: " + e, e);
        }
    }

    /** Formats the data folder unless it already is, as {@code kafka-storage.sh format} would (static quorum). */
    private static void format(Properties props, Path dir) {
        Path logDir = dir.resolve("logs");
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path file = dir.resolve("server.properties");
        try (var out = Files.newOutputStream(file)) {
            props.store(out, "embedded Kafka (tollwatch); ports change on every start");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
        int status;
        try (PrintStream print = new PrintStream(output, true, java.nio.charset.StandardCharsets.UTF_8)) {
            status = StorageTool.execute(new String[] {"format", "--config", file.toString(),
                "--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted"}, print);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot format the Kafka data folder " + logDir + ": " + rootMessage(e), e);
        }
        if (status != 0) {
            throw new IllegalStateException("cannot format the Kafka data folder " + logDir + ": "
                    + output.toString(java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim());
        }
    }

    private static void awaitReady(String bootstrap) {
        Map<String, Object> conf = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(conf)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for embedded Kafka", e);
                } catch (Exception e) {
                    last = e;
                }
                sleep(100);
            }
        }
        throw new IllegalStateException("embedded Kafka at " + bootstrap + " did not become ready within "
                + READY_TIMEOUT.toSeconds() + " s" + (last == null ? "" : ": " + rootMessage(last)), last);
    }

    /** The listeners' ports, to start the broker again on the same ones. */
    public Ports ports() {
        return ports;
    }

    /** {@code host:port} of the SASL_SSL listener, if there is one. */
    public String saslSslBootstrapServers() {
        if (ports.saslSsl() == 0) {
            throw new IllegalStateException("this embedded Kafka has no SASL_SSL listener");
        }
        return "127.0.0.1:" + ports.saslSsl();
    }

    /** {@code host:port} of the PLAINTEXT listener, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The folder holding the broker's data ({@code logs/} below it). */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker cleanly (and deletes a temporary data folder). Idempotent. */
    @Override
    public void close() {
        stop();
        detachShutdownHook();
    }

    /** Leaves stopping at JVM exit to the caller's own hook (see {@link EmbeddedStack#closeOnShutdown}). */
    void detachShutdownHook() {
        shutdownHook.detach();
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        shutdownQuietly(server);
        lock.release();
        if (temporary) {
            Files2.deleteRecursively(dataDir);
        }
    }

    /**
     * Shuts the server down, waiting at most {@link #SHUTDOWN_TIMEOUT}: Kafka itself would wait up to five minutes
     * for a controlled shutdown, and a JVM shutdown hook must not hang on Ctrl-C. A broker given up on recovers
     * its logs on the next start.
     */
    private static void shutdownQuietly(Server server) {
        Thread stopper = new Thread(() -> {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                LOG.warn("Embedded Kafka did not shut down cleanly: {}", e.toString());
            }
        }, "embedded-kafka-stopper");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(SHUTDOWN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            LOG.warn("Embedded Kafka did not stop within {} s; leaving it", SHUTDOWN_TIMEOUT.toSeconds());
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || t.getMessage() != null && t.getMessage().contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return message.replaceAll("\\s+", " ").trim();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers + ", " + dataDir + "]";
    }
}
