package dev.hadron.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line itself: help everywhere, exit codes, one-line errors. */
class MainTest {
    @Test
    void noArgumentsPrintsUsageAndFailsAsUsage() {
        Cli.Run r = Cli.run();
        assertEquals(ExitCode.USAGE.code(), r.code(), r.toString());
        assertTrue(r.out().startsWith("usage: hadron"), r.toString());
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Cli.Run r = Cli.run("--help");
        assertEquals(0, r.code(), r.toString());
        for (String c : List.of("train", "predict", "inspect", "datasets", "--seed", "--threads", "--quiet", "--debug", "exit status")) {
            assertTrue(r.out().contains(c), c + " missing from:\n" + r.out());
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : List.of("train", "predict", "inspect", "datasets")) {
            Cli.Run r = Cli.run(c, "--help");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().startsWith("usage: hadron " + c), r.toString());
            Cli.Run h = Cli.run("help", c);
            assertEquals(r.out(), h.out());
        }
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLine() {
        Cli.Run r = Cli.run("trian", "x.yaml");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().contains("unknown command 'trian'") && r.err().contains("train"), r.toString());
    }

    @Test
    void unknownOptionNamesTheOptionsTheCommandTakes() {
        Cli.Run r = Cli.run("train", "x.yaml", "--ouput", "d");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertTrue(r.err().contains("--ouput") && r.err().contains("--output"), r.toString());
    }

    @Test
    void badGlobalOptionValues() {
        assertEquals(ExitCode.USAGE.code(), Cli.run("--threads", "many", "inspect", "x").code());
        assertEquals(ExitCode.USAGE.code(), Cli.run("--threads", "-2", "inspect", "x").code());
        assertEquals(ExitCode.USAGE.code(), Cli.run("--seed").code());
    }

    @Test
    void missingConfigFileIsAUsageError(@TempDir Path dir) {
        Cli.Run r = Cli.run("train", dir.resolve("nope.yaml").toString());
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertTrue(r.err().contains("no such config file"), r.toString());
        assertTrue(!r.err().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void debugAddsTheStackTrace(@TempDir Path dir) {
        Path cfg = Cli.config(dir, "bad.yaml", "task: classification\ndata: {generator: {kind: jets}}\nmethods: [{type: magic}]\n");
        Cli.Run quiet = Cli.run("train", cfg.toString());
        Cli.Run debug = Cli.run("--debug", "train", cfg.toString());
        assertEquals(ExitCode.CONFIG.code(), quiet.code());
        assertEquals(1, quiet.err().lines().count(), quiet.toString());
        assertTrue(debug.err().contains("\tat dev.hadron.cli"), debug.toString());
    }

    @Test
    void versionPrintsOneLine() {
        Cli.Run r = Cli.run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("hadron "), r.toString());
    }
}
