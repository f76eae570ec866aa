package io.topograph.platform.scheduling;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code topograph.scheduling.*}: the tunables of the Quartz node. The fixed keys are in
 * {@code quartz.properties}.
 */
@ConfigurationProperties("topograph.scheduling")
public class QuartzSettings {

    /** False: this node writes schedules but never fires them (a web-only node). */
    private boolean enabled = true;
    private int threadCount = 10;
    /** Triggers taken per acquisition (at most the free worker threads). */
    private int batchMaxCount = 10;
    /** How far ahead a batch may take triggers that fire soon. */
    private Duration batchFireAheadWindow = Duration.ofSeconds(1);
    private Duration clusterCheckinInterval = Duration.ofMillis(7500);
    /** A fire later than this is a misfire: one catch-up fire, then the normal cadence. */
    private Duration misfireThreshold = Duration.ofSeconds(60);
    /** How long an idle node waits before looking for triggers again (another node's new triggers). */
    private Duration idleWaitTime = Duration.ofSeconds(10);
    /**
     * Quartz's own transactions (lock rounds on the node's threads) commit without waiting for the
     * WAL flush ({@code synchronous_commit = off} for those transactions only). See {@link QuartzNodes}.
     */
    private boolean asynchronousCommit = true;

    public boolean isAsynchronousCommit() {
        return asynchronousCommit;
    }

    public void setAsynchronousCommit(boolean asynchronousCommit) {
        this.asynchronousCommit = asynchronousCommit;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getThreadCount() {
        return threadCount;
    }

    public void setThreadCount(int threadCount) {
        this.threadCount = threadCount;
    }

    public int getBatchMaxCount() {
        return batchMaxCount;
    }

    public void setBatchMaxCount(int batchMaxCount) {
        this.batchMaxCount = batchMaxCount;
    }

    public Duration getBatchFireAheadWindow() {
        return batchFireAheadWindow;
    }

    public void setBatchFireAheadWindow(Duration batchFireAheadWindow) {
        this.batchFireAheadWindow = batchFireAheadWindow;
    }

    public Duration getClusterCheckinInterval() {
        return clusterCheckinInterval;
    }

    public void setClusterCheckinInterval(Duration clusterCheckinInterval) {
        this.clusterCheckinInterval = clusterCheckinInterval;
    }

    public Duration getMisfireThreshold() {
        return misfireThreshold;
    }

    public void setMisfireThreshold(Duration misfireThreshold) {
        this.misfireThreshold = misfireThreshold;
    }

    public Duration getIdleWaitTime() {
        return idleWaitTime;
    }

    public void setIdleWaitTime(Duration idleWaitTime) {
        this.idleWaitTime = idleWaitTime;
    }
}
