/*
 * Java entry of the libipart interface: the internal package no.ipart.swig
 * (the public API is the hand-written package no.ipart).
 *
 * - A failing call throws, inside the JNI wrapper, the
 *   no.ipart.<Class>Exception of its status (the class name comes from
 *   ipart_error_class(), i.e. from the one table IPART_ERROR_MAP), carrying
 *   the detail of ipart_error_last() read on the same thread. The throw is
 *   the wrapper's last step, after the arguments were released, and is
 *   followed by nothing but the return (STYLE.md B12).
 * - Strings cross JNI as real UTF-8 in both directions (JNI's own
 *   *StringUTF functions use "modified UTF-8", which garbles characters
 *   outside the BMP: a "\ud83d\ude00" in a document would come back as
 *   mojibake). A Java null reaches C as NULL (IPART_EMISUSE); a string
 *   holding U+0000 is an IllegalArgumentException.
 * - Outputs: char **out is a String[1] holder, int/size_t/int64_t/
 *   ipart_weekday *out are int[1]/long[1] holders, structs are proxies
 *   passed in. The facade hides all of it.
 * - int64_t is Java long: SWIGWORDSIZE64 is deliberately not defined.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
%module(jniclassname="IpartCapiJNI") IpartCapi

%include "enums.swg"

%{
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "ipart/ipart.h"
%}

/* SWIG's runtime (SWIG_JavaThrowException) is declared before this. */
%wrapper %{
/* ---- UTF-8 <-> java.lang.String ---------------------------------------- */

/* Decode UTF-8 into UTF-16; invalid or truncated sequences (the error
 * detail buffers have fixed sizes and may cut one) become U+FFFD, and
 * C0 80 (how a Java U+0000 is passed in, see below) becomes U+0000. `out`
 * has room for n units: no byte yields more than one unit. */
static jsize ipart_java_utf8_decode(const unsigned char *s, size_t n, jchar *out)
{
    size_t i = 0;
    jsize k = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            out[k++] = (jchar)c;
            i++;
            continue;
        }
        if (c == 0xC0 && i + 1 < n && s[i + 1] == 0x80) {
            out[k++] = 0;
            i += 2;
            continue;
        }
        size_t need;
        unsigned long cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1; cp = c & 0x1F; min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2; cp = c & 0x0F; min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3; cp = c & 0x07; min = 0x10000;
        } else {
            out[k++] = 0xFFFD;
            i++;
            continue;
        }
        size_t j = 1;
        while (j <= need && i + j < n && (s[i + j] & 0xC0) == 0x80) {
            cp = (cp << 6) | (s[i + j] & 0x3F);
            j++;
        }
        if (j <= need || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            out[k++] = 0xFFFD;
            i += j; /* skip the lead byte and the continuation bytes seen */
            continue;
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out[k++] = (jchar)(0xD800 + (cp >> 10));
            out[k++] = (jchar)(0xDC00 + (cp & 0x3FF));
        } else {
            out[k++] = (jchar)cp;
        }
        i += j;
    }
    return k;
}

/* A new java.lang.String from a UTF-8 C string; NULL gives NULL. On
 * failure NULL is returned with an exception pending. */
static jstring ipart_java_string(JNIEnv *jenv, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    if (n > 0x7FFFFFFF) {
        SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "string too long for Java");
        return NULL;
    }
    jchar small[256];
    jchar *buf = n <= sizeof small / sizeof small[0] ? small : (jchar *)malloc(n * sizeof(jchar));
    if (!buf) {
        SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "out of memory decoding a string");
        return NULL;
    }
    jsize len = ipart_java_utf8_decode((const unsigned char *)s, n, buf);
    jstring result = (*jenv)->NewString(jenv, buf, len);
    if (buf != small)
        free(buf);
    return result;
}

/* Plain ASCII: U+0001..U+007F, one byte each in UTF-8 and in C. */
static int ipart_java_plain(jchar unit)
{
    return (unsigned)unit - 1u < 0x7Fu;
}

/* Plain ASCII at the start of chars[0..n), copied to out as one byte each;
 * returns how many units. With SSE2 it goes sixteen units a step (then
 * eight), packed into bytes, and where a block holds anything else it
 * still stores the block (out has room: three bytes a unit) and counts
 * only the plain units before the first other one. Without SSE2, or with
 * fewer than eight units left, four per 64-bit word, stopping at the first
 * word holding anything else: the caller copies or encodes from there.
 * JSON text is mostly ASCII; this spares it a branch per character. */
#if defined(__SSE2__)
static __m128i ipart_java_load(const jchar *chars)
{
    return _mm_loadu_si128((const __m128i *)(const void *)chars);
}

