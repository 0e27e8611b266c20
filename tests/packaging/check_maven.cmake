# The Maven artifact as a Java user gets it, offline: install no.ipart:ipart
# from the staged Maven build (MAVEN_DIR, see bindings/java/pom.xml.in) into
# a temporary local repository, build the consumer project against it with
# Maven, and run the consumer with no -Djava.library.path and no
# LD_LIBRARY_PATH: the JNI library must come out of the jar, through a
# private temporary directory that is gone afterwards.
#
# The temporary repository resolves Maven's plugins from Debian's
# /usr/share/maven-repo: it links each of its top-level entries (Maven 3.8
# has one local repository only), and our own group no/ is a real directory.
file(REMOVE_RECURSE "${WORK}")
set(repo "${WORK}/repository")
file(MAKE_DIRECTORY "${repo}" "${WORK}/tmp")
file(GLOB debian_entries "${DEBIAN_REPO}/*")
foreach(entry IN LISTS debian_entries)
  get_filename_component(name "${entry}" NAME)
  if(name STREQUAL "no")
    message(FATAL_ERROR "${DEBIAN_REPO} has a group no/: the temporary repository cannot link it")
  endif()
  file(CREATE_LINK "${entry}" "${repo}/${name}" SYMBOLIC)
endforeach()

function(maven what)
  execute_process(COMMAND "${MVN}" -o -B -q "-Dmaven.repo.local=${repo}" ${ARGN}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}")
  endif()
endfunction()

maven("mvn install of no.ipart:ipart" -f "${MAVEN_DIR}/pom.xml" install)
set(installed "${repo}/no/ipart/ipart/${VERSION}")
foreach(suffix IN ITEMS .pom .jar -sources.jar -javadoc.jar)
  if(NOT EXISTS "${installed}/ipart-${VERSION}${suffix}")
    message(FATAL_ERROR "not installed: ${installed}/ipart-${VERSION}${suffix}")
  endif()
endforeach()

file(COPY "${CONSUMER}/" DESTINATION "${WORK}/consumer")
maven("mvn package of the consumer" -f "${WORK}/consumer/pom.xml" "-Dipart.version=${VERSION}" package)

unset(ENV{LD_LIBRARY_PATH})
execute_process(
  COMMAND "${JAVA}" "-Djava.io.tmpdir=${WORK}/tmp"
          -cp "${WORK}/consumer/target/consumer-1.jar:${installed}/ipart-${VERSION}.jar"
          consumer.Main "${DOCUMENT}" "${EVENT}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the consumer failed (${rc}):\n${out}\n${err}")
endif()
if(NOT out MATCHES "loaded: stage purchase, 123 events\nrefused: R28 at [$][.]actor: ")
  message(FATAL_ERROR "the consumer did not load the document and catch RuleViolationException R28:\n${out}")
endif()
# Loaded from the private temporary directory, and deleted from it.
if(NOT out MATCHES "jni: ${WORK}/tmp/ipart-native-[^/\n]+/lib${JNI_NAME}[.]so [(]deleted[)]")
  message(FATAL_ERROR "the JNI library did not come from a deleted copy in ${WORK}/tmp:\n${out}")
endif()
file(GLOB left "${WORK}/tmp/*")
if(left)
  message(FATAL_ERROR "left behind in the temporary directory: ${left}")
endif()
message(STATUS "no.ipart:ipart:${VERSION} installed, and a Maven consumer uses it without java.library.path:\n${out}")
