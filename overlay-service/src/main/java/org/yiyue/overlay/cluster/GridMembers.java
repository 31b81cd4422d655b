package org.yiyue.overlay.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;

/**
 * The few Hazelcast calls the overlay makes beyond JCache: the member list and a topic for broadcasts (cache
 * purges). Only loaded when Payara's data grid is running, so single-instance mode never touches Hazelcast classes.
 * Topic messages are plain strings and listeners stay local, so no class of ours is ever serialized by the grid.
 */
final class GridMembers {

    private final HazelcastInstance hz;

    private GridMembers(HazelcastInstance hz) {
        this.hz = hz;
    }

    static GridMembers of(Object jndiObject) {
        return new GridMembers((HazelcastInstance) jndiObject);
    }

    boolean running() {
        return hz.getLifecycleService().isRunning();
    }

    String localName() {
        return address(hz.getCluster().getLocalMember());
    }

    List<String> addresses() {
        List<String> out = new ArrayList<>();
        out.add(localName());
        for (Member m : hz.getCluster().getMembers()) {
            if (!m.localMember()) {
                out.add(address(m));
            }
        }
        return out;
    }

    private static String address(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    void subscribe(String topic, Consumer<String> listener) {
        hz.<String>getTopic(topic).addMessageListener(m -> listener.accept(m.getMessageObject()));
    }

    void publish(String topic, String message) {
        hz.<String>getTopic(topic).publish(message);
    }
}