/* Which bytes of a block packed with packus are plain ASCII, one movemask
 * bit each: packus saturates a unit above U+00FF to FF and, as it reads
 * units signed, one above U+7FFF to 00; a byte is 01..7F exactly when it
 * is greater than zero as a signed byte. */
static unsigned ipart_java_plain_bits(__m128i bytes)
{
    return (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(bytes, _mm_setzero_si128()));
}
#endif

static size_t ipart_java_ascii_run(const jchar *chars, size_t n, char *out)
{
    size_t i = 0;
#if defined(__SSE2__)
    for (; i + 16 <= n; i += 16) {
        __m128i bytes = _mm_packus_epi16(ipart_java_load(chars + i), ipart_java_load(chars + i + 8));
        unsigned plain = ipart_java_plain_bits(bytes);
        _mm_storeu_si128((__m128i *)(void *)(out + i), bytes);
        if (plain != 0xFFFF)
            return i + (size_t)__builtin_ctz(~plain);
    }
    if (i + 8 <= n) {
        __m128i units = ipart_java_load(chars + i);
        __m128i bytes = _mm_packus_epi16(units, units);
        unsigned plain = ipart_java_plain_bits(bytes) & 0xFF;
        _mm_storel_epi64((__m128i *)(void *)(out + i), bytes);
        if (plain != 0xFF)
            return i + (size_t)__builtin_ctz(~plain);
        i += 8;
    }
#endif
    for (; i + 4 <= n; i += 4) {
        uint64_t w;
        memcpy(&w, chars + i, sizeof w);
        /* a unit above U+007F, or U+0000 (adding 0x7F leaves its bit 7 clear) */
        if ((w & 0xFF80FF80FF80FF80u) | (~(w + 0x007F007F007F007Fu) & 0x0080008000800080u))
            break;
        for (size_t j = 0; j < 4; j++)
            out[i + j] = (char)chars[i + j];
    }
    return i;
}

/* Encode the character at chars[*i] (a surrogate pair is one) into out,
 * advancing *i past it; returns the bytes written (1 to 4). A lone
 * surrogate becomes U+FFFD, and U+0000 the two bytes C0 80. */
static size_t ipart_java_utf8_char(const jchar *chars, size_t n, size_t *i, char *out)
{
    unsigned long cp = chars[(*i)++];
    if (cp >= 0xD800 && cp <= 0xDBFF && *i < n && chars[*i] >= 0xDC00 && chars[*i] <= 0xDFFF)
        cp = 0x10000 + ((cp - 0xD800) << 10) + (chars[(*i)++] - 0xDC00);
    else if (cp >= 0xD800 && cp <= 0xDFFF)
        cp = 0xFFFD;
    if (cp == 0) {
        out[0] = (char)0xC0;
        out[1] = (char)0x80;
        return 2;
    }
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* UTF-16 units chars[0..n) as UTF-8 into out (room for 3n bytes: no unit
 * yields more than three, a pair four for two); returns the length. Plain
 * ASCII goes by blocks; where the blocks stop, the plain characters before
 * the one that stopped them are copied one by one, then the others are
 * encoded one by one up to the next plain one. Sets *nul if a U+0000 was
 * among them (left unchanged otherwise). */
static size_t ipart_java_utf8_encode(const jchar *chars, size_t n, char *out, int *nul)
{
    size_t i = 0, k = 0;
    while (i < n) {
        size_t run = ipart_java_ascii_run(chars + i, n - i, out + k);
        i += run;
        k += run;
        while (i < n && ipart_java_plain(chars[i]))
            out[k++] = (char)chars[i++];
        while (i < n && !ipart_java_plain(chars[i])) {
            *nul |= chars[i] == 0;
            k += ipart_java_utf8_char(chars, n, &i, out + k);
        }
    }
    return k;
}

/* A malloc'ed UTF-8 copy of a java.lang.String, freed by the caller with
 * free(). Surrogate pairs become 4-byte sequences, a lone surrogate
 * U+FFFD, and U+0000 the two bytes C0 80, which libipart rejects as
 * invalid input instead of silently cutting the string there; *nul tells
 * whether there was one (1) or not (0). On failure NULL is returned with
 * an exception pending.
 *
 * The units are copied out by chunks into a buffer on the stack:
 * GetStringCritical would allocate and inflate a copy of a whole Latin-1
 * string (most are, since Java 9) and hold off the GC meanwhile. A high
 * surrogate ending a chunk is read again with the next one, so a pair is
 * never split. */
#define IPART_JAVA_CHUNK 2048
/* The refusal of a string holding U+0000 (also IpartCapiJNI.cstring()'s). */
#define IPART_JAVA_NUL_MESSAGE "a string passed to libipart contains a NUL character (U+0000)"
static char *ipart_java_utf8(JNIEnv *jenv, jstring str, int *nul)
{
    jsize len = (*jenv)->GetStringLength(jenv, str);
    char *out = (char *)malloc((size_t)len * 3 + 1);
    if (!out) {
        SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "out of memory encoding a string");
        return NULL;
    }
    jchar chunk[IPART_JAVA_CHUNK];
    size_t k = 0;
    *nul = 0;
    for (jsize at = 0; at < len;) {
        jsize n = len - at < IPART_JAVA_CHUNK ? len - at : IPART_JAVA_CHUNK;
        (*jenv)->GetStringRegion(jenv, str, at, n, chunk);
        if (at + n < len && chunk[n - 1] >= 0xD800 && chunk[n - 1] <= 0xDBFF)
            n--;
        k += ipart_java_utf8_encode(chunk, (size_t)n, out + k, nul);
        at += n;
    }
    out[k] = '\0';
    return out;
}

