/*
 * Python entry of the libipart interface: the module ipart.capi (internal;
 * the public API is the hand-written package ipart).
 *
 * Every failure raises at once, inside the wrapper, from ipart_error_last()
 * read on the same thread: no mode switch, no status codes to check.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
%module(package="ipart") capi

%{
#define SWIG_FILE_WITH_INIT
#include <string.h>
#include <datetime.h>
#include "ipart/ipart.h"

/* The exception classes, one per row of IPART_ERROR_MAP, made in %init. */
static PyObject *ipart_py_base_error = NULL;
#define IPART_PY_SLOTS 64
static PyObject *ipart_py_errors[IPART_PY_SLOTS];

/* Codes are 0, -1, -2...: slot = -code. Anything else gets slot 0, which
 * holds no class, so it raises the base IpartError. */
static int ipart_py_slot(ipart_status code)
{
    int slot = -(int)code;
    return slot > 0 && slot < IPART_PY_SLOTS ? slot : 0;
}

/* Decode a C string of the library; a message cut inside a UTF-8 sequence
 * (the detail buffers have fixed sizes) must not turn the library's error
 * into a UnicodeDecodeError. */
static PyObject *ipart_py_text(const char *s)
{
    if (!s)
        s = "";
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

static int ipart_py_set(PyObject *obj, const char *attr, PyObject *value)
{
    int rc = value ? PyObject_SetAttrString(obj, attr, value) : -1;
    Py_XDECREF(value);
    return rc;
}

/* `text` (a path or a message) of an event's error, as the error of the
 * index-th event of a batch: "$.tender.price..." becomes
 * "$[3].tender.price...", as ipart_partnership_apply_events() names it.
 * Only text that starts with `path` changes; index < 0 changes nothing. */
#define IPART_PY_REBASED_SIZE 2048
static const char *ipart_py_rebase(char out[IPART_PY_REBASED_SIZE], const char *text,
                                   const char *path, Py_ssize_t index)
{
    size_t n = strlen(path);
    if (index < 0 || path[0] != '$' || strncmp(text, path, n) != 0)
        return text;
    snprintf(out, IPART_PY_REBASED_SIZE, "$[%zd]%s", index, text + 1);
    return out;
}

/* Set the Python exception for a failed call that returned `status`,
 * carrying code, name, rule, source, path, key and message from
 * ipart_error_last() (read on this thread, right after the call), and the
 * Norwegian message (_message_nb, read by IpartError.message_in()). Should
 * the detail not belong to this status (a library bug), the class and code
 * still follow the status and the message is its description. `index` >= 0:
 * the call was for the index-th event of a batch, which the path and
 * message name (ipart_py_rebase; an error without a path gets "$[index]"). */
static void ipart_py_raise_at(ipart_status status, Py_ssize_t index)
{
    const ipart_error *e = ipart_error_last();
    if (status == IPART_OK)
        status = e->code != IPART_OK ? e->code : IPART_EINTERNAL;
    int own = e->code == status;
    const char *path = own && e->path[0] ? e->path : index >= 0 ? "$" : "";
    char rebased[3][IPART_PY_REBASED_SIZE];
    const char *message = own && e->message[0] ? e->message : ipart_strerror(status);
    const char *message_nb = own && e->message[0] ? ipart_error_message_in("nb") : message;
    message = ipart_py_rebase(rebased[0], message, path, index);
    message_nb = ipart_py_rebase(rebased[1], message_nb, path, index);
    path = ipart_py_rebase(rebased[2], path, path, index);
    PyObject *cls = ipart_py_errors[ipart_py_slot(status)];
    if (!cls)
        cls = ipart_py_base_error;
    PyObject *text = ipart_py_text(message);
    PyObject *exc = text ? PyObject_CallFunctionObjArgs(cls, text, NULL) : NULL;
    if (!exc) {
        /* That failed and set an exception (out of memory): let it stand. */
        Py_XDECREF(text);
        return;
    }
    if (ipart_py_set(exc, "code", PyLong_FromLong((long)status)) == 0 &&
        ipart_py_set(exc, "name", ipart_py_text(ipart_error_name(status))) == 0 &&
        ipart_py_set(exc, "rule", ipart_py_text(own ? e->rule : "")) == 0 &&
        ipart_py_set(exc, "source", ipart_py_text(own ? e->source : "")) == 0 &&
        ipart_py_set(exc, "path", ipart_py_text(path)) == 0 &&
        ipart_py_set(exc, "key", ipart_py_text(own ? e->key : "")) == 0 &&
        ipart_py_set(exc, "_message_nb", ipart_py_text(message_nb)) == 0 &&
        PyObject_SetAttrString(exc, "message", text) == 0)
        PyErr_SetObject(cls, exc);
    Py_DECREF(text);
    Py_DECREF(exc);
}

static void ipart_py_raise(ipart_status status)
{
    ipart_py_raise_at(status, -1);
}

/* For the helpers that return NULL on failure: the status is the detail's. */
static void ipart_py_raise_last(void)
{
    ipart_py_raise(ipart_error_last()->code);
}

/* Make IpartError and its subclasses; each also derives from the builtin
 * that fits, so `except ValueError` keeps working for callers. */
static int ipart_py_make_errors(PyObject *module)
{
    ipart_py_base_error = PyErr_NewExceptionWithDoc("ipart.IpartError",
        "A libipart call failed. Attributes: code (the IPART_... status), name, rule (\"R13\" or\n"
        "\"\"), source (the legal source), path (the JSON path or field), key (a stable\n"
        "message key for translations) and message (English); message_in(lang) gives the\n"
        "message in Norwegian bokmål (\"nb\") or English.", NULL, NULL);
    if (!ipart_py_base_error || PyModule_AddObject(module, "IpartError", ipart_py_base_error) < 0)
        return -1;
    Py_INCREF(ipart_py_base_error);
    static const struct { ipart_status code; const char *cls; const char *doc; } rows[] = {
#define IPART_PY_ROW(name, value, cls, msg) {IPART_##name, #cls, "IPART_" #name ": " msg "."},
        IPART_ERROR_MAP(IPART_PY_ROW)
#undef IPART_PY_ROW
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (rows[i].code == IPART_OK)
            continue;
        PyObject *builtin = NULL;
        switch (rows[i].code) {
        case IPART_EINVAL: case IPART_EPARSE: case IPART_ERANGE: case IPART_ECURRENCY:
            builtin = PyExc_ValueError; break;
        case IPART_EOVERFLOW: builtin = PyExc_OverflowError; break;
        case IPART_EPERM: builtin = PyExc_PermissionError; break;
        case IPART_ENOTFOUND: builtin = PyExc_LookupError; break;
        case IPART_ENOMEM: builtin = PyExc_MemoryError; break;
        case IPART_EMISUSE: builtin = PyExc_TypeError; break;
        default: break;
        }
        if (ipart_py_slot(rows[i].code) == 0) {
            PyErr_Format(PyExc_SystemError, "ipart: status %d does not fit the class table",
                         (int)rows[i].code);
            return -1;
        }
        char qualified[96], attr[64];
        snprintf(attr, sizeof attr, "%sError", rows[i].cls);
        snprintf(qualified, sizeof qualified, "ipart.%s", attr);
        PyObject *bases = builtin ? PyTuple_Pack(2, ipart_py_base_error, builtin)
                                  : PyTuple_Pack(1, ipart_py_base_error);
        PyObject *cls = bases ? PyErr_NewExceptionWithDoc(qualified, rows[i].doc, bases, NULL) : NULL;
        Py_XDECREF(bases);
        if (!cls)
            return -1;
        ipart_py_errors[ipart_py_slot(rows[i].code)] = cls;
        Py_INCREF(cls);
        if (PyModule_AddObject(module, attr, cls) < 0)
            return -1;
    }
    return 0;
}

/* ---- int64 arrays: sequences and the buffer protocol ---------------------
 * An input array is any C-contiguous buffer of 8-byte signed integers
 * (array.array('q'), a NumPy int64 array, a memoryview of either), read in
 * place without a Python call per element; or else any sequence of ints,
 * converted in C in one pass. */
static int ipart_py_int64_format(const char *format)
{
    if (!format)
        return 0; /* "B": bytes */
    if (*format == '@' || *format == '=' || *format == '<')
        format++; /* native or little-endian; the library runs on the host's order */
    if (strcmp(format, "q") == 0)
        return 1;
    return sizeof(long) == 8 && strcmp(format, "l") == 0;
}

/* Get the buffer of `obj` as int64s; -1 with an exception set otherwise.
 * `writable`: an output buffer. */
static int ipart_py_int64_buffer(PyObject *obj, Py_buffer *view, int writable, const char *name)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_FORMAT | PyBUF_ND | (writable ? PyBUF_WRITABLE : 0)) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "argument '%s' must be a %sC-contiguous buffer of int64 "
                     "(array.array('q'), numpy int64)%s, not %.100s", name, writable ? "writable " : "",
                     writable ? "" : " or a sequence of int", Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (view->itemsize != 8 || !ipart_py_int64_format(view->format) ||
        (uintptr_t)view->buf % _Alignof(int64_t) != 0) {
        PyErr_Format(PyExc_TypeError, "argument '%s' must hold aligned int64 items ('q'), not "
                     "format '%s' of %zd bytes", name, view->format ? view->format : "B",
                     view->itemsize);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* An input array: a buffer (view kept until the call ends) or a sequence
 * copied into *copy (malloc'ed; freed by the caller). */
static int ipart_py_int64_in(PyObject *obj, Py_buffer *view, int *have_view, int64_t **copy,
                             const int64_t **data, size_t *count, const char *name)
{
    if (PyObject_CheckBuffer(obj)) {
        if (ipart_py_int64_buffer(obj, view, 0, name) < 0)
            return -1;
        *have_view = 1;
        *data = (const int64_t *)view->buf;
        *count = (size_t)(view->len / 8);
        return 0;
    }
    PyObject *seq = PySequence_Fast(obj, "");
    if (!seq) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "argument '%s' must be a sequence of int or a buffer of "
                     "int64, not %.100s", name, Py_TYPE(obj)->tp_name);
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    *copy = (int64_t *)malloc((size_t)(n ? n : 1) * sizeof(int64_t));
    if (!*copy) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyLong_Check(items[i]) || PyBool_Check(items[i])) {
            PyErr_Format(PyExc_TypeError, "argument '%s'[%zd] must be an int, not %.100s", name, i,
                         Py_TYPE(items[i])->tp_name);
            Py_DECREF(seq);
            return -1;
        }
        long long v = PyLong_AsLongLong(items[i]);
        if (v == -1 && PyErr_Occurred()) {
            Py_DECREF(seq);
            return -1; /* OverflowError */
        }
        (*copy)[i] = (int64_t)v;
    }
    Py_DECREF(seq);
    *data = *copy;
    *count = (size_t)n;
    return 0;
}
%}

