// libFuzzer target for the HCL syntax layer: the native parser, the standalone template parser,
// the JSON syntax, and the walkers the evaluator relies on (Variables, dumps, diagnostics).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "hcl/ast_dump.h"
#include "hcl/json_body.h"
#include "hcl/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  fw::hcl::ParseOptions options;
  options.max_depth = 64;

  fw::hcl::ParseResult r = fw::hcl::ParseConfig(bytes, "fuzz.tf", options);
  (void)fw::hcl::DumpBody(*r.file.body, {true});
  (void)fw::hcl::BodyVariables(*r.file.body);
  (void)fw::hcl::FormatDiagnostics(r.diags, *r.file.source);
  (void)fw::hcl::DiagnosticsToJson(r.diags);

  fw::hcl::ExprResult t = fw::hcl::ParseTemplate(bytes, "fuzz.tmpl", {}, options);
  (void)fw::hcl::DumpExpression(*t.expr);
  (void)fw::hcl::Variables(*t.expr);

  fw::hcl::JsonFileResult j = fw::hcl::ParseJsonConfig(bytes, "fuzz.tf.json", options);
  if (j.file) {
    fw::hcl::Diagnostics diags;
    (void)fw::hcl::DumpJsonFile(*j.file, diags);
    fw::hcl::BodySchema schema{{{"a"}, {"b", true}}, {{"resource", {"type", "name"}}, {"c", {}}}};
    std::unique_ptr<fw::hcl::AnyBody> rest;
    fw::hcl::BodyContent c = j.file->body().PartialContent(schema, diags, &rest);
    (void)rest->JustAttributes(diags);
    for (const auto& b : c.blocks) (void)b.body->Content(schema, diags);
  }
  return 0;
}
