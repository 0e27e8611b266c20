// SPDX-License-Identifier: Apache-2.0
package consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import no.ipart.Partnership;
import no.ipart.RuleViolationException;

/**
 * Loads a document, tries an event that breaks a rule, and prints where the
 * JNI library was loaded from: run with no -Djava.library.path, so it comes
 * from the ipart jar.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        try (Partnership p = Partnership.load(Files.readString(Path.of(args[0])))) {
            System.out.println("loaded: stage " + p.getStage().jsonName() + ", " + p.eventCount() + " events");
            p.apply(args[1]);
            System.out.println("applied: " + args[1]);
        } catch (RuleViolationException e) {
            System.out.println("refused: " + e.getRule() + " at " + e.getPath() + ": " + e.getMessage());
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/maps")))
            if (line.contains("libipartjni"))
                System.out.println("jni: " + line.substring(line.indexOf('/')));
    }
}
