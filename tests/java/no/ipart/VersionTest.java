// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import org.junit.Test;

/** Loading the JNI library and the version check (also run against the installed jar). */
public class VersionTest {
    @Test
    public void runtimeMatchesCompiledAndJar() {
        assertEquals(Ipart.compiledVersion(), Ipart.version());
        assertEquals(NativeLoader.JAR_VERSION, Ipart.version());
        String[] parts = Ipart.versionString().split("\\.");
        assertEquals(3, parts.length);
        assertEquals(Integer.parseInt(parts[0]) * 10000 + Integer.parseInt(parts[1]) * 100
                     + Integer.parseInt(parts[2]), Ipart.version());
    }

    @Test
    public void skewIsRefusedNamingTheVersions() {
        int v = Ipart.version();
        NativeLoader.checkVersion(v, v, v);
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> NativeLoader.checkVersion(v, v, v + 1));
        assertTrue(e.getMessage(), e.getMessage().contains(String.valueOf(v + 1)));
        assertTrue(e.getMessage(), e.getMessage().contains(String.valueOf(v)));
        assertThrows(IllegalStateException.class, () -> NativeLoader.checkVersion(v + 1, v, v));
        assertThrows(IllegalStateException.class, () -> NativeLoader.checkVersion(v, v + 1, v));
    }

    @Test
    public void libraryNameComesFromTheBuild() {
        assertEquals("ipartjni", NativeLoader.LIBRARY);
        NativeLoader.load(); // idempotent
        String dirs = System.getProperty("java.library.path");
        boolean found = false;
        for (String dir : dirs.split(java.io.File.pathSeparator))
            found |= new java.io.File(dir, System.mapLibraryName(NativeLoader.LIBRARY)).isFile();
        assertTrue("lib" + NativeLoader.LIBRARY + ".so not in " + dirs, found);
    }
}