/* ---- status -> exception ----------------------------------------------- */

#define IPART_JAVA_EXCEPTION_CTOR \
    "(ILjava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;" \
    "Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V"

/* Throw no.ipart.<Class>Exception(code, name, rule, source, path, key,
 * message, messageNb) for a call that returned `status`, with the detail of
 * ipart_error_last() read on this thread. The class and code follow the
 * status; should the detail belong to another code (a library bug), only
 * the status's description is used. If the class cannot be made, a
 * RuntimeException carries the message. Leaves exactly one exception
 * pending; the caller returns at once. */
static void ipart_java_throw(JNIEnv *jenv, ipart_status status)
{
    const ipart_error *e = ipart_error_last();
    if (status == IPART_OK)
        status = e->code != IPART_OK ? e->code : IPART_EINTERNAL;
    int own = e->code == status;
    const char *message = own && e->message[0] ? e->message : ipart_strerror(status);
    const char *message_nb = own && e->message[0] ? ipart_error_message_in("nb") : message;
    /* Copy the detail into Java strings before anything else runs. */
    jstring name = ipart_java_string(jenv, ipart_error_name(status));
    jstring rule = name ? ipart_java_string(jenv, own ? e->rule : "") : NULL;
    jstring source = rule ? ipart_java_string(jenv, own ? e->source : "") : NULL;
    jstring path = source ? ipart_java_string(jenv, own ? e->path : "") : NULL;
    jstring key = path ? ipart_java_string(jenv, own ? e->key : "") : NULL;
    jstring text = key ? ipart_java_string(jenv, message) : NULL;
    jstring text_nb = text ? ipart_java_string(jenv, message_nb) : NULL;
    if (!text_nb)
        return; /* OutOfMemoryError pending */
    char class_name[96];
    snprintf(class_name, sizeof class_name, "no/ipart/%sException", ipart_error_class(status));
    jclass cls = (*jenv)->FindClass(jenv, class_name);
    jmethodID ctor = cls ? (*jenv)->GetMethodID(jenv, cls, "<init>", IPART_JAVA_EXCEPTION_CTOR) : NULL;
    jobject exc = ctor ? (*jenv)->NewObject(jenv, cls, ctor, (jint)status, name, rule, source, path,
                                            key, text, text_nb)
                       : NULL;
    if (exc) {
        (*jenv)->Throw(jenv, (jthrowable)exc);
        return;
    }
    /* Lookup or construction failed: replace that error by a RuntimeException. */
    (*jenv)->ExceptionClear(jenv);
    char fallback[640];
    snprintf(fallback, sizeof fallback, "%s (%s; %s not found)", message, ipart_error_name(status),
             class_name);
    SWIG_JavaThrowException(jenv, SWIG_JavaRuntimeException, fallback);
}
%}

/* Load the JNI library and check versions: no.ipart.NativeLoader, which
 * CMake configures with the library's name (the same variable as the
 * target's OUTPUT_NAME). */
%pragma(java) jniclasscode=%{
  static {
    no.ipart.NativeLoader.load();
  }

  /**
   * A string for C: C strings end at the first NUL, so a Java string
   * holding U+0000 would be cut short there. Refused, as Python refuses
   * it with ValueError.
   */
  static String cstring(String s) {
    if (s != null && s.indexOf('\0') >= 0)
      throw new IllegalArgumentException("a string passed to libipart contains a NUL character (U+0000)"); // IPART_JAVA_NUL_MESSAGE
    return s;
  }
%}

/* ---- ipart_status: void in Java; a failure throws -----------------------
 * The check is in the "ret" typemap, which SWIG places after the argout
 * and freearg code: an early return from the "out" typemap would skip
 * freearg and leak every string argument of every failing call. */
