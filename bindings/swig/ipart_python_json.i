/*
 * Partnership.apply_all of a list of JSON-shaped dicts without json.dumps:
 * the library reads the Python objects themselves through an
 * ipart_tree_reader (ipart/tree.h) in one ipart_partnership_apply_tree()
 * call, whose outcome is defined as apply_all of the tree's JSON text, the
 * text json.dumps(events, ensure_ascii=False) gives. %include'd by
 * ipart_python.i.
 *
 * Only exact JSON types are presented: dict with str keys, list, tuple,
 * str, int within int64, finite float, bool and None. Anything else (a
 * subclass, a key that is not a str, a lone surrogate, NaN or infinity, a
 * huge int, any other type, or out of memory while reading a str) is read
 * as IPART_TREE_UNREADABLE and marks the batch declined: the library then
 * applies nothing, no exception is set, and the facade takes json.dumps's
 * route, whose errors are exactly the ones it always gave. The library
 * never reads a value nested deeper than its 32 levels (it refuses the
 * batch with IPART_ERANGE, applying nothing), so a cycle ends there. Every
 * object is read with the GIL held and no Python code runs during the
 * call, so nothing can change the values under it.
 *
 * SPDX-License-Identifier: Apache-2.0
 */

%{
/* The reader's state: whether it declined a node. */
typedef struct ipart_py_tree {
    int declined;
} ipart_py_tree;

/* The child `next` gives for a key that is not an exact str: read as
 * UNREADABLE (json.dumps would write 1 as "1": declined). */
static const char ipart_py_tree_bad_key = 0;

/* A str's UTF-8 bytes, in place for a compact ASCII str; 0, the Python
 * error cleared, when it has none (a lone surrogate) or memory runs out. */
static inline int ipart_py_tree_utf8(PyObject *text, const char **bytes, size_t *length)
{
    if (PyUnicode_IS_COMPACT_ASCII(text)) {
        *bytes = (const char *)PyUnicode_DATA(text);
        *length = (size_t)PyUnicode_GET_LENGTH(text);
        return 1;
    }
    Py_ssize_t n = 0;
    *bytes = PyUnicode_AsUTF8AndSize(text, &n);
    if (!*bytes) {
        PyErr_Clear();
        return 0;
    }
    *length = (size_t)n;
    return 1;
}

/* An exact int within int64 as its double (exactly up to 2^53, correctly
 * rounded beyond, as cJSON reads json.dumps's digits); 0 beyond int64
 * (json.dumps writes any size, or fails past sys.get_int_max_str_digits()). */
static int ipart_py_tree_int(PyObject *value, double *out)
{
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (overflow || (v == -1 && PyErr_Occurred())) {
        PyErr_Clear();
        return 0;
    }
    const long long exact = 9007199254740992LL; /* 2^53 */
    *out = v >= -exact && v <= exact ? (double)v : PyLong_AsDouble(value);
    return 1;
}

/* A value other than a str or container by its exact type (bool is its
 * own type, not int's); 0 for what is declined. */
static int ipart_py_tree_scalar(PyObject *value, ipart_tree_node *out)
{
    PyTypeObject *type = Py_TYPE(value);
    out->kind = IPART_TREE_NUMBER;
    if (type == &PyLong_Type)
        return ipart_py_tree_int(value, &out->number);
    if (type == &PyFloat_Type) {
        /* NaN and the infinities: json.dumps writes NaN, which no JSON
         * reader takes. */
        out->number = PyFloat_AS_DOUBLE(value);
        return Py_IS_FINITE(out->number);
    }
    out->kind = value == Py_True ? IPART_TREE_TRUE
                : value == Py_False ? IPART_TREE_FALSE
                : value == Py_None ? IPART_TREE_NULL
                                   : IPART_TREE_UNREADABLE;
    return out->kind != IPART_TREE_UNREADABLE;
}

/* ipart_tree_reader.read over Python objects, the commonest types first. */
static void ipart_py_tree_read(void *host, const void *node, ipart_tree_node *out)
{
    PyObject *value = (PyObject *)node;
    PyTypeObject *type = node == &ipart_py_tree_bad_key ? NULL : Py_TYPE(value);
    if (type == &PyUnicode_Type) {
        out->kind = IPART_TREE_STRING;
        if (ipart_py_tree_utf8(value, &out->text, &out->length))
            return;
    } else if (type == &PyDict_Type) {
        out->kind = IPART_TREE_OBJECT;
        out->length = (size_t)PyDict_GET_SIZE(value);
        return;
    } else if (type == &PyList_Type || type == &PyTuple_Type) {
        out->kind = IPART_TREE_ARRAY;
        out->length = (size_t)Py_SIZE(value);
        return;
    } else if (type && ipart_py_tree_scalar(value, out)) {
        return;
    }
    out->kind = IPART_TREE_UNREADABLE;
    ((ipart_py_tree *)host)->declined = 1;
}

/* ipart_tree_reader.next: a dict's members by PyDict_Next's position, a
 * list's or tuple's elements by index. */
static int ipart_py_tree_next(void *host, const void *node, uintptr_t *cursor,
                              const void **child, const char **key, size_t *key_length)
{
    (void)host;
    PyObject *container = (PyObject *)node;
    if (!PyDict_CheckExact(container)) {
        if (*cursor >= (uintptr_t)Py_SIZE(container))
            return 0;
        *child = PySequence_Fast_GET_ITEM(container, (Py_ssize_t)(*cursor)++);
        return 1;
    }
    Py_ssize_t position = (Py_ssize_t)*cursor;
    PyObject *name, *value;
    if (!PyDict_Next(container, &position, &name, &value))
        return 0;
    *cursor = (uintptr_t)position;
    *child = value;
    if (!PyUnicode_CheckExact(name) || !ipart_py_tree_utf8(name, key, key_length)) {
        *child = &ipart_py_tree_bad_key;
        *key = "";
        *key_length = 0;
    }
    return 1;
}

static const ipart_tree_reader ipart_py_tree_reader = {ipart_py_tree_read, ipart_py_tree_next};
%}

%inline %{
/* Partnership.apply_all of a list of dicts: read by the library through
 * ipart_py_tree_reader in one ipart_partnership_apply_tree() call (atomic
 * per event, the refused event raising with its index in the path).
 * Returns False, having applied nothing, when the list is declined (see
 * the top of this file; an element that is not an exact dict, such as an
 * event given as JSON text, is declined too); True once applied. */
static PyObject *ipart_py_apply_json_list(ipart_partnership *p, PyObject *events)
{
    if (!PyList_CheckExact(events))
        Py_RETURN_FALSE;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(events); i++)
        if (!PyDict_CheckExact(PyList_GET_ITEM(events, i)))
            Py_RETURN_FALSE;
    ipart_py_tree host = {0};
    ipart_status rc = ipart_partnership_apply_tree(p, &ipart_py_tree_reader, &host, events);
    if (host.declined)
        Py_RETURN_FALSE;
    if (rc != IPART_OK) {
        ipart_py_raise(rc);
        return NULL;
    }
    Py_RETURN_TRUE;
}
%}
