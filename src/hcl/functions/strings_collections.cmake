target_sources(fw_hcl_values PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/string_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/regex_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/collection_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/numeric_functions.cc
)
