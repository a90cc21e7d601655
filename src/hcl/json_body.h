// The HCL JSON syntax (.tf.json): a JSON document read through the same model as the native
// syntax. Every JSON value is also an Expression (strings are templates, with ranges mapped back
// into the file; numbers keep their text; arrays are tuples, objects are objects), and every
// object is also an AnyBody whose properties become attributes or blocks according to the
// schema passed to Content()/PartialContent(), as the HCL JSON specification describes.
//
// Thread-safety: immutable after parsing; safe to read from any thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "hcl/body.h"
#include "hcl/json_parser.h"
#include "hcl/parser.h"

namespace fw::hcl {

struct JsonFile {
  std::shared_ptr<const SourceFile> source;
  std::unique_ptr<Arena> arena;     // the expressions of `root`'s values
  std::unique_ptr<JsonValue> root;  // never null in a returned file

  const AnyBody& body() const { return *root->body; }
};

struct JsonFileResult {
  std::unique_ptr<JsonFile> file;  // null when the document is not a JSON object (or array)
  Diagnostics diags;
};

// Parses a ".tf.json" file. Template syntax errors inside strings are reported when the
// string's expression is read through Content/JustAttributes (or by JsonTemplateDiagnostics).
JsonFileResult ParseJsonConfig(std::string bytes, std::string_view filename,
                               const ParseOptions& options = {});

// Parses any JSON document as an HCL expression (for JSON-encoded variable values, etc.).
ExprResult ParseJsonExpression(std::string_view bytes, std::string_view filename,
                               const ParseOptions& options = {});

// Template diagnostics of every string inside `v`.
void JsonTemplateDiagnostics(const JsonValue& v, Diagnostics& diags);

// The root expression's dump, for tests (collects template diagnostics into `diags`).
std::string DumpJsonFile(const JsonFile& file, Diagnostics& diags);

}  // namespace fw::hcl
