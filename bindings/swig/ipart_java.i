/*
 * Java entry of the libipart interface: the internal package no.ipart.swig
 * (the public API is the hand-written package no.ipart).
 *
 * A failing call throws at once, inside the JNI wrapper, the
 * no.ipart.<Class>Exception of ipart_error_last() read on the same thread,
 * and makes no further JNI call after throwing (STYLE.md B12).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
%module(jniclassname="IpartCapiJNI") IpartCapi

%include "enums.swg"

%{
#include <stdio.h>
#include "ipart/ipart.h"

static jstring ipart_java_string(JNIEnv *jenv, const char *s)
{
    return (*jenv)->NewStringUTF(jenv, s ? s : "");
}

/* Throw no.ipart.<Class>Exception(code, name, rule, source, path, key, message). */
static void ipart_java_throw_last(JNIEnv *jenv)
{
    const ipart_error *e = ipart_error_last();
    char class_name[96];
    snprintf(class_name, sizeof class_name, "no/ipart/%sException", ipart_error_class(e->code));
    jclass cls = (*jenv)->FindClass(jenv, class_name);
    jmethodID ctor = cls ? (*jenv)->GetMethodID(jenv, cls, "<init>",
        "(ILjava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;"
        "Ljava/lang/String;Ljava/lang/String;)V") : NULL;
    if (!ctor) {
        (*jenv)->ExceptionClear(jenv);
        SWIG_JavaThrowException(jenv, SWIG_JavaRuntimeException, e->message);
        return;
    }
    jobject exc = (*jenv)->NewObject(jenv, cls, ctor, (jint)e->code,
                                     ipart_java_string(jenv, ipart_error_name(e->code)),
                                     ipart_java_string(jenv, e->rule),
                                     ipart_java_string(jenv, e->source),
                                     ipart_java_string(jenv, e->path),
                                     ipart_java_string(jenv, e->key),
                                     ipart_java_string(jenv, e->message));
    if (exc)
        (*jenv)->Throw(jenv, (jthrowable)exc);
}
%}

/* The JNI library is loaded, and its version checked, by no.ipart.NativeLoader. */
%pragma(java) jniclasscode=%{
  static {
    no.ipart.NativeLoader.load();
  }
%}

/* ipart_status: void in Java; a failure throws. */
%typemap(jni) ipart_status "void"
%typemap(jtype) ipart_status "void"
%typemap(jstype) ipart_status "void"
%typemap(javaout) ipart_status { $jnicall; }
%typemap(out) ipart_status {
    if ($1 != IPART_OK) {
        ipart_java_throw_last(jenv);
        return $null;
    }
}

/* One-element holder arrays for outputs: String[] for char **out, int[] or
 * long[] for scalars. The facade hides them. */
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
%typemap(argout) char **out {
    if (temp$argnum) {
        jstring text = ipart_java_string(jenv, temp$argnum);
        ipart_free(temp$argnum);
        if (text)
            (*jenv)->SetObjectArrayElement(jenv, $input, 0, text);
    }
}

%define IPART_JAVA_SCALAR_OUT(CTYPE, JNI_ARRAY, JAVA_ARRAY, JNI_ELEMENT, SETTER)
%typemap(jni) CTYPE *out "JNI_ARRAY"
%typemap(jtype) CTYPE *out "JAVA_ARRAY"
%typemap(jstype) CTYPE *out "JAVA_ARRAY"
%typemap(javain) CTYPE *out "$javainput"
%typemap(in) CTYPE *out (CTYPE temp) {
    IPART_JAVA_HOLDER_CHECK
    $1 = &temp;
}
%typemap(argout) CTYPE *out {
    JNI_ELEMENT value = (JNI_ELEMENT)temp$argnum;
    (*jenv)->SETTER(jenv, $input, 0, 1, &value);
}
%enddef
IPART_JAVA_SCALAR_OUT(int, jintArray, int[], jint, SetIntArrayRegion)
IPART_JAVA_SCALAR_OUT(ipart_weekday, jintArray, int[], jint, SetIntArrayRegion)
IPART_JAVA_SCALAR_OUT(size_t, jlongArray, long[], jlong, SetLongArrayRegion)
IPART_JAVA_SCALAR_OUT(int64_t, jlongArray, long[], jlong, SetLongArrayRegion)

/* The partnership helpers return NULL on failure. */
%exception ipart_swig_partnership_new {
    $action
    if (!result) { ipart_java_throw_last(jenv); return $null; }
}
%exception ipart_swig_partnership_load {
    $action
    if (!result) { ipart_java_throw_last(jenv); return $null; }
}
%exception ipart_swig_partnership_clone {
    $action
    if (!result) { ipart_java_throw_last(jenv); return $null; }
}

%include "ipart.i"
