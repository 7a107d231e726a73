package org.discretion.rules.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --catalogs DIR} option, shared by the commands that take it: repeatable (each folder is loaded, none
 * replaces another), and each DIR is a catalog folder (holding catalog.yaml) or a folder of catalog folders. A folder
 * that does not exist is a usage error naming it; a folder with no catalog is refused when the engine is built
 * ({@code Sources.fromDirectory}), never silently replaced by the shipped catalogs.
 */
final class CatalogDirs {
    private final List<Path> dirs = new ArrayList<>();

    /** Adds one {@code --catalogs} value; returns an error message, or null when it is usable. */
    String add(String value) {
        Path p = Path.of(value);
        if (!Files.isDirectory(p)) {
            return "--catalogs " + value + ": no such folder (give a catalog folder or a folder of catalog folders)";
        }
        if (dirs.contains(p)) {
            return "--catalogs " + value + " is given twice";
        }
        dirs.add(p);
        return null;
    }

    List<Path> dirs() {
        return List.copyOf(dirs);
    }

    boolean isEmpty() {
        return dirs.isEmpty();
    }
}
