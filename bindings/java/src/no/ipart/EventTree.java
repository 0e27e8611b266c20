// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A batch of events held as Java values, flattened in one pass for
 * {@code ipart_partnership_apply_tree} (bindings/swig/ipart_java.i reads it as the
 * library's tree reader): one record of {@link #STRIDE} ints a node in preorder, the
 * numbers as doubles and every string and key as UTF-16 in one char array, which the
 * glue encodes to UTF-8. What each Java value is read as is documented at
 * {@link Partnership#applyAll(List)}; the type of a value is decided here, by
 * instanceof, not by a JNI call per node.
 */
final class EventTree {
    /* The kinds: ipart_tree_kind's values (include/ipart/tree.h; the glue asserts the last). */
    private static final int NULL = 0, FALSE = 1, TRUE = 2, NUMBER = 3, STRING = 4, ARRAY = 5,
        OBJECT = 6, UNREADABLE = 7;
    /* A record: kind, length (UTF-16 units of a string, children of a container), the
     * record after the node's subtree, a string's first unit in chars or a number's
     * index, the member's key in chars (-1 outside an object) and the key's length. */
    static final int STRIDE = 6;
    /* doc/events.md: the library reads no value deeper than level 32 (the batch's list
     * is level 1); it refuses the first one that deep whatever it is, so a deeper value
     * is recorded as null, unread, and a Map that holds itself ends there. */
    private static final int DEEPEST = 32;

    int[] nodes;
    int nodeInts;
    double[] numbers = new double[16];
    int numberCount;
    char[] chars;
    int charCount;

    /* Room for about `events` events of a few hundred characters, grown by doubling. */
    private EventTree(int events) {
        int n = Math.min(Math.max(events, 4), 1 << 16);
        nodes = new int[STRIDE * 16 * n];
        chars = new char[256 * n];
    }

    /** The events (a null element is read as null), flattened. */
    static EventTree of(List<?> events) {
        EventTree t = new EventTree(events.size());
        t.add(events, 1, -1, 0);
        return t;
    }

    /** A new record for value at level, with its key; returns nothing, fills it. */
    private void add(Object value, int level, int keyAt, int keyLength) {
        int at = record(keyAt, keyLength);
        if (level > DEEPEST)
            set(at, NULL, 0, 0);
        else if (value instanceof String s)
            set(at, STRING, s.length(), text(s));
        else if (value instanceof Boolean b)
            set(at, b ? TRUE : FALSE, 0, 0);
        else if (value instanceof Number n && number(n))
            set(at, NUMBER, 0, numberCount - 1);
        else if (value instanceof Map<?, ?> m)
            set(at, OBJECT, members(m, level), 0);
        else if (value instanceof List<?> l)
            set(at, ARRAY, elements(l, level), 0);
        else if (value instanceof Object[] a)
            set(at, ARRAY, elements(Arrays.asList(a), level), 0);
        else
            set(at, value == null ? NULL : UNREADABLE, 0, 0);
        nodes[at + 2] = nodeInts / STRIDE;
    }

    private int members(Map<?, ?> m, int level) {
        int count = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object key = e.getKey();
            String name = String.valueOf(key);
            int keyAt = text(name);
            if (key instanceof String)
                add(e.getValue(), level + 1, keyAt, name.length());
            else /* a key JSON has no text for: named by String.valueOf, refused at its path */
                unreadable(keyAt, name.length());
            count++;
        }
        return count;
    }

    private int elements(List<?> l, int level) {
        int count = 0;
        for (Object element : l) {
            add(element, level + 1, -1, 0);
            count++;
        }
        return count;
    }

    private void unreadable(int keyAt, int keyLength) {
        int at = record(keyAt, keyLength);
        set(at, UNREADABLE, 0, 0);
        nodes[at + 2] = nodeInts / STRIDE;
    }

    private int record(int keyAt, int keyLength) {
        if (nodeInts + STRIDE > nodes.length)
            nodes = Arrays.copyOf(nodes, nodes.length * 2);
        int at = nodeInts;
        nodeInts += STRIDE;
        nodes[at + 4] = keyAt;
        nodes[at + 5] = keyLength;
        return at;
    }

    private void set(int at, int kind, int length, int textOrNumber) {
        nodes[at] = kind;
        nodes[at + 1] = length;
        nodes[at + 3] = textOrNumber;
    }

    /** Append s to chars; returns where it starts. */
    private int text(String s) {
        int n = s.length();
        if (charCount + n > chars.length)
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + n));
        s.getChars(0, n, chars, charCount);
        charCount += n;
        return charCount - n;
    }

    /** Record n's value if it is a Number type read (see applyAll); false otherwise. */
    private boolean number(Number n) {
        double v;
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte)
            v = n.longValue(); /* exact within 2^53; beyond, the double its digits read as */
        else if (n instanceof Double || n instanceof Float || n instanceof BigInteger
                 || n instanceof BigDecimal)
            v = n.doubleValue();
        else
            return false;
        if (numberCount == numbers.length)
            numbers = Arrays.copyOf(numbers, numbers.length * 2);
        numbers[numberCount++] = v;
        return true;
    }
}
