# Encoding, YAML, hash/crypto, IP network, date/time, type-conversion and context (filesystem,
# timestamp) functions.
find_package(ZLIB REQUIRED)
target_sources(fw_hcl_values PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/encoding_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/encoding_csv.cc
  ${CMAKE_CURRENT_LIST_DIR}/encoding_text.cc
  ${CMAKE_CURRENT_LIST_DIR}/yaml_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/yaml_parser.cc
  ${CMAKE_CURRENT_LIST_DIR}/yaml_resolve.cc
  ${CMAKE_CURRENT_LIST_DIR}/yaml_emitter.cc
  ${CMAKE_CURRENT_LIST_DIR}/hash_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/hash_bcrypt.cc
  ${CMAKE_CURRENT_LIST_DIR}/ipnet_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/datetime_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/datetime_rfc3339.cc
  ${CMAKE_CURRENT_LIST_DIR}/type_conversion_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/context_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/context_fileset.cc
  ${CMAKE_CURRENT_LIST_DIR}/file_source.cc
)
target_link_libraries(fw_hcl_values PRIVATE OpenSSL::Crypto ZLIB::ZLIB)

find_package(rapidcheck QUIET)
# fw_hcl_eval: file_source_test calls EvalFunctions.
set(fw_hcl_encoding_misc_test_libs fw_hcl_values fw_hcl_eval)
if(rapidcheck_FOUND)
  list(APPEND fw_hcl_encoding_misc_test_libs rapidcheck_gtest rapidcheck)
endif()
formwork_test(hcl_functions_encoding_misc_test
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/encoding_functions_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/hash_functions_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/yaml_functions_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/file_source_test.cc
  LIBS ${fw_hcl_encoding_misc_test_libs})
if(TARGET hcl_functions_encoding_misc_test)
  target_compile_definitions(hcl_functions_encoding_misc_test PRIVATE
    FORMWORK_SOURCE_DIR_DEFAULT="${PROJECT_SOURCE_DIR}"
    FW_HAVE_RAPIDCHECK=$<BOOL:${rapidcheck_FOUND}>)
endif()
