/*
 * Partnership.apply_all of a list of JSON-shaped dicts without json.dumps:
 * the list is written straight into one growing UTF-8 buffer, byte for
 * byte the text json.dumps(events, ensure_ascii=False) gives, and applied
 * by one ipart_partnership_apply_all() call. %include'd by ipart_python.i.
 *
 * Only exact JSON types are written: dict with str keys, list, tuple, str,
 * int within int64, finite float, bool and None. Anything else (a subclass,
 * a key that is not a str, a lone surrogate, NaN or infinity, a huge int,
 * nesting deeper than IPART_PY_JSON_DEPTH, which a cycle reaches, or out
 * of memory) is declined: nothing is applied, no exception is set, and the
 * facade takes json.dumps's route, whose errors are then exactly the ones
 * it always gave. Every object is read with the GIL held and no Python code
 * runs during the walk, so nothing can change the values under it.
 *
 * SPDX-License-Identifier: Apache-2.0
 */

%{
/* Deeper values are declined (the library refuses beyond 32 levels). */
#define IPART_PY_JSON_DEPTH 64
#define IPART_PY_JSON_DECLINED (-1)

/* A key written before, by its object: the dicts of a batch share their
 * keys' str objects (literals are interned, json.loads reuses a document's
 * keys), so most keys are copied from their first writing. */
#define IPART_PY_JSON_KEYS 64
typedef struct ipart_py_json_key {
    PyObject *key; /* alive and unchanged: held by its dict, no Python code runs */
    size_t at, length; /* its text in quotes, in the buffer */
} ipart_py_json_key;

typedef struct ipart_py_json {
    char *text; /* PyMem; NUL-terminated when complete */
    size_t length, size;
    int depth;
    ipart_py_json_key keys[IPART_PY_JSON_KEYS];
} ipart_py_json;

/* Room for `n` more bytes past w->length, growing the buffer by doubling. */
static int ipart_py_json_grow(ipart_py_json *w, size_t n)
{
    size_t size = w->size ? w->size : 1024;
    while (size - w->length < n) {
        if (size > (size_t)PY_SSIZE_T_MAX / 2)
            return IPART_PY_JSON_DECLINED;
        size *= 2;
    }
    char *grown = (char *)PyMem_Realloc(w->text, size);
    if (!grown)
        return IPART_PY_JSON_DECLINED;
    w->text = grown;
    w->size = size;
    return 0;
}

/* Room for `n` more bytes; IPART_PY_JSON_DECLINED when memory runs out
 * (json.dumps then meets it and raises its own MemoryError). */
static inline int ipart_py_json_room(ipart_py_json *w, size_t n)
{
    return w->size - w->length >= n ? 0 : ipart_py_json_grow(w, n);
}

static inline int ipart_py_json_put(ipart_py_json *w, const char *bytes, size_t n)
{
    if (ipart_py_json_room(w, n) != 0)
        return IPART_PY_JSON_DECLINED;
    memcpy(w->text + w->length, bytes, n);
    w->length += n;
    return 0;
}

/* The escape json.dumps writes for a character below 0x80 after its
 * backslash: 'u' for \u00XX, 0 for none (the character as it is). */
static const char ipart_py_json_escapes[128] = {
    ['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r', ['\t'] = 't',
    [0] = 'u', [1] = 'u', [2] = 'u', [3] = 'u', [4] = 'u', [5] = 'u', [6] = 'u', [7] = 'u',
    [11] = 'u', [14] = 'u', [15] = 'u', [16] = 'u', [17] = 'u', [18] = 'u', [19] = 'u',
    [20] = 'u', [21] = 'u', [22] = 'u', [23] = 'u', [24] = 'u', [25] = 'u', [26] = 'u',
    [27] = 'u', [28] = 'u', [29] = 'u', [30] = 'u', [31] = 'u', ['"'] = '"', ['\\'] = '\\',
};

/* One character below 0x80 at out, escaped as json.dumps does (lower-case
 * hex digits); returns the bytes written (at most 6). */
static size_t ipart_py_json_ascii(char *out, unsigned c)
{
    char escape = ipart_py_json_escapes[c];
    if (!escape) {
        out[0] = (char)c;
        return 1;
    }
    out[0] = '\\';
    out[1] = escape;
    if (escape != 'u')
        return 2;
    memcpy(out + 2, "00", 2);
    out[4] = "0123456789abcdef"[c >> 4];
    out[5] = "0123456789abcdef"[c & 15];
    return 6;
}

/* One character at out as UTF-8 (escaped below 0x80); 0 for a surrogate,
 * which has no UTF-8 (the str holds a lone one: json.dumps keeps it and
 * the str's encoding for the call fails). */
static size_t ipart_py_json_char(char *out, Py_UCS4 c)
{
    if (c < 0x80)
        return ipart_py_json_ascii(out, c);
    if (c < 0x800) {
        out[0] = (char)(0xC0 | c >> 6);
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c >= 0xD800 && c <= 0xDFFF)
        return 0;
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | c >> 12);
        out[1] = (char)(0x80 | (c >> 6 & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | c >> 18);
    out[1] = (char)(0x80 | (c >> 12 & 0x3F));
    out[2] = (char)(0x80 | (c >> 6 & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

#if defined(__SSE2__)
#include <emmintrin.h>
/* How many of the 16 bytes at s are written as they are (below 0x80, not
 * a control, '"' or '\\'): a signed compare below ' ' catches the bytes
 * from 0x80 up too. */
static inline unsigned ipart_py_json_plain16(const unsigned char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i stop = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(' ')),
                                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                             _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
    unsigned mask = (unsigned)_mm_movemask_epi8(stop);
    return mask ? (unsigned)__builtin_ctz(mask) : 16;
}
#endif

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define IPART_PY_JSON_WORDS 1
#else
#define IPART_PY_JSON_WORDS 0
#endif

/* As ipart_py_json_plain16, of 8 bytes in a word (little-endian: the first
 * byte lowest). A byte's high bit in (b - k) & ~b is set when b < k; a
 * borrow from a lower byte may set it above, never below, the lowest such
 * byte, so the lowest hit is exact. Bytes from 0x80 up stop by their own
 * high bit. */
static inline unsigned ipart_py_json_plain8(const unsigned char *s)
{
    const uint64_t ones = 0x0101010101010101u;
    uint64_t w;
    memcpy(&w, s, sizeof w);
    uint64_t below = (w - ones * ' ') | ((w ^ ones * '"') - ones) | ((w ^ ones * '\\') - ones);
    uint64_t stop = ((below & ~w) | w) & ones << 7;
    return stop ? (unsigned)__builtin_ctzll(stop) >> 3 : 8;
}

/* The characters of a one-byte str (ASCII or Latin-1) at out: runs of
 * plain bytes sixteen at a time where SSE2 is, then eight at a time;
 * returns the end. At least
 * 6 bytes of room per character (the caller's), so a whole 16-byte store
 * fits while 16 characters are left. */
static char *ipart_py_json_ucs1(char *out, const Py_UCS1 *s, const Py_UCS1 *end)
{
    while (s < end) {
#if defined(__SSE2__)
        while (end - s >= 16) {
            unsigned plain = ipart_py_json_plain16(s);
            memcpy(out, s, 16);
            s += plain;
            out += plain;
            if (plain < 16)
                break;
        }
#endif
        while (IPART_PY_JSON_WORDS && end - s >= 8) {
            unsigned plain = ipart_py_json_plain8(s);
            memcpy(out, s, 8);
            s += plain;
            out += plain;
            if (plain < 8)
                break;
        }
        if (s == end)
            break;
        Py_UCS1 c = *s++;
        if (c < 0x80 && !ipart_py_json_escapes[c])
            *out++ = (char)c;
        else
            out += ipart_py_json_char(out, c);
    }
    return out;
}

/* The characters of a two- or four-byte str; NULL at a surrogate. */
#define IPART_PY_JSON_WIDE(NAME, TYPE)                                           \
    static char *NAME(char *out, const TYPE *s, const TYPE *end)               \
    {                                                                          \
        for (; s < end; s++) {                                                 \
            if (*s < 0x80 && !ipart_py_json_escapes[*s]) {                     \
                *out++ = (char)*s;                                             \
                continue;                                                      \
            }                                                                  \
            size_t wrote = ipart_py_json_char(out, *s);                        \
            if (!wrote)                                                        \
                return NULL;                                                   \
            out += wrote;                                                      \
        }                                                                      \
        return out;                                                            \
    }
IPART_PY_JSON_WIDE(ipart_py_json_ucs2, Py_UCS2)
IPART_PY_JSON_WIDE(ipart_py_json_ucs4, Py_UCS4)

/* A str in quotes, its characters read in place (no UTF-8 copy cached on
 * the str): at most 6 bytes per character (\u00XX), and 16 for a store
 * past the last plain byte. */
static int ipart_py_json_string(ipart_py_json *w, PyObject *text)
{
    if (PyUnicode_READY(text) != 0) {
        PyErr_Clear();
        return IPART_PY_JSON_DECLINED;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if ((size_t)n > ((size_t)PY_SSIZE_T_MAX - 18) / 6 || ipart_py_json_room(w, (size_t)n * 6 + 18) != 0)
        return IPART_PY_JSON_DECLINED;
    char *out = w->text + w->length;
    const void *data = PyUnicode_DATA(text);
    *out++ = '"';
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        out = ipart_py_json_ucs1(out, (const Py_UCS1 *)data, (const Py_UCS1 *)data + n);
        break;
    case PyUnicode_2BYTE_KIND:
        out = ipart_py_json_ucs2(out, (const Py_UCS2 *)data, (const Py_UCS2 *)data + n);
        break;
    default:
        out = ipart_py_json_ucs4(out, (const Py_UCS4 *)data, (const Py_UCS4 *)data + n);
        break;
    }
    if (!out)
        return IPART_PY_JSON_DECLINED;
    *out++ = '"';
    w->length = (size_t)(out - w->text);
    return 0;
}

/* An int as repr() writes it, when it fits int64 (json.dumps writes any
 * size, or fails past sys.get_int_max_str_digits(): declined). */
static int ipart_py_json_int(ipart_py_json *w, PyObject *value)
{
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (overflow || (v == -1 && PyErr_Occurred())) {
        PyErr_Clear();
        return IPART_PY_JSON_DECLINED;
    }
    char digits[24];
    size_t n = 0;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do
        digits[sizeof digits - ++n] = (char)('0' + u % 10);
    while ((u /= 10) > 0);
    if (v < 0)
        digits[sizeof digits - ++n] = '-';
    return ipart_py_json_put(w, digits + sizeof digits - n, n);
}

/* A finite float as float.__repr__ (what json.dumps writes); NaN and the
 * infinities are declined (json.dumps writes NaN, which no JSON reader
 * takes). */
static int ipart_py_json_float(ipart_py_json *w, PyObject *value)
{
    double d = PyFloat_AS_DOUBLE(value);
    if (!Py_IS_FINITE(d))
        return IPART_PY_JSON_DECLINED;
    char *repr = PyOS_double_to_string(d, 'r', 0, Py_DTSF_ADD_DOT_0, NULL);
    if (!repr) {
        PyErr_Clear();
        return IPART_PY_JSON_DECLINED;
    }
    int rc = ipart_py_json_put(w, repr, strlen(repr));
    PyMem_Free(repr);
    return rc;
}

static int ipart_py_json_value(ipart_py_json *w, PyObject *value);

/* A key (an exact str) in quotes: copied when written before. */
static int ipart_py_json_key_text(ipart_py_json *w, PyObject *key)
{
    ipart_py_json_key *seen = &w->keys[((uintptr_t)key >> 4) % IPART_PY_JSON_KEYS];
    if (seen->key == key) {
        if (ipart_py_json_room(w, seen->length) != 0)
            return IPART_PY_JSON_DECLINED;
        memcpy(w->text + w->length, w->text + seen->at, seen->length);
        w->length += seen->length;
        return 0;
    }
    size_t at = w->length;
    if (ipart_py_json_string(w, key) != 0)
        return IPART_PY_JSON_DECLINED;
    *seen = (ipart_py_json_key){key, at, w->length - at};
    return 0;
}

/* {"key": value, ...}, in the dict's order; a key must be an exact str
 * (json.dumps would turn 1 into "1": declined). */
static int ipart_py_json_dict(ipart_py_json *w, PyObject *dict)
{
    if (ipart_py_json_put(w, "{", 1) != 0)
        return IPART_PY_JSON_DECLINED;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    int first = 1;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (!PyUnicode_CheckExact(key) || (!first && ipart_py_json_put(w, ", ", 2) != 0) ||
            ipart_py_json_key_text(w, key) != 0 || ipart_py_json_put(w, ": ", 2) != 0 ||
            ipart_py_json_value(w, value) != 0)
            return IPART_PY_JSON_DECLINED;
        first = 0;
    }
    return ipart_py_json_put(w, "}", 1);
}

/* [value, ...] of a list or tuple. */
static int ipart_py_json_array(ipart_py_json *w, PyObject *seq)
{
    if (ipart_py_json_put(w, "[", 1) != 0)
        return IPART_PY_JSON_DECLINED;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        if ((i && ipart_py_json_put(w, ", ", 2) != 0) ||
            ipart_py_json_value(w, PySequence_Fast_GET_ITEM(seq, i)) != 0)
            return IPART_PY_JSON_DECLINED;
    }
    return ipart_py_json_put(w, "]", 1);
}

static int ipart_py_json_container(ipart_py_json *w, PyObject *value)
{
    if (++w->depth > IPART_PY_JSON_DEPTH)
        return IPART_PY_JSON_DECLINED;
    int rc = PyDict_CheckExact(value) ? ipart_py_json_dict(w, value)
                                      : ipart_py_json_array(w, value);
    w->depth--;
    return rc;
}

/* One value by its exact type (bool is its own type, not int's). */
static int ipart_py_json_value(ipart_py_json *w, PyObject *value)
{
    PyTypeObject *type = Py_TYPE(value);
    if (type == &PyUnicode_Type)
        return ipart_py_json_string(w, value);
    if (type == &PyDict_Type || type == &PyList_Type || type == &PyTuple_Type)
        return ipart_py_json_container(w, value);
    if (type == &PyLong_Type)
        return ipart_py_json_int(w, value);
    if (value == Py_True)
        return ipart_py_json_put(w, "true", 4);
    if (value == Py_False)
        return ipart_py_json_put(w, "false", 5);
    if (value == Py_None)
        return ipart_py_json_put(w, "null", 4);
    if (type == &PyFloat_Type)
        return ipart_py_json_float(w, value);
    return IPART_PY_JSON_DECLINED;
}

/* The text of `value` NUL-terminated in w->text (freed by the caller,
 * declined or not); `events`: value must be a list of dicts. */
static int ipart_py_json_write(ipart_py_json *w, PyObject *value, int events)
{
    if (events) {
        if (!PyList_CheckExact(value))
            return IPART_PY_JSON_DECLINED;
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(value); i++)
            if (!PyDict_CheckExact(PyList_GET_ITEM(value, i)))
                return IPART_PY_JSON_DECLINED;
    }
    if (ipart_py_json_value(w, value) != 0 || ipart_py_json_put(w, "", 1) != 0)
        return IPART_PY_JSON_DECLINED;
    w->length--; /* the NUL ends the text, not part of it */
    return 0;
}
%}

