# The values half of hcl: numbers, types, values, conversion, JSON, the function framework.
add_library(fw_hcl_values
  ${CMAKE_CURRENT_LIST_DIR}/number.cc
  ${CMAKE_CURRENT_LIST_DIR}/type.cc
  ${CMAKE_CURRENT_LIST_DIR}/value.cc
  ${CMAKE_CURRENT_LIST_DIR}/json_text.cc
  ${CMAKE_CURRENT_LIST_DIR}/convert.cc
  ${CMAKE_CURRENT_LIST_DIR}/unify.cc
)
target_include_directories(fw_hcl_values PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(fw_hcl_values PUBLIC fw_base PRIVATE Boost::headers)

find_package(rapidcheck QUIET)
set(fw_hcl_values_test_libs fw_hcl_values)
if(rapidcheck_FOUND)
  list(APPEND fw_hcl_values_test_libs rapidcheck_gtest rapidcheck)
endif()
formwork_test(hcl_values_test
  SOURCES
  LIBS ${fw_hcl_values_test_libs})
