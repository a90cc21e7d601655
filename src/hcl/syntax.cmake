# The syntax half of the hcl module: lexer, parsers (native and JSON), AST, diagnostics.
add_library(fw_hcl_syntax
  ${CMAKE_CURRENT_LIST_DIR}/arena.cc
  ${CMAKE_CURRENT_LIST_DIR}/source.cc
  ${CMAKE_CURRENT_LIST_DIR}/diagnostics.cc
  ${CMAKE_CURRENT_LIST_DIR}/lexer.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser_expr.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser_template.cc
  ${CMAKE_CURRENT_LIST_DIR}/ast.cc
  ${CMAKE_CURRENT_LIST_DIR}/ast_dump.cc
  ${CMAKE_CURRENT_LIST_DIR}/body.cc
  ${CMAKE_CURRENT_LIST_DIR}/native_body.cc
  ${CMAKE_CURRENT_LIST_DIR}/static_analysis.cc
  ${CMAKE_CURRENT_LIST_DIR}/json_parser.cc
  ${CMAKE_CURRENT_LIST_DIR}/json_body.cc
)
target_link_libraries(fw_hcl_syntax PUBLIC fw_base)

formwork_test(hcl_syntax_test
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/lexer_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/parser_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/syntax_data_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/json_test.cc
  LIBS fw_hcl_syntax)
if(TARGET hcl_syntax_test)
  target_compile_definitions(hcl_syntax_test PRIVATE
                             FORMWORK_SOURCE_DIR_FALLBACK="${PROJECT_SOURCE_DIR}")
endif()
