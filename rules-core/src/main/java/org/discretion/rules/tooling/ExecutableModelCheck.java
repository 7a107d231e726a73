package org.discretion.rules.tooling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import org.discretion.rules.api.Problem;
import org.discretion.rules.internal.Sources;
import org.discretion.rules.internal.SourceText;

/**
 * Compiles the catalogs a second time with the executable model, which rejects constructs that the classic path
 * (the one the engine runs, for its correct line numbers) accepts silently — e.g. {@code severity == "MINOR"} on an
 * enum field, which the classic path compiles and never matches. The executable model reports such errors at line
 * -1 or inside generated Java; each is mapped back to the rule named in the message, else to the file.
 */
final class ExecutableModelCheck {
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

    private ExecutableModelCheck() {
    }

    static List<Problem> problems(Sources sources) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.discretion.check", "exec-" + UUID.randomUUID(), "1.0");
        kfs.generateAndWritePomXML(releaseId);
        Map<String, Sources.SourceFile> byPath = new HashMap<>();
        Map<String, Location> rules = new LinkedHashMap<>();
        for (Sources.Bundle b : sources.bundles()) {
            int n = 0;
            for (Sources.SourceFile f : b.drl()) {
                String path = "src/main/resources/" + b.packageName().replace('.', '/') + "/rules" + (n++ == 0 ? "" : n) + ".drl";
                byPath.put(path, f);
                kfs.write(path, f.text());
                Matcher m = RULE.matcher(f.text());
                while (m.find()) {
                    rules.put(m.group(1), new Location(f.origin(), SourceText.lineOf(f.text(), m.start(1))));
                }
            }
        }
        List<Problem> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try {
            KieBuilder kb = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            for (Message m : kb.getResults().getMessages(Message.Level.ERROR)) {
                String text = m.getText() == null ? "" : m.getText().replace('\n', ' ').replaceAll("\\s+", " ").trim();
                Location loc = null;
                for (Map.Entry<String, Location> r : rules.entrySet()) {
                    if (text.contains("\"" + r.getKey() + "\"") || text.contains("rule " + r.getKey())
                            || text.contains("Rule name: " + r.getKey()) || text.contains("rule: " + r.getKey())) {
                        loc = r.getValue();
                        break;
                    }
                }
                Sources.SourceFile f = m.getPath() == null ? null : byPath.get(m.getPath());
                if (loc == null && f != null) {
                    loc = new Location(f.origin(), Math.max(m.getLine(), 0));
                }
                if (loc == null) loc = new Location(m.getPath() == null ? "<generated>" : m.getPath(), 0);
                String msg = "the executable model rejects this rule although the engine's classic compiler accepted "
                        + "it (such a rule may compile and never match): " + text;
                if (seen.add(loc.file() + loc.line() + text)) {
                    out.add(Problem.error(loc.file(), loc.line(), 0, "EXEC_MODEL", msg));
                }
            }
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
        return out;
    }

    private record Location(String file, int line) {
    }
}