%typemap(jni) ipart_status "void"
%typemap(jtype) ipart_status "void"
%typemap(jstype) ipart_status "void"
%typemap(javaout) ipart_status { $jnicall; }
%typemap(out) ipart_status ""
%typemap(ret) ipart_status {
    if ($1 != IPART_OK) {
        ipart_java_throw(jenv, $1);
        return $null;
    }
}

/* Any status code as a plain int (Ipart.strerror(int) takes unknown codes). */
%apply int { enum ipart_error_code code };

/* ---- strings ------------------------------------------------------------
 * A string holding U+0000 is an IllegalArgumentException before the call
 * (javain). Should one reach C all the same (a direct call of the JNI
 * class), it arrives as C0 80, which libipart rejects as invalid text. */
%typemap(javain) char * "IpartCapiJNI.cstring($javainput)"
%typemap(in, noblock=1) char * {
    $1 = 0;
    if ($input) {
        int nul;
        $1 = ($1_ltype)ipart_java_utf8(jenv, $input, &nul);
        if (!$1)
            return $null;
    }
}
%typemap(freearg, noblock=1) char * { free((void *)$1); }
%typemap(out, noblock=1) char * { $result = ipart_java_string(jenv, (const char *)$1); }
%typemap(out, noblock=1) char[ANY] { $result = ipart_java_string(jenv, (const char *)$1); }

/* ---- the batch text of ipart_partnership_apply_all() --------------------
 * Often tens of kilobytes or more: its U+0000 is refused by the encoder, in
 * the pass that copies it, not by cstring()'s scan in Java first (a second
 * pass over the text, and a slow one for the first calls, before the JIT
 * has compiled String.indexOf). The same IllegalArgumentException, with the
 * same message, before the library is called, so nothing is applied; the
 * JNI method itself refuses it the same way. */
%typemap(javain) const char *events_json "$javainput"
%typemap(in, noblock=1) const char *events_json {
    $1 = 0;
    if ($input) {
        int nul;
        $1 = ($1_ltype)ipart_java_utf8(jenv, $input, &nul);
        if (!$1)
            return $null;
        if (nul) {
            free((void *)$1);
            SWIG_JavaThrowException(jenv, SWIG_JavaIllegalArgumentException, IPART_JAVA_NUL_MESSAGE);
            return $null;
        }
    }
}

/* ---- a batch of Maps: ipart_partnership_apply_tree() -----------------------
 * Partnership.applyAll(List<Map>) flattens the events in Java, in one pass
 * (no.ipart.EventTree: the type of each value is an instanceof there, not a
 * JNI call per node), into one record of EVENT_TREE_STRIDE ints a node in
 * preorder, a double[] of the numbers and a char[] of the strings and keys.
 * This is the host of the library's ipart_tree_reader: a node is a pointer
 * to its record; the UTF-16 of every string and key is encoded to real
 * UTF-8 once, before the call, by the encoder above (a lone surrogate
 * becomes U+FFFD, as in applyAll(String), and U+0000 the byte 00, which the
 * library reads as the JSON text's "\u0000"). Nothing here calls back into
 * Java while the library walks, so no exception can be pending in a
 * callback; every array is released before the status throws. */
