// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * One vocabulary: the public surface of package no.ipart against the naming
 * table doc/naming.md (-Dipart.naming), in both directions. Every public
 * class is in the table's Types, every public method, constructor and
 * constant is a Java name of a Functions row (with its parameter names in
 * that order, from javac -parameters) or a Deprecated alias, and every name
 * the table lists exists. A failure says which row to add or fix.
 */
public class NamingTest {
    private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern NAME = Pattern.compile("([A-Za-z_][\\w.]*)(?:\\((.*)\\))?");
    /** Protocol methods a class implements for Java itself; listing them is optional. */
    private static final Set<String> PROTOCOL = Set.of("equals", "hashCode", "toString", "compareTo", "close",
            "values", "valueOf");

    /** A Java name of the table: owner class, member ("" = constructor), parameters (null = field). */
    private record Span(String owner, String member, List<String> args, String text) {}

    private static Map<String, List<List<String>>> sections() throws IOException {
        Path table = Path.of(System.getProperty("ipart.naming", "doc/naming.md"));
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        String current = "";
        for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                current = line.substring(3).trim();
                out.put(current, new ArrayList<>());
            } else if (line.startsWith("|") && !line.matches("^\\|[-| ]+\\|$") && out.containsKey(current)) {
                List<String> cells = new ArrayList<>();
                for (String c : line.trim().replaceAll("^\\||\\|$", "").split("\\|", -1))
                    cells.add(c.trim());
                out.get(current).add(cells);
            }
        }
        for (List<List<String>> rows : out.values())
            if (!rows.isEmpty())
                rows.remove(0); // the header row
        return out;
    }

    private static List<String> codes(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = SPAN.matcher(cell);
        while (m.find())
            out.add(m.group(1));
        return out;
    }

    private static List<Span> spans(String cell, Set<String> types) {
        List<Span> out = new ArrayList<>();
        for (String text : codes(cell)) {
            Matcher m = NAME.matcher(text);
            assertTrue("doc/naming.md: cannot read `" + text + "`", m.matches());
            String name = m.group(1);
            List<String> args = null;
            if (m.group(2) != null) {
                args = new ArrayList<>();
                for (String a : m.group(2).split(","))
                    if (!a.isBlank())
                        args.add(a.trim());
            }
            if (types.contains(name)) {
                out.add(new Span(name, "", args, text));
            } else {
                int dot = name.lastIndexOf('.');
                assertTrue("doc/naming.md: Java name `" + text + "` needs its class", dot > 0);
                out.add(new Span(name.substring(0, dot), name.substring(dot + 1), args, text));
            }
        }
        return out;
    }

    private static final class Table {
        final Set<String> types = new TreeSet<>();
        final List<Span> names = new ArrayList<>();
        final List<Span> deprecated = new ArrayList<>();

        Table() throws IOException {
            Map<String, List<List<String>>> s = sections();
            for (List<String> row : s.get("Types"))
                types.addAll(codes(row.get(2)));
            for (List<String> row : s.get("Functions"))
                names.addAll(spans(row.get(2), types));
            for (List<String> row : s.get("Deprecated aliases"))
                if (row.get(0).equals("Java"))
                    deprecated.addAll(spans(row.get(1), types));
        }
    }

    /** The public classes of no.ipart in the jar, as table names ("Evaluation.Scores"). */
    private static Map<String, Class<?>> publicClasses() throws Exception {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        Path jar = Path.of(Partnership.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile f = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = f.entries(); e.hasMoreElements();) {
                String n = e.nextElement().getName();
                if (!n.matches("no/ipart/[A-Za-z0-9$]+\\.class"))
                    continue;
                Class<?> c = Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), false,
                        NamingTest.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass())
                    out.put(c.getName().substring("no.ipart.".length()).replace('$', '.'), c);
            }
        }
        return out;
    }

    private static List<String> parameterNames(Executable e) {
        List<String> out = new ArrayList<>();
        for (Parameter p : e.getParameters()) {
            assertTrue("compile the jar with javac -parameters", p.isNamePresent());
            out.add(p.getName());
        }
        return out;
    }

    private static boolean isRecordAccessor(Class<?> c, Method m) {
        if (!c.isRecord() || m.getParameterCount() != 0)
            return false;
        for (RecordComponent rc : c.getRecordComponents())
            if (rc.getName().equals(m.getName()))
                return true;
        return false;
    }

    /** "Owner.member(a, b)" for a public method or constructor of the jar. */
    private static String describe(String owner, Executable e) {
        String member = e instanceof Constructor ? owner : owner + "." + e.getName();
        return member + "(" + String.join(", ", parameterNames(e)) + ")";
    }

    private static boolean listed(List<Span> spans, String owner, String member, List<String> args) {
        for (Span s : spans)
            if (s.owner().equals(owner) && s.member().equals(member) && (s.args() == null ? args == null
                    : s.args().equals(args)))
                return true;
        return false;
    }

    @Test
    public void everyPublicClassIsInTheTypesTable() throws Exception {
        Table t = new Table();
        List<String> problems = new ArrayList<>();
        for (String name : publicClasses().keySet())
            if (!t.types.contains(name))
                problems.add("public class no.ipart." + name + " is not in the Types table of doc/naming.md: add "
                        + "| <C type> | <Python class> | `" + name + "` | |");
        for (String name : t.types)
            if (!publicClasses().containsKey(name))
                problems.add("doc/naming.md lists Java type " + name + ", which no.ipart does not have");
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    @Test
    public void everyPublicMemberIsInTheTable() throws Exception {
        Table t = new Table();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Class<?>> e : publicClasses().entrySet()) {
            String owner = e.getKey();
            Class<?> c = e.getValue();
            List<Executable> members = new ArrayList<>();
            // Exceptions are made by the JNI layer; records are data (their fields are not listed).
            if (!Throwable.class.isAssignableFrom(c) && !c.isRecord())
                members.addAll(Arrays.asList(c.getConstructors()));
            for (Method m : c.getDeclaredMethods())
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()
                        && !isRecordAccessor(c, m) && !PROTOCOL.contains(m.getName()))
                    members.add(m);
            for (Executable x : members) {
                String member = x instanceof Constructor ? "" : x.getName();
                List<String> args = parameterNames(x);
                boolean deprecated = x.isAnnotationPresent(Deprecated.class);
                if (deprecated && !listed(t.deprecated, owner, member, args))
                    problems.add("@Deprecated " + describe(owner, x) + " is not under Deprecated aliases in "
                            + "doc/naming.md (add | Java | `" + describe(owner, x) + "` | <new name> |)");
                else if (!deprecated && !listed(t.names, owner, member, args))
                    problems.add(describe(owner, x) + " is public but not in doc/naming.md: add `"
                            + describe(owner, x) + "` to the Java column of its C function's row");
            }
            for (Field f : c.getDeclaredFields())
                if (Modifier.isPublic(f.getModifiers()) && !f.isEnumConstant()
                        && !listed(t.names, owner, f.getName(), null))
                    problems.add(owner + "." + f.getName() + " is public but not in doc/naming.md: add `"
                            + owner + "." + f.getName() + "` to the Java column of its row");
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    @Test
    public void everyListedNameExistsWithThatParameterOrder() throws Exception {
        Table t = new Table();
        Map<String, Class<?>> classes = publicClasses();
        List<String> problems = new ArrayList<>();
        List<Span> all = new ArrayList<>(t.names);
        all.addAll(t.deprecated);
        for (Span s : all) {
            Class<?> c = classes.get(s.owner());
            if (c == null) {
                problems.add("`" + s.text() + "`: no public class no.ipart." + s.owner());
                continue;
            }
            boolean found = false;
            if (s.args() == null) {
                for (Field f : c.getFields())
                    found |= f.getName().equals(s.member());
            } else if (s.member().isEmpty()) {
                for (Constructor<?> k : c.getConstructors())
                    found |= parameterNames(k).equals(s.args());
            } else {
                for (Method m : c.getMethods())
                    found |= m.getName().equals(s.member()) && parameterNames(m).equals(s.args());
            }
            if (!found)
                problems.add("`" + s.text() + "` is in doc/naming.md but " + s.owner()
                        + " has no such public member with those parameters, in that order");
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    @Test
    public void deprecatedAliasesAreMarkedAndInApiStability() throws Exception {
        Table t = new Table();
        Path naming = Path.of(System.getProperty("ipart.naming", "doc/naming.md"));
        String stability = Files.readString(naming.resolveSibling("api-stability.md"), StandardCharsets.UTF_8);
        Map<String, Class<?>> classes = publicClasses();
        Set<String> seen = new HashSet<>();
        for (Span s : t.deprecated) {
            assertTrue(s.text() + " is not named in doc/api-stability.md", stability.contains(s.member() + "("));
            for (Method m : classes.get(s.owner()).getMethods())
                if (m.getName().equals(s.member()) && parameterNames(m).equals(s.args())) {
                    assertTrue(s.text() + " lacks @Deprecated", m.isAnnotationPresent(Deprecated.class));
                    seen.add(s.text());
                }
        }
        assertEquals(t.deprecated.size(), seen.size());
    }
}
