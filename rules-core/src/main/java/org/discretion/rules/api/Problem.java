package org.discretion.rules.api;

/**
 * One problem found while building or checking catalogs, located in the file the author wrote.
 *
 * @param severity ERROR or WARNING
 * @param file     path of the file as given (classpath resource or file system path)
 * @param line     1-based line, or 0 when the problem concerns the whole file
 * @param column   0-based column, or 0 when unknown
 * @param code     a stable kind. Building: DRL (a Drools compilation error), YAML_SCHEMA, LAW_SCHEMA, METADATA,
 *                 PACKAGE_MISMATCH, DUPLICATE_RULE, DUPLICATE_ID, MISSING_RULE, MISSING_METADATA, MISSING_COLUMN,
 *                 UNCITED_BASIS, UNRESOLVED_CITATION, UNDECLARED_FACT, DATES, NO_STATUTE, UNSAFE_CODE (outside the closed
 *                 rule language), LAW_OVERRIDE. Reloading adds READ, CATALOG_REMOVED. Checking
 *                 (./discretion check) adds NO_CATALOG, EXPIRED, EXPIRING, EXCLUDED_ITEM, EXEC_MODEL, NEVER_MET, NON_MONOTONIC,
 *                 OVERLAPPING_LISTS, SHADOWED
 * @param message  what is wrong and what to do
 */
public record Problem(String severity, String file, int line, int column, String code, String message) {

    public static Problem error(String file, int line, int column, String code, String message) {
        return new Problem("ERROR", file, line, column, code, message);
    }

    public static Problem warning(String file, int line, int column, String code, String message) {
        return new Problem("WARNING", file, line, column, code, message);
    }

    public boolean isError() {
        return "ERROR".equals(severity);
    }

    /** {@code file:line:column: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (isError() ? "" : "warning: ") + message + " [" + code + "]";
    }
}
