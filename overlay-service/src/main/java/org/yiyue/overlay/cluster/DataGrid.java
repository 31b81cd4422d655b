package org.yiyue.overlay.cluster;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.Factory;
import javax.cache.expiry.ExpiryPolicy;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Is this instance part of a Payara Micro cluster? When Payara runs with its data grid (Hazelcast) the grid's JCache
 * manager and member list are bound in JNDI ({@code payara/CacheManager}, {@code payara/Hazelcast}); with
 * {@code --nohazelcast} (the demo, single instance) they are absent and every shared structure stays a plain
 * Caffeine cache in this JVM. {@code yiyue.cluster.enabled=false} forces single-instance mode.
 */
@ApplicationScoped
public class DataGrid {

    private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());

    private CacheManager cacheManager;
    private GridMembers members;
    private String nodeId;

    @PostConstruct
    void init() {
        var config = ConfigProvider.getConfig();
        boolean allowed = config.getOptionalValue("yiyue.cluster.enabled", Boolean.class).orElse(true);
        if (allowed) {
            try {
                Object hz = new InitialContext().lookup("payara/Hazelcast");
                Object cm = new InitialContext().lookup("payara/CacheManager");
                if (hz != null && cm instanceof CacheManager manager) {
                    GridMembers m = GridMembers.of(hz);
                    if (m.running()) {
                        members = m;
                        cacheManager = manager;
                    }
                }
            } catch (NamingException | LinkageError | RuntimeException e) {
                LOG.log(Level.FINE, "no data grid", e);
            }
        }
        nodeId = config.getOptionalValue("yiyue.node.id", String.class)
                .orElseGet(() -> members != null ? members.localName() : "local");
        LOG.info(() -> clustered()
                ? "data grid on: node " + nodeId + ", members " + members()
                : "single instance (no data grid): caches stay in this JVM");
    }

    public boolean clustered() {
        return cacheManager != null;
    }

    /** The grid's JCache manager; empty in single-instance mode. */
    public Optional<CacheManager> cacheManager() {
        return Optional.ofNullable(cacheManager);
    }

    /** This instance's name in the cluster (the {@code yiyue.node.id} property, else Payara's instance name). */
    public String nodeId() {
        return nodeId;
    }

    /**
     * Opens (creates on first use, cluster-wide) a grid cache of strings to {@code type} (a JDK type: String, byte[],
     * Long) bounded to {@code maxEntries} per member. Only valid when {@link #clustered()}.
     */
    public <V> Cache<String, V> openCache(String name, Class<V> type, Factory<? extends ExpiryPolicy> expiry,
                                          int maxEntries) {
        Cache<String, V> c = cacheManager.getCache(name, String.class, type);
        if (c != null) {
            return c;
        }
        try {
            return cacheManager.createCache(name, HazelcastCaches.config(type, expiry, maxEntries));
        } catch (CacheException e) {
            // another member created it at the same moment
            return cacheManager.getCache(name, String.class, type);
        }
    }

    /** Addresses of the grid's members, this one first; just this node in single-instance mode. */
    public List<String> members() {
        return members == null ? List.of(nodeId) : members.addresses();
    }

    /** Delivers each message published under {@code topic} by any member (this one included) to {@code listener}. */
    public void subscribe(String topic, Consumer<String> listener) {
        if (members != null) {
            members.subscribe(topic, listener);
        }
    }

    /** Sends a message to every member's subscribers of {@code topic}; in single-instance mode only to this one. */
    public void publish(String topic, String message, Consumer<String> localFallback) {
        if (members != null) {
            members.publish(topic, message);
        } else {
            localFallback.accept(message);
        }
    }
}
