package org.discretion.rules.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LauncherArgsTest {
    @Test
    void shortOptionsBecomeSpringProperties() {
        assertThat(ServerApplication.springArgs(new String[] {"--catalogs", "my dir", "--port", "9090", "--decision-log",
                "d.jsonl", "--server.address=0.0.0.0"})).containsExactly("--discretion.catalogs.dir=my dir",
                "--server.port=9090", "--discretion.decision-log=d.jsonl", "--server.address=0.0.0.0");
        assertThatThrownBy(() -> ServerApplication.springArgs(new String[] {"--port"}))
                .hasMessage("--port needs a value");
    }
}