%init %{
    if (ipart_py_make_errors(m) < 0)
        return NULL;
%}

/* ipart_status: raise on failure, else None (outputs are appended to it). */
%typemap(out) ipart_status {
    if ($1 != IPART_OK) {
        ipart_py_raise($1);
        SWIG_fail;
    }
    $result = SWIG_Py_Void();
}

/* SWIG gives the field ipart_error::code (enum ipart_error_code) the type
 * ipart_status, so the typemap above would raise from its getter: read it
 * as the plain int it is. */
%typemap(out) ipart_status code, enum ipart_error_code code {
    $result = PyLong_FromLong((long)$1);
}

/* const char * arguments: a str (UTF-8, no NUL inside: C would silently
 * stop reading there, so "2017-01-01\0junk" would parse), or None, which
 * reaches C as NULL and fails there with IPART_EMISUSE. Anything else is a
 * TypeError naming the parameter. The buffer belongs to the str object,
 * which the call's argument tuple keeps alive. */
%typemap(in) const char * {
    if ($input == Py_None) {
        $1 = NULL;
    } else if (PyUnicode_Check($input)) {
        Py_ssize_t size = 0;
        const char *utf8 = PyUnicode_AsUTF8AndSize($input, &size);
        if (!utf8)
            SWIG_fail;
        if ((size_t)size != strlen(utf8)) {
            PyErr_Format(PyExc_ValueError, "$symname: argument '$1_name' contains a NUL character");
            SWIG_fail;
        }
        $1 = ($1_ltype)utf8;
    } else {
        PyErr_Format(PyExc_TypeError, "$symname: argument '$1_name' must be str or None, not %.100s",
                     Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
}
%typemap(typecheck, precedence=SWIG_TYPECHECK_STRING) const char * {
    $1 = ($input == Py_None || PyUnicode_Check($input)) ? 1 : 0;
}
%typemap(freearg) const char * ""

/* char **out: the caller gets a str; the C copy is released here. */
%typemap(in, numinputs=0) char **out (char *temp = NULL) {
    $1 = &temp;
}
%typemap(argout) char **out {
    PyObject *text = PyUnicode_FromString(temp$argnum);
    ipart_free(temp$argnum);
    if (!text)
        SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, text);
}

/* Scalar outputs become return values. */
%define IPART_PY_SCALAR_OUT(CTYPE, TEMP_TYPE, CONVERT)
%typemap(in, numinputs=0) CTYPE *out (TEMP_TYPE temp = 0) {
    $1 = (CTYPE *)&temp;
}
%typemap(argout) CTYPE *out {
    $result = SWIG_Python_AppendOutput($result, CONVERT(temp$argnum));
}
%enddef
IPART_PY_SCALAR_OUT(int, int, PyLong_FromLong)
IPART_PY_SCALAR_OUT(size_t, size_t, PyLong_FromSize_t)
IPART_PY_SCALAR_OUT(int64_t, int64_t, PyLong_FromLongLong)
IPART_PY_SCALAR_OUT(ipart_weekday, ipart_weekday, PyLong_FromLong)
IPART_PY_SCALAR_OUT(ipart_field_kind, ipart_field_kind, PyLong_FromLong)
IPART_PY_SCALAR_OUT(ipart_price_model, ipart_price_model, PyLong_FromLong)

/* int64_t arguments: a Python int out of range raises OverflowError
 * instead of wrapping (SWIG's long long typemap checks the range). */

/* T **out (ipart.i applies it to each object type): the new object is the
 * return value, owned by its proxy (which frees it). On failure the status
 * typemap has raised already and the argout code does not run; C leaves
 * *out NULL then, so nothing leaks. */
%define IPART_OBJECT_OUT(TYPE)
%typemap(in, numinputs=0) TYPE **out (TYPE *temp = NULL) {
    $1 = &temp;
}
%typemap(argout) TYPE **out {
    $result = SWIG_Python_AppendOutput($result,
        SWIG_NewPointerObj(SWIG_as_voidptr(temp$argnum), $*1_descriptor, SWIG_POINTER_OWN));
}
%enddef


/* ---- int64 arrays (see ipart.i) ------------------------------------------- */
%typemap(in) (const int64_t *IPART_IN_ARRAY, size_t IPART_IN_COUNT)
    (Py_buffer view, int have_view = 0, int64_t *copy = NULL) {
    const int64_t *data = NULL;
    size_t count = 0;
    if (ipart_py_int64_in($input, &view, &have_view, &copy, &data, &count, "$1_name") < 0)
        SWIG_fail;
    $1 = ($1_ltype)data;
    $2 = count;
}
%typemap(freearg) (const int64_t *IPART_IN_ARRAY, size_t IPART_IN_COUNT) {
    if (have_view$argnum)
        PyBuffer_Release(&view$argnum);
    free(copy$argnum);
}

/* Outputs: a writable int64 buffer the caller made (the facade makes
 * array.array('q')), written in place; None for an optional output. */
%typemap(in) (int64_t *IPART_OUT_ARRAY, size_t IPART_OUT_COUNT) (Py_buffer view, int have_view = 0) {
    if ($input == Py_None) {
        $1 = NULL;
        $2 = 0;
    } else {
        if (ipart_py_int64_buffer($input, &view, 1, "$1_name") < 0)
            SWIG_fail;
        have_view = 1;
        $1 = (int64_t *)view.buf;
        $2 = (size_t)(view.len / 8);
    }
}
%typemap(freearg) (int64_t *IPART_OUT_ARRAY, size_t IPART_OUT_COUNT) {
    if (have_view$argnum)
        PyBuffer_Release(&view$argnum);
}

/* A sweep of many weight vectors may take a while: let other Python
 * threads run. Nothing touches Python objects meanwhile; the buffers are
 * held by their views, so they cannot be resized or freed. */
%exception ipart_evaluation_bulk {
    Py_BEGIN_ALLOW_THREADS
    $action
    Py_END_ALLOW_THREADS
}

/* ---- batches of typed events (Partnership.apply_events) ------------------
 * ipart_partnership_apply_events() takes a sequence of ipart_event proxies
 * (None reaches C as NULL, which it refuses naming the element). */
%typemap(in) (const ipart_event *const *events, size_t count)
    (PyObject *seq = NULL, const ipart_event **items = NULL) {
    seq = PySequence_Fast($input, "");
    if (!seq) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "$symname: argument 'events' must be a sequence of "
                     "ipart_event, not %.100s", Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    items = (const ipart_event **)malloc((size_t)(n ? n : 1) * sizeof *items);
    if (!items) {
        PyErr_NoMemory();
        SWIG_fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        void *ptr = NULL;
        if (item != Py_None && !SWIG_IsOK(SWIG_ConvertPtr(item, &ptr, $descriptor(ipart_event *), 0))) {
            PyErr_Format(PyExc_TypeError, "$symname: events[%zd] must be an ipart_event or None, "
                         "not %.100s", i, Py_TYPE(item)->tp_name);
            SWIG_fail;
        }
        items[i] = (const ipart_event *)ptr;
    }
    $1 = ($1_ltype)items;
    $2 = (size_t)n;
}
%typemap(freearg) (const ipart_event *const *events, size_t count) {
    free(items$argnum);
    Py_XDECREF(seq$argnum);
}

%{
/* Python values into an ipart_event, by the builder's setters: the one
 * converter of Event.set() (ipart_py_event_set) and of
 * Partnership.apply_events (ipart_py_apply_events), whose elements are
 * ipart.Event (its ipart_event applied as it is) or dicts of typed values
 * with their "type", set into one reused ipart_event. A value is a str,
 * bool, int, datetime.date, Money, None, dict (an object), list or tuple
 * (an array).
 * The whole batch is one call from Python; the GIL stays held (the
 * partnership and the events are not thread-safe, and the values are read
 * throughout). Python code may still run in it (the iterator, a Money
 * subclass's attributes): every object in use is held by a reference. */
typedef struct ipart_py_batch {
    ipart_event *event;    /* the event values are set into */
    PyObject *money_class; /* ipart.Money */
    Py_ssize_t index;      /* the batch's element being converted; -1: no batch */
    char *path;            /* the field's path being set ("tender.price") */
    size_t length, size;
} ipart_py_batch;

#define IPART_PY_RAISED ((ipart_status)1) /* a Python exception is set */

/* The attribute names read per element, interned once (%init). */
static PyObject *ipart_py_attr_e, *ipart_py_attr_minor, *ipart_py_attr_currency;
static PyObject *ipart_py_key_type; /* "type", an event dict's key */

/* Room for `need` bytes of path (apart from the walk: its frame stays small). */
static ipart_status ipart_py_path_grow(ipart_py_batch *b, size_t need)
{
    char *grown = (char *)PyMem_Realloc(b->path, need * 2);
    if (!grown) {
        PyErr_NoMemory();
        return IPART_PY_RAISED;
    }
    b->path = grown;
    b->size = need * 2;
    return IPART_OK;
}

/* path = path[0..at) + separator (unless 0, or at 0) + name (n bytes). */
static ipart_status ipart_py_path_push(ipart_py_batch *b, size_t at, char separator,
                                       const char *name, size_t n)
{
    size_t sep = at && separator, need = at + sep + n + 1;
    if (need > b->size && ipart_py_path_grow(b, need) != IPART_OK)
        return IPART_PY_RAISED;
    b->path[at] = separator; /* overwritten by the name when there is none */
    memcpy(b->path + at + sep, name, n);
    b->length = at + sep + n;
    b->path[b->length] = '\0';
    return IPART_OK;
}

/* Where a value is, as errors name it: "$[3].tender.price" in a batch,
 * "$.tender.price" otherwise. */
static const char *ipart_py_where(const ipart_py_batch *b, char out[IPART_PY_REBASED_SIZE])
{
    char root[32] = "$";
    if (b->index >= 0)
        snprintf(root, sizeof root, "$[%zd]", b->index);
    snprintf(out, IPART_PY_REBASED_SIZE, "%s%s%s", root, b->length ? "." : "", b->path);
    return out;
}

static ipart_status ipart_py_type_error(const ipart_py_batch *b, const char *what, PyObject *value)
{
    char at[IPART_PY_REBASED_SIZE];
    PyErr_Format(PyExc_TypeError, "%s: %s, not %.100s", ipart_py_where(b, at), what,
                 Py_TYPE(value)->tp_name);
    return IPART_PY_RAISED;
}

/* Errors of the walk, apart from it (their buffers off its frames). */
static const char *ipart_py_nul_error(const ipart_py_batch *b)
{
    char at[IPART_PY_REBASED_SIZE];
    PyErr_Format(PyExc_ValueError, "%s: a string contains a NUL character", ipart_py_where(b, at));
    return NULL;
}

static ipart_status ipart_py_int64_error(const ipart_py_batch *b, PyObject *value)
{
    if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
        PyErr_Clear();
        char at[IPART_PY_REBASED_SIZE];
        PyErr_Format(PyExc_OverflowError, "%s: %R does not fit int64", ipart_py_where(b, at),
                     value);
    }
    return IPART_PY_RAISED;
}

static ipart_status ipart_py_no_type_error(const ipart_py_batch *b)
{
    char at[IPART_PY_REBASED_SIZE];
    PyErr_Format(PyExc_KeyError, "%s: an event dict needs its 'type'", ipart_py_where(b, at));
    return IPART_PY_RAISED;
}

/* The UTF-8 of a str without NUL (C would stop reading there). A compact
 * ASCII str (keys, ids, dates' texts: most of them) is its own UTF-8: its
 * bytes are read in place, without the call. */
static const char *ipart_py_utf8(const ipart_py_batch *b, PyObject *text, Py_ssize_t *size)
{
    const char *utf8;
    if (PyUnicode_IS_COMPACT_ASCII(text)) {
        utf8 = (const char *)PyUnicode_DATA(text);
        *size = PyUnicode_GET_LENGTH(text);
    } else {
        utf8 = PyUnicode_AsUTF8AndSize(text, size);
    }
    if (utf8 && memchr(utf8, '\0', (size_t)*size))
        return ipart_py_nul_error(b);
    return utf8;
}

static ipart_status ipart_py_set_value(ipart_py_batch *b, PyObject *value);

static ipart_status ipart_py_set_date(ipart_py_batch *b, PyObject *value)
{
    ipart_date d = {PyDateTime_GET_YEAR(value), PyDateTime_GET_MONTH(value),
                    PyDateTime_GET_DAY(value)};
    return ipart_event_set_date(b->event, b->path, d);
}

static ipart_status ipart_py_set_money(ipart_py_batch *b, PyObject *value)
{
    PyObject *minor = PyObject_GetAttr(value, ipart_py_attr_minor);
    PyObject *currency = minor ? PyObject_GetAttr(value, ipart_py_attr_currency) : NULL;
    ipart_status rc = IPART_PY_RAISED;
    long long m = minor ? PyLong_AsLongLong(minor) : -1;
    const char *code = currency && PyUnicode_Check(currency) ? PyUnicode_AsUTF8(currency) : NULL;
    if (currency && !PyUnicode_Check(currency))
        ipart_py_type_error(b, "a Money's currency is a str", currency);
    else if (code && !(m == -1 && PyErr_Occurred())) {
        ipart_money money;
        rc = ipart_money_from_minor(&money, (int64_t)m, code);
        if (rc == IPART_OK)
            rc = ipart_event_set_money(b->event, b->path, money);
    }
    Py_XDECREF(minor);
    Py_XDECREF(currency);
    return rc;
}

/* The members of a dict at b->path ("" for the event itself, whose "type"
 * is the event's own). */
static ipart_status ipart_py_set_members(ipart_py_batch *b, PyObject *dict)
{
    size_t at = b->length;
    if (at && PyDict_GET_SIZE(dict) == 0)
        return ipart_event_set_empty(b->event, b->path);
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    ipart_status rc = IPART_OK;
    while (rc == IPART_OK && PyDict_Next(dict, &pos, &key, &value)) {
        b->length = at; /* the dict's own path in errors */
        b->path[at] = '\0';
        if (!PyUnicode_Check(key))
            return ipart_py_type_error(b, "a field is named by a str", key);
        Py_ssize_t n;
        const char *name = ipart_py_utf8(b, key, &n);
        if (!name)
            return IPART_PY_RAISED;
        if (!at && n == 4 && memcmp(name, "type", 4) == 0)
            continue;
        rc = ipart_py_path_push(b, at, '.', name, (size_t)n);
        Py_INCREF(value);
        if (rc == IPART_OK)
            rc = ipart_py_set_value(b, value);
        Py_DECREF(value);
    }
    b->length = at;
    b->path[at] = '\0';
    return rc;
}

/* "[i]" into out (at least 24 bytes), without snprintf (one per element):
 * its length. */
static size_t ipart_py_index_text(char *out, Py_ssize_t i)
{
    char digits[24];
    size_t n = 0, len = 0;
    do
        digits[n++] = (char)('0' + i % 10);
    while ((i /= 10) > 0);
    out[len++] = '[';
    while (n)
        out[len++] = digits[--n];
    out[len++] = ']';
    out[len] = '\0';
    return len;
}

static ipart_status ipart_py_set_elements(ipart_py_batch *b, PyObject *seq)
{
    size_t at = b->length;
    if (PySequence_Fast_GET_SIZE(seq) == 0)
        return ipart_event_set_empty(b->event, b->path);
    ipart_status rc = IPART_OK;
    for (Py_ssize_t i = 0; rc == IPART_OK && i < PySequence_Fast_GET_SIZE(seq); i++) {
        char index[32];
        size_t n = ipart_py_index_text(index, i);
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        rc = ipart_py_path_push(b, at, 0, index, n);
        Py_INCREF(item);
        if (rc == IPART_OK)
            rc = ipart_py_set_value(b, item);
        Py_DECREF(item);
    }
    b->length = at;
    b->path[at] = '\0';
    return rc;
}

/* One value at b->path, by its Python type, in Event.set()'s order. */
static ipart_status ipart_py_set_value(ipart_py_batch *b, PyObject *value)
{
    ipart_event *e = b->event;
    if (PyUnicode_Check(value)) {
        Py_ssize_t n;
        const char *text = ipart_py_utf8(b, value, &n);
        return text ? ipart_event_set_string(e, b->path, text) : IPART_PY_RAISED;
    }
    if (PyBool_Check(value))
        return ipart_event_set_bool(e, b->path, value == Py_True);
    if (PyLong_Check(value)) {
        long long v = PyLong_AsLongLong(value);
        if (v == -1 && PyErr_Occurred())
            return ipart_py_int64_error(b, value);
        return ipart_event_set_int(e, b->path, (int64_t)v);
    }
    /* Exact dates, dicts, lists and tuples first: none of them is a
     * datetime or a Money, and the subtype checks below walk the MRO. */
    if (PyDate_CheckExact(value))
        return ipart_py_set_date(b, value);
    if (PyDict_CheckExact(value))
        return ipart_py_set_members(b, value);
    if (PyList_CheckExact(value) || PyTuple_CheckExact(value))
        return ipart_py_set_elements(b, value);
    if (PyDateTime_Check(value))
        return ipart_py_type_error(b, "expected a datetime.date", value);
    if (PyDate_Check(value))
        return ipart_py_set_date(b, value);
    if (PyObject_TypeCheck(value, (PyTypeObject *)b->money_class))
        return ipart_py_set_money(b, value);
    if (value == Py_None)
        return ipart_event_set_null(e, b->path);
    if (PyDict_Check(value))
        return ipart_py_set_members(b, value);
    if (PyList_Check(value) || PyTuple_Check(value))
        return ipart_py_set_elements(b, value);
    return ipart_py_type_error(b, "an event field takes str, bool, int, datetime.date, Money, "
                                   "None, dict, list or tuple", value);
}

/* Set a dict with its "type" into b->event (made or reset). */
static ipart_status ipart_py_set_dict(ipart_py_batch *b, PyObject *dict)
{
    PyObject *type = PyDict_GetItem(dict, ipart_py_key_type); /* as PyDict_GetItemString */
    if (!type)
        return ipart_py_no_type_error(b);
    if (!PyUnicode_Check(type))
        return ipart_py_type_error(b, "an event's 'type' is a str", type);
    Py_ssize_t n;
    const char *name = ipart_py_utf8(b, type, &n);
    if (!name)
        return IPART_PY_RAISED;
    ipart_status rc = b->event ? ipart_event_reset(b->event, name)
                                : ipart_event_new(&b->event, name);
    return rc == IPART_OK ? ipart_py_set_members(b, dict) : rc;
}

/* The ipart_event of an ipart.Event (a reference to its proxy in *hold). */
static ipart_status ipart_py_event_of(ipart_py_batch *b, PyObject *item, PyObject *event_class,
                                      const ipart_event **out, PyObject **hold)
{
    if (PyDict_Check(item)) {
        ipart_status rc = ipart_py_set_dict(b, item);
        *out = b->event;
        return rc;
    }
    if (!PyObject_TypeCheck(item, (PyTypeObject *)event_class))
        return ipart_py_type_error(b, "an event is an ipart.Event or a dict", item);
    void *ptr = NULL;
    *hold = PyObject_GetAttr(item, ipart_py_attr_e);
    if (!*hold)
        return IPART_PY_RAISED;
    if (!SWIG_IsOK(SWIG_ConvertPtr(*hold, &ptr, SWIGTYPE_p_ipart_event, 0)) || !ptr)
        return ipart_py_type_error(b, "an Event holds an ipart_event", *hold);
    *out = (const ipart_event *)ptr;
    return IPART_OK;
}
%}

