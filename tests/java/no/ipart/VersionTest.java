// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import org.junit.Test;

public class VersionTest {
    @Test
    public void runtimeMatchesCompiled() {
        assertEquals(Ipart.compiledVersion(), Ipart.version());
        String[] parts = Ipart.versionString().split("\\.");
        assertEquals(Integer.parseInt(parts[0]) * 10000 + Integer.parseInt(parts[1]) * 100
                     + Integer.parseInt(parts[2]), Ipart.version());
    }

    @Test
    public void skewIsRefused() {
        assertThrows(IllegalStateException.class, () -> NativeLoader.checkVersion(1, 2));
        NativeLoader.checkVersion(Ipart.version(), Ipart.version());
        assertEquals("ipartjni", NativeLoader.LIBRARY);
    }
}
