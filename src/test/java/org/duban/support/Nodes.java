package org.duban.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.duban.DubanApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several whole applications ("nodes") in the test JVM on one database of their own: an in-memory H2
 * database shared by name inside the JVM, or a fresh PostgreSQL database when the build runs on
 * PostgreSQL. Each node has a random port and its own node id. Close to stop them all.
 */
public final class Nodes implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    private Nodes(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** An empty database for the nodes, of the kind the build runs the tests on. */
    public static Nodes onFreshDatabase(String prefix) {
        if (TestDatabaseInitializer.onPostgres()) {
            String name = TestDatabaseInitializer.newPostgresDatabase(prefix);
            return new Nodes(TestDatabaseInitializer.postgresUrl(name), TestDatabaseInitializer.postgresUser(),
                    TestDatabaseInitializer.postgresPassword());
        }
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new Nodes("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** On an existing database (a restored dump). */
    public static Nodes on(String url, String user, String password) {
        return new Nodes(url, user, password);
    }

    public String url() {
        return url;
    }

    /** Starts a node and waits until it serves; {@code properties} as {@code name=value}. */
    public ConfigurableApplicationContext start(String nodeId, String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--" + TestDatabaseInitializer.OWN_DATABASE + "=true",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--duban.node-id=" + nodeId,
                "--spring.main.banner-mode=off", "--spring.datasource.hikari.maximum-pool-size=5"));
        for (String property : properties) {
            args.add("--" + property);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DubanApplication.class)
                .run(args.toArray(String[]::new));
        started.add(context);
        return context;
    }

    public static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }
}
