package dev.opengallery.jobs;

/** A run's answer that tells how many rows it changed (recorded as the job's last run). */
public interface Moved {

    int moved();
}
