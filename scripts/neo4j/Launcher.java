// Launcher runs an embedded Neo4j Community DBMS for sdkg's tests.
//
// It is started by scripts/neo4j/start.sh, never by hand. Contract:
//   - the Bolt connector listens on 127.0.0.1:$NEO4J_TEST_PORT (default 7688),
//     unencrypted; HTTP is off;
//   - authentication is on and user neo4j has password $NEO4J_PASSWORD
//     (default sdkg-test-pw, at least 8 characters), no change required;
//   - all state lives in the directory given as the first argument, which the
//     caller creates fresh for each run and deletes after stop;
//   - once Bolt accepts authenticated sessions, the launcher writes the file
//     named by the second argument and prints a line starting "sdkg-neo4j: ready";
//   - SIGTERM/SIGINT shut the DBMS down cleanly and then the JVM exits;
//   - any failure to start prints the cause and exits with status 1.

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.io.ByteUnit;

public final class Launcher {
    private static final String HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 7688;
    private static final String DEFAULT_PASSWORD = "sdkg-test-pw";
    private static final int MIN_PASSWORD = 8;

    private Launcher() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            System.err.println("sdkg-neo4j: failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Launcher <home-dir> <ready-file>");
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path ready = Path.of(args[1]).toAbsolutePath();
        int port = port(System.getenv("NEO4J_TEST_PORT"));
        String password = password(System.getenv("NEO4J_PASSWORD"));

        long t0 = System.nanoTime();
        DatabaseManagementService dbms = build(home, port);
        System.out.printf("sdkg-neo4j: DBMS started in %.1f s%n", seconds(t0));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("sdkg-neo4j: shutting down");
            dbms.shutdown();
            System.out.println("sdkg-neo4j: stopped");
            stopped.countDown();
        }, "sdkg-neo4j-shutdown"));

        long t1 = System.nanoTime();
        setPassword(dbms, password);
        System.out.printf("sdkg-neo4j: password set in %.1f s%n", seconds(t1));
        Files.writeString(ready, "bolt://" + HOST + ":" + port + "\n", StandardCharsets.UTF_8);
        System.out.println("sdkg-neo4j: ready bolt://" + HOST + ":" + port + " user neo4j, home " + home);
        stopped.await();
    }

    // build starts a DBMS whose only network endpoint is Bolt on HOST:port.
    private static DatabaseManagementService build(Path home, int port) {
        Map<Setting<?>, Object> cfg = new HashMap<>();
        cfg.put(BoltConnector.enabled, true);
        cfg.put(BoltConnector.listen_address, new SocketAddress(HOST, port));
        cfg.put(BoltConnector.advertised_address, new SocketAddress(HOST, port));
        cfg.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        cfg.put(HttpConnector.enabled, false);
        cfg.put(HttpsConnector.enabled, false);
        cfg.put(GraphDatabaseSettings.auth_enabled, true);
        cfg.put(GraphDatabaseSettings.udc_enabled, false);
        // NEO4J_PAGECACHE_MB (default 128, enough for the test suites): the
        // measuring runs (make bench-neo4j, make loadtest) give more.
        cfg.put(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMB(System.getenv("NEO4J_PAGECACHE_MB"))));
        cfg.put(GraphDatabaseSettings.preallocate_logical_logs, false);
        // NEO4J_FIXED_PLANS=1 (the test servers of make test): keep a
        // statement's plan while statistics move. The suites empty and
        // refill the database for every test, which otherwise has every
        // statement planned again, seconds in all on a cold JIT.
        if ("1".equals(System.getenv("NEO4J_FIXED_PLANS"))) {
            cfg.put(GraphDatabaseSettings.query_statistics_divergence_threshold, 1.0);
            cfg.put(GraphDatabaseSettings.cypher_min_replan_interval, Duration.ofHours(1));
        }
        // A test server has no clients to drain at stop: skip netty's 2 x 5 s grace.
        cfg.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        cfg.put(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));
        return new DatabaseManagementServiceBuilder(home).setConfig(cfg).build();
    }

    // pagecacheMB reads the page cache size in MiB, 128 when unset.
    private static long pagecacheMB(String v) {
        if (v == null || v.isBlank()) {
            return 128;
        }
        try {
            long mb = Long.parseLong(v.trim());
            if (mb >= 16) {
                return mb;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("NEO4J_PAGECACHE_MB=" + v + ": want a number of MiB, at least 16");
    }

    // setPassword gives user neo4j the test password through the system database,
    // so that clients never meet the "password change required" state.
    private static void setPassword(DatabaseManagementService dbms, String password) {
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int p = Integer.parseInt(value.trim());
            if (p < 1 || p > 65535) {
                throw new NumberFormatException("out of range");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("NEO4J_TEST_PORT=" + value + " is not a TCP port (1-65535)");
        }
    }

    private static String password(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_PASSWORD;
        }
        if (value.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("NEO4J_PASSWORD must have at least " + MIN_PASSWORD + " characters");
        }
        return value;
    }
}