%wrapper %{
#define IPART_JAVA_TREE_STRIDE 6 /* = EventTree.STRIDE */
enum {
    IPART_JAVA_TREE_KIND,   /* an ipart_tree_kind */
    IPART_JAVA_TREE_LENGTH, /* UTF-16 units of a string; children of a container */
    IPART_JAVA_TREE_END,    /* the record after the node's subtree */
    IPART_JAVA_TREE_AT,     /* a string's first unit in chars; a number's index */
    IPART_JAVA_TREE_KEY_AT, /* the member's key in chars (-1 outside an object) */
    IPART_JAVA_TREE_KEY_LENGTH
};
/* EventTree's kinds are ipart_tree_kind's values, the last one being: */
_Static_assert(IPART_TREE_UNREADABLE == 7, "no.ipart.EventTree.UNREADABLE is 7");

typedef struct ipart_java_tree {
    const jint *nodes;
    const jdouble *numbers;
    char *utf8;        /* every string and key, encoded */
    size_t *offsets;   /* per node: text, its length, key, its length (bytes in utf8) */
} ipart_java_tree;

static size_t ipart_java_tree_index(const ipart_java_tree *t, const void *node)
{
    return (size_t)((const jint *)node - t->nodes) / IPART_JAVA_TREE_STRIDE;
}

static void ipart_java_tree_read(void *host, const void *node, ipart_tree_node *out)
{
    const ipart_java_tree *t = (const ipart_java_tree *)host;
    const jint *n = (const jint *)node;
    size_t i = ipart_java_tree_index(t, node);
    out->kind = (ipart_tree_kind)n[IPART_JAVA_TREE_KIND];
    out->length = (size_t)n[IPART_JAVA_TREE_LENGTH];
    if (out->kind == IPART_TREE_NUMBER)
        out->number = t->numbers[n[IPART_JAVA_TREE_AT]];
    if (out->kind == IPART_TREE_STRING) {
        out->text = t->utf8 + t->offsets[4 * i];
        out->length = t->offsets[4 * i + 1];
    }
}

/* The cursor is the index of the next child's record, 0 before the first. */
static int ipart_java_tree_next(void *host, const void *container, uintptr_t *cursor,
                                const void **child, const char **key, size_t *key_length)
{
    const ipart_java_tree *t = (const ipart_java_tree *)host;
    size_t i = ipart_java_tree_index(t, container);
    size_t c = *cursor ? (size_t)*cursor : i + 1;
    if (c >= (size_t)t->nodes[i * IPART_JAVA_TREE_STRIDE + IPART_JAVA_TREE_END])
        return 0;
    *child = t->nodes + c * IPART_JAVA_TREE_STRIDE;
    if (key) {
        *key = t->utf8 + t->offsets[4 * c + 2];
        *key_length = t->offsets[4 * c + 3];
    }
    *cursor = (uintptr_t)t->nodes[c * IPART_JAVA_TREE_STRIDE + IPART_JAVA_TREE_END];
    return 1;
}

/* chars[at..at+n) as UTF-8 at utf8 + *k, its offset and length into slot;
 * the C0 80 the encoder writes for U+0000 (for C strings) becomes 00. */
static void ipart_java_tree_text(const jchar *chars, jint at, jint n, char *utf8, size_t *k,
                                 size_t *slot)
{
    int nul = 0;
    size_t length = ipart_java_utf8_encode(chars + at, (size_t)n, utf8 + *k, &nul);
    if (nul) {
        size_t w = 0;
        for (size_t r = 0; r < length; r++, w++) {
            int pair = (unsigned char)utf8[*k + r] == 0xC0 && r + 1 < length &&
                       (unsigned char)utf8[*k + r + 1] == 0x80;
            utf8[*k + w] = pair ? '\0' : utf8[*k + r];
            r += pair;
        }
        length = w;
    }
    slot[0] = *k;
    slot[1] = length;
    *k += length;
}

/* Encode every string and key of the records (count of them) once. The
 * Java side made the offsets, so they lie within chars. 0 on no memory. */
static int ipart_java_tree_encode(ipart_java_tree *t, jsize count, const jchar *chars,
                                  jsize char_count)
{
    t->utf8 = (char *)malloc((size_t)char_count * 3 + 1);
    t->offsets = (size_t *)calloc((size_t)count * 4 + 1, sizeof *t->offsets);
    if (!t->utf8 || !t->offsets)
        return 0;
    size_t k = 0;
    for (jsize i = 0; i < count; i++) {
        const jint *n = t->nodes + (size_t)i * IPART_JAVA_TREE_STRIDE;
        if (n[IPART_JAVA_TREE_KIND] == IPART_TREE_STRING)
            ipart_java_tree_text(chars, n[IPART_JAVA_TREE_AT], n[IPART_JAVA_TREE_LENGTH],
                                 t->utf8, &k, t->offsets + 4 * i);
        if (n[IPART_JAVA_TREE_KEY_AT] >= 0)
            ipart_java_tree_text(chars, n[IPART_JAVA_TREE_KEY_AT], n[IPART_JAVA_TREE_KEY_LENGTH],
                                 t->utf8, &k, t->offsets + 4 * i + 2);
    }
    return 1;
}

/* The records' first node (the batch's array) applied through the reader.
 * The glue's own failures are thrown here (the library set no detail for
 * them) and IPART_OK returned, the exception pending. */
static ipart_status ipart_java_tree_apply(JNIEnv *jenv, ipart_partnership *p, ipart_java_tree *t,
                                          jsize count, const jchar *chars, jsize char_count)
{
    static const ipart_tree_reader reader = {ipart_java_tree_read, ipart_java_tree_next};
    if (count < IPART_JAVA_TREE_STRIDE) { /* no batch record: not the facade's call */
        SWIG_JavaThrowException(jenv, SWIG_JavaIllegalArgumentException,
                                "ipart_java_apply_tree: no record of the batch's array");
        return IPART_OK;
    }
    if (!ipart_java_tree_encode(t, count / IPART_JAVA_TREE_STRIDE, chars, char_count)) {
        SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "out of memory encoding a batch");
        return IPART_OK;
    }
    return ipart_partnership_apply_tree(p, &reader, t, t->nodes);
}

