# Install rules: the library with its headers, a CMake package
# (find_package(ipart) -> ipart::ipart) and a pkg-config file.
include(CMakePackageConfigHelpers)

set(IPART_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/ipart")

install(TARGETS ipart EXPORT ipartTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(EXPORT ipartTargets
  NAMESPACE ipart::
  DESTINATION ${IPART_INSTALL_CMAKEDIR})

configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/ipartConfig.cmake.in
  ${PROJECT_BINARY_DIR}/ipartConfig.cmake
  INSTALL_DESTINATION ${IPART_INSTALL_CMAKEDIR})
# SameMajorVersion, except that a 0.x request naming a minor needs that
# minor (the ABI of 0.x changes with the minor): see the template.
configure_file(${PROJECT_SOURCE_DIR}/cmake/ipartConfigVersion.cmake.in
  ${PROJECT_BINARY_DIR}/ipartConfigVersion.cmake @ONLY)
install(FILES
  ${PROJECT_BINARY_DIR}/ipartConfig.cmake
  ${PROJECT_BINARY_DIR}/ipartConfigVersion.cmake
  DESTINATION ${IPART_INSTALL_CMAKEDIR})

# A program linked with `pkg-config --libs libipart` finds libipart.so at
# run time without LD_LIBRARY_PATH or ldconfig: unless the library goes to
# a directory the toolchain searches anyway (/usr/lib/<multiarch>), the .pc
# file adds an rpath to its libdir.
set(IPART_PC_RPATH "")
if(NOT CMAKE_INSTALL_FULL_LIBDIR IN_LIST CMAKE_C_IMPLICIT_LINK_DIRECTORIES)
  set(IPART_PC_RPATH "-Wl,-rpath,\${libdir} ")
endif()
file(RELATIVE_PATH IPART_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
configure_file(${PROJECT_SOURCE_DIR}/cmake/libipart.pc.in ${PROJECT_BINARY_DIR}/libipart.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/libipart.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/libipart)
