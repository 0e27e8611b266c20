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
#include "ipart/ipart.h"

/* The exception classes, one per row of IPART_ERROR_MAP, made in %init. */
static PyObject *ipart_py_base_error = NULL;
static PyObject *ipart_py_errors[32];

static int ipart_py_slot(ipart_status code)
{
    int slot = -(int)code;
    return slot >= 0 && slot < 32 ? slot : -(int)IPART_EINTERNAL;
}

static int ipart_py_set(PyObject *obj, const char *attr, PyObject *value)
{
    int rc = value ? PyObject_SetAttrString(obj, attr, value) : -1;
    Py_XDECREF(value);
    return rc;
}

/* Set the Python exception for the last failure on this thread, carrying
 * code, name, rule, source, path, key and message. */
static void ipart_py_raise_last(void)
{
    const ipart_error *e = ipart_error_last();
    PyObject *cls = ipart_py_errors[ipart_py_slot(e->code)];
    if (!cls)
        cls = ipart_py_base_error;
    PyObject *exc = PyObject_CallFunction(cls, "s", e->message);
    if (!exc)
        return; /* that call set an exception (out of memory): let it stand */
    if (ipart_py_set(exc, "code", PyLong_FromLong((long)e->code)) == 0 &&
        ipart_py_set(exc, "name", PyUnicode_FromString(ipart_error_name(e->code))) == 0 &&
        ipart_py_set(exc, "rule", PyUnicode_FromString(e->rule)) == 0 &&
        ipart_py_set(exc, "source", PyUnicode_FromString(e->source)) == 0 &&
        ipart_py_set(exc, "path", PyUnicode_FromString(e->path)) == 0 &&
        ipart_py_set(exc, "key", PyUnicode_FromString(e->key)) == 0 &&
        ipart_py_set(exc, "message", PyUnicode_FromString(e->message)) == 0)
        PyErr_SetObject(cls, exc);
    Py_DECREF(exc);
}

/* Make IpartError and its subclasses; each also derives from the builtin
 * that fits, so `except ValueError` keeps working for callers. */
static int ipart_py_make_errors(PyObject *module)
{
    ipart_py_base_error = PyErr_NewException("ipart.IpartError", NULL, NULL);
    if (!ipart_py_base_error || PyModule_AddObject(module, "IpartError", ipart_py_base_error) < 0)
        return -1;
    Py_INCREF(ipart_py_base_error);
    static const struct { ipart_status code; const char *cls; } rows[] = {
#define IPART_PY_ROW(name, value, cls, msg) {IPART_##name, #cls},
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
        char qualified[96], attr[64];
        snprintf(attr, sizeof attr, "%sError", rows[i].cls);
        snprintf(qualified, sizeof qualified, "ipart.%s", attr);
        PyObject *bases = builtin ? PyTuple_Pack(2, ipart_py_base_error, builtin)
                                  : PyTuple_Pack(1, ipart_py_base_error);
        PyObject *cls = bases ? PyErr_NewException(qualified, bases, NULL) : NULL;
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
%}

%init %{
    if (ipart_py_make_errors(m) < 0)
        return NULL;
%}

/* ipart_status: raise on failure, else None (outputs are appended to it). */
%typemap(out) ipart_status {
    if ($1 != IPART_OK) {
        ipart_py_raise_last();
        SWIG_fail;
    }
    $result = SWIG_Py_Void();
}

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

/* int64_t arguments: a Python int out of range raises OverflowError
 * instead of wrapping (SWIG's long long typemap checks the range). */

/* The partnership helpers return NULL on failure. */
%exception ipart_swig_partnership_new {
    $action
    if (!result) { ipart_py_raise_last(); SWIG_fail; }
}
%exception ipart_swig_partnership_load {
    $action
    if (!result) { ipart_py_raise_last(); SWIG_fail; }
}
%exception ipart_swig_partnership_clone {
    $action
    if (!result) { ipart_py_raise_last(); SWIG_fail; }
}

%include "ipart.i"
