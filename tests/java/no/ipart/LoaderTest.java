// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** What a user sees when the JNI library is not on java.library.path (run in a child JVM). */
public class LoaderTest {
    /**
     * The child: with "constant", first touch the library through a
     * constant; otherwise use it twice and print what was thrown.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("constant")) {
            System.out.println("FIRST_YEAR " + HolidayCalendar.FIRST_YEAR + " " + Ipart.version());
            return;
        }
        for (int i = 0; i < 2; i++) {
            try {
                System.out.println("LOADED " + Ipart.versionString());
            } catch (Throwable t) {
                System.out.println("THROWN " + t.getClass().getName() + ": " + t.getMessage());
            }
        }
    }

    @Test
    public void missingLibraryNamesItAndTheSearchPath() throws Exception {
        Path empty = Files.createTempDirectory("ipart-no-jni");
        try {
            String out = child(empty.toString());
            String[] lines = out.strip().split("\n");
            assertEquals(out, 2, lines.length);
            assertTrue(out, lines[0].startsWith("THROWN java.lang.UnsatisfiedLinkError"));
            assertTrue(out, lines[0].contains("java.library.path=" + empty));
            assertTrue(out, lines[0].contains(System.mapLibraryName("ipartjni")));
            assertTrue(out, lines[0].contains("\"ipartjni\""));
            // The class stays unusable afterwards, as for any failed static initializer.
            assertTrue(out, lines[1].startsWith("THROWN java.lang.NoClassDefFoundError"));
        } finally {
            new File(empty.toString()).delete();
        }
    }

    private static String child(String libraryPath, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Djava.library.path=" + libraryPath,
            "-cp", System.getProperty("java.class.path"), LoaderTest.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(out, 0, p.exitValue());
        return out;
    }

    /** A fresh JVM whose first use of the library is a constant still passes the version check. */
    @Test
    public void firstUseThroughAConstant() throws Exception {
        String out = child(System.getProperty("java.library.path"), "constant");
        assertEquals("FIRST_YEAR 1900 " + Ipart.version(), out.strip());
    }

    @Test
    public void theLibraryLoadsFromJavaLibraryPath() {
        assertTrue(Ipart.versionString().matches("\\d+\\.\\d+\\.\\d+"));
    }
}
