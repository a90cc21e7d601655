target_sources(fw_hcl_values PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/encoding_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/yaml_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/hash_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/ipnet_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/datetime_functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/type_conversion_functions.cc
)
