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
            // This jar (CMake's) carries no native library; the Maven jar does (java.maven).
            assertTrue(out, lines[0].contains("the jar has no /no/ipart/native/" + NativeLoader.platform()
                                              + "/natives.properties"));
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

    /** An extracted library is loaded only if it has the size and digest the jar lists. */
    @Test
    public void verifyChecksSizeAndDigest() throws Exception {
        Path file = Files.createTempFile("ipart-verify", ".so");
        try {
            Files.write(file, "abc".getBytes(StandardCharsets.US_ASCII));
            String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
            NativeLoader.verify(file, 3, abc);
            IllegalStateException size = assertThrows(IllegalStateException.class,
                () -> NativeLoader.verify(file, 4, abc));
            assertTrue(size.getMessage(), size.getMessage().contains("has 3 bytes, the jar lists 4"));
            Files.write(file, "abd".getBytes(StandardCharsets.US_ASCII));
            IllegalStateException digest = assertThrows(IllegalStateException.class,
                () -> NativeLoader.verify(file, 3, abc));
            assertTrue(digest.getMessage(), digest.getMessage().contains("the jar lists " + abc));
        } finally {
            Files.delete(file);
        }
    }

    /** The JVM's platform as the jar's native directories name it (CMake names them the same way). */
    @Test
    public void platformNamesOsAndArch() {
        String platform = NativeLoader.platform();
        assertTrue(platform, platform.matches("[a-z0-9]+-[a-z0-9_]+"));
        if (System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"))
            assertEquals("linux-x86_64", platform);
    }

    @Test
    public void theLibraryLoadsFromJavaLibraryPath() {
        assertTrue(Ipart.versionString().matches("\\d+\\.\\d+\\.\\d+"));
    }
}
