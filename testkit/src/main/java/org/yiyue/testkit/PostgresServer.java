package org.yiyue.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests: a fresh cluster made with Debian's {@code initdb} under {@code target/},
 * listening on 127.0.0.1 on a free port (its unix socket in the same directory), stopped by {@link #close()}, by a
 * JVM shutdown hook, and — should the test JVM be killed outright — by a small watchdog process that stops the server
 * once the JVM is gone. Running as root, the server runs as the {@code postgres} account ({@code initdb} refuses
 * root). The account {@value #USER} logs in over TCP with a password (SCRAM), as a production service would.
 *
 * <p>{@link #shared()} gives one server per test JVM (about 2 s to start); each test class takes its own database
 * with {@link #createDatabase(String)}.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "yiyue";
    public static final String PASSWORD = "yiyue-test-only";

    private static PostgresServer shared;

    private final Path binDir;
    private final Path dir;
    private final Path data;
    private final Path socketDir;
    private final int port;
    private final boolean asPostgres;
    private volatile boolean stopped;

    private PostgresServer(Path binDir, Path dir, int port, boolean asPostgres) {
        this.binDir = binDir;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.socketDir = dir.resolve("socket");
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** One server for the whole test JVM, started at the first call, stopped when the JVM ends. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start(Path.of(System.getProperty("yiyue.pg.dir", "target/postgres")));
        }
        return shared;
    }

    /** Makes and starts a new cluster in a fresh directory under {@code parent}. */
    public static PostgresServer start(Path parent) {
        Path bin = findBinDir();
        boolean root = "root".equals(System.getProperty("user.name"));
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // the free port may be taken between probe and start
            Path dir;
            try {
                Files.createDirectories(parent);
                dir = Files.createTempDirectory(parent.toAbsolutePath(), "pg-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PostgresServer server = new PostgresServer(bin, dir, freePort(), root);
            try {
                server.init();
                server.startServer();
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-stop"));
                server.watchdog();
                return server;
            } catch (IOException e) {
                last = e;
                server.close();
            }
        }
        throw new IllegalStateException("PostgreSQL did not start: " + last.getMessage(), last);
    }

    /** Debian's server binaries: {@code yiyue.pg.bin}, else the newest {@code /usr/lib/postgresql/<n>/bin}. */
    static Path findBinDir() {
        String configured = System.getProperty("yiyue.pg.bin", System.getenv("YIYUE_PG_BIN"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(PostgresServer::versionOf))
                        .map(v -> v.resolve("bin"))
                        .orElseThrow(PostgresServer::missing);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw missing();
    }

    private static int versionOf(Path p) {
        try {
            return Integer.parseInt(p.getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql/<version>/bin: "
                + "install Debian's postgresql package (./yiyue setup does) or set -Dyiyue.pg.bin");
    }

    public int port() {
        return port;
    }

    public Path binDir() {
        return binDir;
    }

    /** The unix socket directory: client tools reach the server there with {@code -h} without a password. */
    public Path socketDir() {
        return socketDir;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database owned by {@value #USER}; returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database names here are lower-case identifiers: " + name);
        }
        try {
            run(List.of(binDir.resolve("createdb").toString(), "-h", socketDir.toString(), "-p",
                    String.valueOf(port), "-U", USER, name), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jdbcUrl(name);
    }

    /** Runs one SQL text with psql in a database; returns what psql printed (unaligned, tuples only). */
    public String psql(String database, String sql) {
        try {
            return run(List.of(binDir.resolve("psql").toString(), "-h", socketDir.toString(), "-p",
                    String.valueOf(port), "-U", USER, "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void init() throws IOException {
        Files.createDirectories(socketDir);
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
        if (asPostgres) {
            handToPostgres();
        }
        run(List.of(binDir.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + pwfile,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"), true);
    }

    /** initdb refuses root: the cluster belongs to the postgres account, which must be able to reach the folder. */
    private void handToPostgres() throws IOException {
        UserPrincipal postgres;
        try {
            postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        } catch (IOException e) {
            throw new IllegalStateException("running as root needs the postgres account (Debian's postgresql "
                    + "package makes it)", e);
        }
        for (Path p : List.of(dir, socketDir, dir.resolve("pwfile"))) {
            Files.setOwner(p, postgres);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("the postgres account cannot enter " + p + " (no x permission for "
                        + "others); set -Dyiyue.pg.dir to a folder it can reach");
            }
        }
    }

    private void startServer() throws IOException {
        String options = "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + socketDir
                + " -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=100";
        run(List.of(binDir.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", options, "start"), true);
    }

    /** Stops the server if the test JVM dies without running its shutdown hooks (kill -9, a crashed fork). */
    private void watchdog() throws IOException {
        long jvm = ProcessHandle.current().pid();
        String stop = (asPostgres ? "runuser -u postgres -- " : "") + binDir.resolve("pg_ctl") + " -D " + data
                + " stop -m immediate";
        new ProcessBuilder("setsid", "sh", "-c", "while kill -0 " + jvm + " 2>/dev/null; do sleep 1; done; "
                + "[ -f " + data.resolve("postmaster.pid") + " ] && " + stop)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                run(List.of(binDir.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "30",
                        "stop"), true);
            } catch (IOException e) {
                System.err.println("PostgreSQL in " + data + " did not stop: " + e.getMessage());
            }
        }
    }

    private String run(List<String> command, boolean serverSide) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (serverSide && asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 90 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            String log = "";
            Path serverLog = dir.resolve("server.log");
            if (Files.exists(serverLog)) {
                log = "\nserver.log:\n" + Files.readString(serverLog, StandardCharsets.UTF_8);
            }
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + out + log);
        }
        return out.strip();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
