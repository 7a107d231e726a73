package org.discretion.rules.api;

/**
 * Told about every reload of a {@link ReloadableEngine}, whether it swapped in new catalogs, found nothing changed,
 * or rejected them (then the old version keeps serving and {@link ReloadResult#problems()} says why). Called on the
 * thread that reloaded (the watcher thread for file changes); an exception thrown here is ignored.
 */
public interface ReloadListener {
    /** After each reload attempt. */
    default void onReload(ReloadResult result) {
    }
}
