package org.discretion.rules.api;

/**
 * A case cannot be evaluated because one field is missing a required value, has the wrong type or an impossible
 * value. The message names the case, the field (as a JSON path such as {@code party.age}) and the problem.
 */
public class InvalidCaseException extends DiscretionException {
    private static final long serialVersionUID = 1L;
    private final String caseId;
    private final String field;
    private final String problem;

    public InvalidCaseException(String caseId, String field, String problem) {
        super(format(caseId, field, problem));
        this.caseId = caseId;
        this.field = field;
        this.problem = problem;
    }

    static String format(String caseId, String field, String problem) {
        return "case " + (caseId == null ? "<no id>" : "\"" + caseId + "\"")
                + (field == null || field.isEmpty() ? "" : ", field \"" + field + "\"") + ": " + problem;
    }

    /** The case id, or {@code null} when the case has none (or could not be read). */
    public String caseId() {
        return caseId;
    }

    /** The JSON path of the offending field, e.g. {@code party.age}; empty for a problem with the whole case. */
    public String field() {
        return field;
    }

    /** What is wrong, without the case and field prefix. */
    public String problem() {
        return problem;
    }
}