/* Partnership.applyAll(List<Map>)'s call: the first node_ints of EventTree's
 * records, number_count numbers and char_count characters (see above),
 * copied out by region (the library runs between, so nothing stays pinned).
 * Internal: the facade made them consistent; a count past its array leaves
 * Java's exception pending and calls nothing. */
static ipart_status ipart_java_apply_tree(JNIEnv *jenv, ipart_partnership *partnership,
                                          jintArray nodes, jint node_ints, jdoubleArray numbers,
                                          jint number_count, jcharArray chars, jint char_count)
{
    ipart_java_tree t = {NULL, NULL, NULL, NULL};
    if (!nodes || !numbers || !chars) {
        SWIG_JavaThrowException(jenv, SWIG_JavaNullPointerException, "an EventTree array is null");
        return IPART_OK; /* pending: the wrapper returns */
    }
    jint *records = (jint *)malloc((size_t)node_ints * sizeof(jint) + 1);
    jdouble *values = (jdouble *)malloc((size_t)number_count * sizeof(jdouble) + 1);
    jchar *units = (jchar *)malloc((size_t)char_count * sizeof(jchar) + 1);
    ipart_status rc = IPART_OK;
    if (!records || !values || !units) {
        SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "out of memory copying a batch");
    } else {
        (*jenv)->GetIntArrayRegion(jenv, nodes, 0, node_ints, records);
        (*jenv)->GetDoubleArrayRegion(jenv, numbers, 0, number_count, values);
        (*jenv)->GetCharArrayRegion(jenv, chars, 0, char_count, units);
        t.nodes = records;
        t.numbers = values;
        rc = (*jenv)->ExceptionCheck(jenv) ? IPART_OK /* pending: the wrapper returns */
                                           : ipart_java_tree_apply(jenv, partnership, &t, node_ints,
                                                                   units, char_count);
    }
    free(t.utf8);
    free(t.offsets);
    free(units);
    free(values);
    free(records);
    return rc;
}
%}
%typemap(in, numinputs=0) JNIEnv *jenv "$1 = jenv;"
static ipart_status ipart_java_apply_tree(JNIEnv *jenv, ipart_partnership *partnership,
                                          jintArray nodes, jint node_ints, jdoubleArray numbers,
                                          jint number_count, jcharArray chars, jint char_count);

/* ---- outputs: one-element holder arrays --------------------------------- */
%define IPART_JAVA_HOLDER_CHECK
    if (!$input || (*jenv)->GetArrayLength(jenv, $input) < 1) {
        SWIG_JavaThrowException(jenv, SWIG_JavaIllegalArgumentException,
                                "an output array of length 1 is required");
        return $null;
    }
%enddef

%typemap(jni) char **out "jobjectArray"
%typemap(jtype) char **out "String[]"
%typemap(jstype) char **out "String[]"
%typemap(javain) char **out "$javainput"
%typemap(in) char **out (char *temp = NULL) {
    IPART_JAVA_HOLDER_CHECK
    $1 = &temp;
}
%typemap(freearg) char **out ""
/* Runs on failure too (then temp is NULL); frees the C string either way. */
%typemap(argout) char **out {
    if (temp$argnum) {
        jstring text = ipart_java_string(jenv, temp$argnum);
        ipart_free(temp$argnum);
        if (!text)
            return $null; /* OutOfMemoryError pending */
        (*jenv)->SetObjectArrayElement(jenv, $input, 0, text);
    }
}

%define IPART_JAVA_SCALAR_OUT(CTYPE, JNI_ARRAY, JAVA_ARRAY, JNI_ELEMENT, SETTER)
%typemap(jni) CTYPE *out "JNI_ARRAY"
%typemap(jtype) CTYPE *out "JAVA_ARRAY"
%typemap(jstype) CTYPE *out "JAVA_ARRAY"
%typemap(javain) CTYPE *out "$javainput"
%typemap(in) CTYPE *out (CTYPE temp = (CTYPE)0) {
    IPART_JAVA_HOLDER_CHECK
    $1 = &temp;
}
%typemap(freearg) CTYPE *out ""
%typemap(argout) CTYPE *out {
    JNI_ELEMENT value = (JNI_ELEMENT)temp$argnum;
    (*jenv)->SETTER(jenv, $input, 0, 1, &value);
}
%enddef
IPART_JAVA_SCALAR_OUT(int, jintArray, int[], jint, SetIntArrayRegion)
IPART_JAVA_SCALAR_OUT(ipart_weekday, jintArray, int[], jint, SetIntArrayRegion)
IPART_JAVA_SCALAR_OUT(ipart_field_kind, jintArray, int[], jint, SetIntArrayRegion)
IPART_JAVA_SCALAR_OUT(ipart_price_model, jintArray, int[], jint, SetIntArrayRegion)
IPART_JAVA_SCALAR_OUT(size_t, jlongArray, long[], jlong, SetLongArrayRegion)
IPART_JAVA_SCALAR_OUT(int64_t, jlongArray, long[], jlong, SetLongArrayRegion)

