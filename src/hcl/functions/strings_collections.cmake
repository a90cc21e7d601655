# String, regex, collection and numeric function families (and their tests).
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
target_sources(fw_hcl_values PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/string_common.cc
  ${CMAKE_CURRENT_LIST_DIR}/string_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/string_format.cc
  ${CMAKE_CURRENT_LIST_DIR}/regex_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/collection_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/collection_sequences.cc
  ${CMAKE_CURRENT_LIST_DIR}/collection_maps.cc
  ${CMAKE_CURRENT_LIST_DIR}/collection_sets.cc
  ${CMAKE_CURRENT_LIST_DIR}/numeric_functions.cc
)
target_link_libraries(fw_hcl_values PRIVATE PkgConfig::RE2)

find_package(rapidcheck QUIET)
set(fw_hcl_functions_test_libs fw_hcl_values)
if(rapidcheck_FOUND)
  list(APPEND fw_hcl_functions_test_libs rapidcheck_gtest rapidcheck)
endif()
formwork_test(hcl_strings_collections_test
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/string_test_notation.cc
    ${CMAKE_CURRENT_LIST_DIR}/numeric_functions_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/string_functions_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/collection_functions_test.cc
  LIBS ${fw_hcl_functions_test_libs})
if(TARGET hcl_strings_collections_test)
  target_compile_definitions(hcl_strings_collections_test PRIVATE
    FORMWORK_SOURCE_DIR_DEFAULT="${PROJECT_SOURCE_DIR}"
    FW_HAVE_RAPIDCHECK=$<BOOL:${rapidcheck_FOUND}>)
endif()