%init %{
    PyDateTime_IMPORT;
    ipart_py_attr_e = PyUnicode_InternFromString("_e");
    ipart_py_attr_minor = PyUnicode_InternFromString("_minor");
    ipart_py_attr_currency = PyUnicode_InternFromString("_currency");
    ipart_py_key_type = PyUnicode_InternFromString("type");
    if (!PyDateTimeAPI || !ipart_py_attr_e || !ipart_py_attr_minor || !ipart_py_attr_currency ||
        !ipart_py_key_type)
        return NULL;
%}

%inline %{
/* Event.set(field, value): set one value (a dict or list: its members or
 * elements by their paths) into `event`; raises as the setters do. */
static PyObject *ipart_py_event_set(ipart_event *event, const char *field, PyObject *value,
                                    PyObject *money_class)
{
    if (!event || !field || !PyType_Check(money_class)) {
        PyErr_SetString(PyExc_TypeError, "ipart_py_event_set: an event, a field and the Money class");
        return NULL;
    }
    ipart_py_batch b = {event, money_class, -1, NULL, 0, 0};
    ipart_status rc = ipart_py_path_push(&b, 0, 0, field, strlen(field));
    if (rc == IPART_OK)
        rc = ipart_py_set_value(&b, value);
    PyMem_Free(b.path);
    if (rc == IPART_OK)
        Py_RETURN_NONE;
    if (rc != IPART_PY_RAISED)
        ipart_py_raise(rc);
    return NULL;
}

/* Partnership.apply_events: apply every element of `events` (an iterable
 * of ipart.Event or dicts, see above) in turn, each all-or-nothing; the
 * first refused one raises with its index in the path ("$[3].date", as
 * ipart_partnership_apply_events() names it) and those before stay
 * applied. Returns how many were applied. */
static PyObject *ipart_py_apply_events(ipart_partnership *p, PyObject *events,
                                       PyObject *event_class, PyObject *money_class)
{
    if (!PyType_Check(event_class) || !PyType_Check(money_class)) {
        PyErr_SetString(PyExc_TypeError, "ipart_py_apply_events: the Event and Money classes");
        return NULL;
    }
    PyObject *it = PyObject_GetIter(events);
    if (!it)
        return NULL;
    ipart_py_batch b = {NULL, money_class, 0, NULL, 0, 0};
    PyObject *item;
    int failed = ipart_py_path_push(&b, 0, 0, "", 0) != IPART_OK;
    while (!failed && (item = PyIter_Next(it)) != NULL) {
        const ipart_event *event = NULL;
        PyObject *hold = NULL;
        ipart_status rc = ipart_py_event_of(&b, item, event_class, &event, &hold);
        if (rc == IPART_OK)
            rc = ipart_partnership_apply_event(p, event);
        if (rc != IPART_OK && rc != IPART_PY_RAISED)
            ipart_py_raise_at(rc, b.index);
        Py_XDECREF(hold);
        Py_DECREF(item);
        failed = rc != IPART_OK;
        b.index += !failed;
    }
    Py_DECREF(it);
    ipart_event_free(b.event);
    PyMem_Free(b.path);
    if (failed || PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(b.index);
}
%}

%include "ipart_python_json.i"

%include "ipart.i"
