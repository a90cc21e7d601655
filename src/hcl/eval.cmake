# The evaluator: expressions of the AST → values, against a Scope and a FunctionRegistry.
add_library(fw_hcl_eval
  ${CMAKE_CURRENT_LIST_DIR}/eval/evaluator.cc
  ${CMAKE_CURRENT_LIST_DIR}/eval/eval_template.cc
  ${CMAKE_CURRENT_LIST_DIR}/eval/eval_iteration.cc
  ${CMAKE_CURRENT_LIST_DIR}/eval/eval_call.cc
)
target_include_directories(fw_hcl_eval PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(fw_hcl_eval PUBLIC fw_hcl_syntax fw_hcl_values)

formwork_test(hcl_eval_test
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/eval/evaluator_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/eval/eval_data_test.cc
  LIBS fw_hcl_eval)
if(TARGET hcl_eval_test)
  target_compile_definitions(hcl_eval_test PRIVATE
    FORMWORK_SOURCE_DIR_DEFAULT="${PROJECT_SOURCE_DIR}")
endif()