/* A method or field of a proxy whose native object was deleted is a
 * NullPointerException, not a crash. */
%typemap(check, noblock=1) SWIGTYPE *self {
    if (!$1) {
        SWIG_JavaThrowException(jenv, SWIG_JavaNullPointerException,
                                "the native object was deleted");
        return $null;
    }
}

/* ---- proxies: AutoCloseable --------------------------------------------
 * close() delegates to SWIG's idempotent delete(); SWIG's finalize() stays
 * as a safety net only (STYLE.md C3). C mode: typemaps name the struct. */
%define IPART_JAVA_CLOSEABLE(TYPE)
%typemap(javainterfaces) struct TYPE "AutoCloseable"
%typemap(javacode) struct TYPE %{
  /** Release the native object now (idempotent); same as delete(). */
  @Override
  public void close() {
    delete();
  }
%}
%enddef
IPART_JAVA_CLOSEABLE(ipart_error)
IPART_JAVA_CLOSEABLE(ipart_money)
IPART_JAVA_CLOSEABLE(ipart_date)
IPART_JAVA_CLOSEABLE(ipart_holiday)
IPART_JAVA_CLOSEABLE(ipart_party)
IPART_JAVA_CLOSEABLE(ipart_due)
IPART_JAVA_CLOSEABLE(ipart_threshold_verdict)
IPART_JAVA_CLOSEABLE(ipart_partnership)

/* ---- T **out: a TYPE[1] holder gets the new object ------------------------
 * (ipart.i applies it to each object type.) The proxy owns the object and
 * frees it on close()/delete(). The holder is checked before the call, so a
 * bad one cannot strand a created object; on failure the call throws before
 * the holder is filled, and C leaves *out NULL, so nothing leaks. */
%define IPART_OBJECT_OUT(TYPE)
%typemap(jni) TYPE **out "jlongArray"
%typemap(jtype) TYPE **out "long[]"
%typemap(jstype) TYPE **out "TYPE[]"
%typemap(javain,
         pre="    if ($javainput == null || $javainput.length < 1)\n"
             "      throw new IllegalArgumentException(\"an output array of length 1 is required\");\n"
             "    long[] cPtr$javainput = new long[1];",
         post="      $javainput[0] = cPtr$javainput[0] == 0 ? null : new TYPE(cPtr$javainput[0], true);")
    TYPE **out "cPtr$javainput"
%typemap(in) TYPE **out (TYPE *temp = NULL) {
    IPART_JAVA_HOLDER_CHECK
    $1 = &temp;
}
%typemap(freearg) TYPE **out ""
%typemap(argout) TYPE **out {
    jlong cptr = 0;
    *(TYPE **)&cptr = temp$argnum;
    (*jenv)->SetLongArrayRegion(jenv, $input, 0, 1, &cptr);
}
%enddef


/* ---- int64 arrays (see ipart.i): long[] --------------------------------
 * Inputs are read and released without copying back (JNI_ABORT); outputs
 * are copied back (mode 0) in freearg, before "ret" may throw, so nothing
 * calls JNI after an exception is pending. An output may be null where the
 * C function takes NULL (bulk totals); an input may not. */
%typemap(jni) (const int64_t *IPART_IN_ARRAY, size_t IPART_IN_COUNT) "jlongArray"
%typemap(jtype) (const int64_t *IPART_IN_ARRAY, size_t IPART_IN_COUNT) "long[]"
%typemap(jstype) (const int64_t *IPART_IN_ARRAY, size_t IPART_IN_COUNT) "long[]"
%typemap(javain) (const int64_t *IPART_IN_ARRAY, size_t IPART_IN_COUNT) "$javainput"
%typemap(in) (const int64_t *IPART_IN_ARRAY, size_t IPART_IN_COUNT) {
    if (!$input) {
        SWIG_JavaThrowException(jenv, SWIG_JavaNullPointerException, "array argument '$1_name' is null");
        return $null;
    }
    $2 = (size_t)(*jenv)->GetArrayLength(jenv, $input);
    $1 = ($1_ltype)(*jenv)->GetLongArrayElements(jenv, $input, NULL);
    if (!$1)
        return $null; /* OutOfMemoryError pending */
}
%typemap(freearg) (const int64_t *IPART_IN_ARRAY, size_t IPART_IN_COUNT) {
    (*jenv)->ReleaseLongArrayElements(jenv, $input, (jlong *)$1, JNI_ABORT);
}

