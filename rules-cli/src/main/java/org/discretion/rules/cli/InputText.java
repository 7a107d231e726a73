package org.discretion.rules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a command's input file, or standard input for {@code -}, reporting a missing or unreadable file. */
final class InputText {
    private InputText() {
    }

    /** The text, or {@code null} after printing {@code discretion <command>: no such file: …} on {@code err}. */
    static String read(String command, String file, InputStream in, PrintStream err) {
        try {
            return file.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            err.println("discretion " + command + ": no such file: " + file);
        } catch (IOException e) {
            err.println("discretion " + command + ": cannot read " + file + ": " + e.getMessage());
        }
        return null;
    }
}
