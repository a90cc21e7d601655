# The values half of hcl: numbers, types, values, conversion, JSON, the function framework.
add_library(fw_hcl_values
  ${CMAKE_CURRENT_LIST_DIR}/number.cc
  ${CMAKE_CURRENT_LIST_DIR}/type.cc
  ${CMAKE_CURRENT_LIST_DIR}/value.cc
  ${CMAKE_CURRENT_LIST_DIR}/json_text.cc
  ${CMAKE_CURRENT_LIST_DIR}/convert.cc
  ${CMAKE_CURRENT_LIST_DIR}/unify.cc
  ${CMAKE_CURRENT_LIST_DIR}/value_json.cc
  ${CMAKE_CURRENT_LIST_DIR}/value_ops.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions/function.cc
)
# Each function family adds its sources (and tests) in functions/<family>.cmake.
file(GLOB fw_hcl_function_fragments ${CMAKE_CURRENT_LIST_DIR}/functions/*.cmake)
foreach(fragment ${fw_hcl_function_fragments})
  include(${fragment})
endforeach()
target_include_directories(fw_hcl_values PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(fw_hcl_values PUBLIC fw_base PRIVATE Boost::headers)

find_package(rapidcheck QUIET)
set(fw_hcl_values_test_libs fw_hcl_values)
if(rapidcheck_FOUND)
  list(APPEND fw_hcl_values_test_libs rapidcheck_gtest rapidcheck)
endif()
formwork_test(hcl_values_test
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/number_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/type_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/value_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/convert_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/value_json_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/value_ops_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/values_data_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/values_property_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/functions/function_test.cc
  LIBS ${fw_hcl_values_test_libs})
if(TARGET hcl_values_test)
  target_compile_definitions(hcl_values_test PRIVATE
    FORMWORK_SOURCE_DIR_DEFAULT="${PROJECT_SOURCE_DIR}"
    FW_HAVE_RAPIDCHECK=$<BOOL:${rapidcheck_FOUND}>)
endif()