%typemap(jni) (int64_t *IPART_OUT_ARRAY, size_t IPART_OUT_COUNT) "jlongArray"
%typemap(jtype) (int64_t *IPART_OUT_ARRAY, size_t IPART_OUT_COUNT) "long[]"
%typemap(jstype) (int64_t *IPART_OUT_ARRAY, size_t IPART_OUT_COUNT) "long[]"
%typemap(javain) (int64_t *IPART_OUT_ARRAY, size_t IPART_OUT_COUNT) "$javainput"
%typemap(in) (int64_t *IPART_OUT_ARRAY, size_t IPART_OUT_COUNT) {
    $1 = NULL;
    $2 = 0;
    if ($input) {
        $2 = (size_t)(*jenv)->GetArrayLength(jenv, $input);
        $1 = ($1_ltype)(*jenv)->GetLongArrayElements(jenv, $input, NULL);
        if (!$1)
            return $null; /* OutOfMemoryError pending */
    }
}
%typemap(freearg) (int64_t *IPART_OUT_ARRAY, size_t IPART_OUT_COUNT) {
    if ($1)
        (*jenv)->ReleaseLongArrayElements(jenv, $input, (jlong *)$1, 0);
}

IPART_JAVA_CLOSEABLE(ipart_evaluation)
IPART_JAVA_CLOSEABLE(ipart_stability)
IPART_JAVA_CLOSEABLE(ipart_rights_explanation)
/* The typed rows of the list-shaped queries. */
IPART_JAVA_CLOSEABLE(ipart_event_header)
IPART_JAVA_CLOSEABLE(ipart_tenderer)
IPART_JAVA_CLOSEABLE(ipart_ranked)
IPART_JAVA_CLOSEABLE(ipart_score)
IPART_JAVA_CLOSEABLE(ipart_action)
IPART_JAVA_CLOSEABLE(ipart_partner_phase)
IPART_JAVA_CLOSEABLE(ipart_partner_target)
IPART_JAVA_CLOSEABLE(ipart_partner_instalment)
IPART_JAVA_CLOSEABLE(ipart_payment)
IPART_JAVA_CLOSEABLE(ipart_right_answer)
IPART_JAVA_CLOSEABLE(ipart_stability_tender)
IPART_JAVA_CLOSEABLE(ipart_stability_pair)
IPART_JAVA_CLOSEABLE(ipart_winner_change)
IPART_JAVA_CLOSEABLE(ipart_stability_removal)

/* ---- batches of built events: ipart_event[] ------------------------------
 * The proxies' handles cross as one long[] (one JNI call for the batch);
 * a null element or a closed proxy reaches C as NULL, which it refuses
 * naming the element ("$[3]"). The array is kept reachable through the
 * call, so no proxy can be finalized (and its event freed) meanwhile. */
%typemap(jni) (const ipart_event *const *events, size_t count) "jlongArray"
%typemap(jtype) (const ipart_event *const *events, size_t count) "long[]"
%typemap(jstype) (const ipart_event *const *events, size_t count) "ipart_event[]"
%typemap(javain,
         pre="    long[] cPtr$javainput = new long[$javainput.length];\n"
             "    for (int i = 0; i < $javainput.length; i++)\n"
             "      cPtr$javainput[i] = ipart_event.getCPtr($javainput[i]);",
         post="      java.lang.ref.Reference.reachabilityFence($javainput);")
    (const ipart_event *const *events, size_t count) "cPtr$javainput"
%typemap(in) (const ipart_event *const *events, size_t count) (const ipart_event **items = NULL) {
    if (!$input) {
        SWIG_JavaThrowException(jenv, SWIG_JavaNullPointerException, "array argument 'events' is null");
        return $null;
    }
    jsize n = (*jenv)->GetArrayLength(jenv, $input);
    jlong *handles = (*jenv)->GetLongArrayElements(jenv, $input, NULL);
    if (!handles)
        return $null; /* OutOfMemoryError pending */
    items = (const ipart_event **)malloc((size_t)(n ? n : 1) * sizeof *items);
    for (jsize i = 0; items && i < n; i++)
        items[i] = *(const ipart_event **)&handles[i];
    (*jenv)->ReleaseLongArrayElements(jenv, $input, handles, JNI_ABORT);
    if (!items) {
        SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "out of memory for a batch");
        return $null;
    }
    $1 = ($1_ltype)items;
    $2 = (size_t)n;
}
%typemap(freearg) (const ipart_event *const *events, size_t count) { free(items$argnum); }

/* A test hook (internal): the exception a given status is thrown as, so
 * that the tests cover every row of the table through the real path. */
%inline %{
static ipart_status ipart_java_status_selftest(int status)
{
    ipart_error_clear();
    return (ipart_status)status;
}
%}

%include "ipart.i"
