package org.yiyue.overlay.audit;

import java.util.Locale;

/** Life of a run. Interrupted: the service stopped while it ran (it can be resumed). */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }

    public String zh() {
        return switch (this) {
            case QUEUED -> "排队中";
            case RUNNING -> "进行中";
            case SUCCEEDED -> "已完成";
            case FAILED -> "失败";
            case CANCELLED -> "已取消";
            case INTERRUPTED -> "已中断";
        };
    }
}