%inline %{
/* The text json.dumps(value, ensure_ascii=False) gives, written by the
 * serializer of apply_all's list; None when it declines the value (for
 * the tests). */
static PyObject *ipart_py_json_text(PyObject *value)
{
    ipart_py_json w = {NULL, 0, 0, 0, {{NULL, 0, 0}}};
    PyObject *text = NULL;
    if (ipart_py_json_write(&w, value, 0) == 0)
        text = PyUnicode_DecodeUTF8(w.text, (Py_ssize_t)w.length, "strict");
    else
        text = Py_NewRef(Py_None);
    PyMem_Free(w.text);
    return text;
}

/* Partnership.apply_all of a list of dicts: its text written here and
 * applied by one ipart_partnership_apply_all() call (atomic per event, the
 * refused event raising with its index in the path). Returns False, having
 * applied nothing, when the list is declined (see the top of this file);
 * True once applied. */
static PyObject *ipart_py_apply_json_list(ipart_partnership *p, PyObject *events)
{
    ipart_py_json w = {NULL, 0, 0, 0, {{NULL, 0, 0}}};
    if (ipart_py_json_write(&w, events, 1) != 0) {
        PyMem_Free(w.text);
        Py_RETURN_FALSE;
    }
    ipart_status rc = ipart_partnership_apply_all(p, w.text);
    PyMem_Free(w.text);
    if (rc != IPART_OK) {
        ipart_py_raise(rc);
        return NULL;
    }
    Py_RETURN_TRUE;
}
%}
