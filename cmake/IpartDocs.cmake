# The API reference, built by `cmake --build <dir> --target docs` into
# <build>/docs: c/html (Doxygen over include/ipart), python/ipart.html
# (pydoc of the package) and java/ (Javadoc of the facade). Each part is a
# target of its own (docs_c, docs_python, docs_java); warnings fail each.
set(IPART_DOCS_DIR ${PROJECT_BINARY_DIR}/docs)
file(MAKE_DIRECTORY ${IPART_DOCS_DIR}/c ${IPART_DOCS_DIR}/python)
add_custom_target(docs)

# ---- C: Doxygen, every public item documented (WARN_AS_ERROR) ---------------
find_program(IPART_DOXYGEN doxygen)
set(IPART_DOXYFILE ${IPART_DOCS_DIR}/Doxyfile)
configure_file(${PROJECT_SOURCE_DIR}/doc/api/Doxyfile.in ${IPART_DOXYFILE} @ONLY)
if(IPART_DOXYGEN)
  add_custom_target(docs_c
    COMMAND ${IPART_DOXYGEN} ${IPART_DOXYFILE}
    COMMENT "Doxygen: the C API reference in ${IPART_DOCS_DIR}/c/html"
    VERBATIM)
else()
  add_custom_target(docs_c
    COMMAND ${CMAKE_COMMAND} -E echo "docs_c: doxygen not found (Debian package doxygen)"
    COMMAND ${CMAKE_COMMAND} -E false
    VERBATIM)
endif()
add_dependencies(docs docs_c)

# ---- Python: pydoc of the package (every name of ipart.__all__) -------------
if(IPART_BUILD_PYTHON)
  add_custom_target(docs_python
    COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${IPART_PYTHON_PATH} PYTHONDONTWRITEBYTECODE=1
            ${Python3_EXECUTABLE} -m pydoc -w ipart
    WORKING_DIRECTORY ${IPART_DOCS_DIR}/python
    COMMENT "pydoc: the Python API page ${IPART_DOCS_DIR}/python/ipart.html"
    VERBATIM)
  add_dependencies(docs_python ipart_python)
  add_dependencies(docs docs_python)
endif()

# ---- Java: Javadoc of the facade, doclint on, warnings are errors ------------
# The same command is the test java.Javadoc (tests/java).
if(IPART_BUILD_JAVA)
  get_filename_component(_javac_dir "${Java_JAVAC_EXECUTABLE}" DIRECTORY)
  find_program(IPART_JAVADOC javadoc HINTS "${_javac_dir}" NO_DEFAULT_PATH)
  if(IPART_JAVADOC)
    file(GLOB _facade CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/bindings/java/src/no/ipart/*.java)
    list(APPEND _facade ${PROJECT_BINARY_DIR}/java-loader/no/ipart/NativeLoader.java)
    set(IPART_JAVADOC_COMMAND ${IPART_JAVADOC} -quiet -Xdoclint:all -Werror -encoding UTF-8
        --release 17 -d ${IPART_DOCS_DIR}/java -cp ${IPART_JAR} ${_facade})
    add_custom_target(docs_java COMMAND ${IPART_JAVADOC_COMMAND}
      COMMENT "Javadoc: the Java API in ${IPART_DOCS_DIR}/java"
      VERBATIM)
    add_dependencies(docs_java ipart_jar)
    add_dependencies(docs docs_java)
  endif()
endif()
