# Dependencies come from Debian packages only. A missing one stops the
# configure step with the package that provides it.

function(ipart_require found what debian_package)
  if(NOT ${found})
    message(FATAL_ERROR
      "libipart needs ${what}, which was not found.\n"
      "On Debian 12 install it with:  apt-get install -y ${debian_package}\n"
      "(or run .ci/install-deps, which installs everything the build and tests need)")
  endif()
endfunction()

find_package(PkgConfig)

# cJSON: Debian ships a CMake package with the un-namespaced target `cjson`.
find_package(cJSON 1.7.15 CONFIG QUIET)
if(NOT TARGET cjson AND PkgConfig_FOUND)
  pkg_check_modules(IPART_CJSON QUIET IMPORTED_TARGET libcjson>=1.7.15)
  if(TARGET PkgConfig::IPART_CJSON)
    add_library(cjson ALIAS PkgConfig::IPART_CJSON)
  endif()
endif()
set(IPART_HAVE_CJSON OFF)
if(TARGET cjson)
  set(IPART_HAVE_CJSON ON)
endif()
ipart_require(IPART_HAVE_CJSON "cJSON >= 1.7.15" libcjson-dev)

# libxml2: the eForms notices are written with its xmlTextWriter.
find_package(LibXml2 2.9 QUIET)
ipart_require(LibXml2_FOUND "libxml2 >= 2.9" libxml2-dev)

# uthash: header only, no package metadata.
find_path(IPART_UTHASH_INCLUDE_DIR uthash.h)
ipart_require(IPART_UTHASH_INCLUDE_DIR "uthash (uthash.h)" uthash-dev)

if(IPART_BUILD_TESTS)
  set(_have_pkgconfig ${PkgConfig_FOUND})
  ipart_require(_have_pkgconfig "pkg-config" pkg-config)
  # Criterion installs only criterion.pc.
  pkg_check_modules(CRITERION QUIET IMPORTED_TARGET criterion>=2.4)
  ipart_require(CRITERION_FOUND "Criterion >= 2.4" libcriterion-dev)
endif()

if(IPART_BUILD_PYTHON OR IPART_BUILD_JAVA)
  find_package(SWIG 4.0 QUIET)
  ipart_require(SWIG_FOUND "SWIG >= 4.0" swig)
endif()

if(IPART_BUILD_PYTHON)
  set(Python3_EXECUTABLE "${IPART_PYTHON}")
  find_package(Python3 3.9 QUIET COMPONENTS Interpreter Development.Module)
  set(_have_python_dev ${Python3_Development.Module_FOUND})
  ipart_require(_have_python_dev "Python 3 headers for ${IPART_PYTHON}" python3-dev)
  if(IPART_BUILD_TESTS)
    execute_process(COMMAND "${Python3_EXECUTABLE}" -c "import pytest"
                    RESULT_VARIABLE _pytest_rc OUTPUT_QUIET ERROR_QUIET)
    set(_have_pytest OFF)
    if(_pytest_rc EQUAL 0)
      set(_have_pytest ON)
    endif()
    ipart_require(_have_pytest "pytest for ${Python3_EXECUTABLE}" python3-pytest)
  endif()
endif()

if(IPART_BUILD_JAVA)
  find_package(Java 17 QUIET COMPONENTS Development)
  ipart_require(Java_FOUND "a Java 17 JDK" openjdk-17-jdk-headless)
  # Only jni.h and jni_md.h are needed (FindJNI also insists on AWT): take
  # them from the JDK that javac belongs to.
  get_filename_component(_javac "${Java_JAVAC_EXECUTABLE}" REALPATH)
  get_filename_component(_jdk "${_javac}" DIRECTORY)
  get_filename_component(_jdk "${_jdk}" DIRECTORY)
  find_path(IPART_JNI_INCLUDE jni.h HINTS "${_jdk}/include" NO_DEFAULT_PATH)
  find_path(IPART_JNI_MD_INCLUDE jni_md.h HINTS "${_jdk}/include/linux" "${_jdk}/include" NO_DEFAULT_PATH)
  set(_have_jni OFF)
  if(IPART_JNI_INCLUDE AND IPART_JNI_MD_INCLUDE)
    set(_have_jni ON)
    set(JNI_INCLUDE_DIRS ${IPART_JNI_INCLUDE} ${IPART_JNI_MD_INCLUDE})
  endif()
  ipart_require(_have_jni "the JNI headers of the JDK at ${_jdk}" openjdk-17-jdk-headless)
  if(IPART_BUILD_TESTS)
    find_file(IPART_JUNIT_JAR junit4.jar PATHS /usr/share/java NO_DEFAULT_PATH)
    ipart_require(IPART_JUNIT_JAR "JUnit 4 (junit4.jar)" junit4)
    find_file(IPART_HAMCREST_JAR hamcrest-core.jar PATHS /usr/share/java NO_DEFAULT_PATH)
    ipart_require(IPART_HAMCREST_JAR "Hamcrest (hamcrest-core.jar)" junit4)
    find_file(IPART_GSON_JAR gson.jar PATHS /usr/share/java NO_DEFAULT_PATH)
    ipart_require(IPART_GSON_JAR "Gson (gson.jar, reads the golden cases in Java tests)"
                  libgoogle-gson-java)
  endif()
endif()
