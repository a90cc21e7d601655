// Template and variable inputs (spec rfs-api.md §1.8): checks template_body / template_uri and
// vars_body / vars_uri / vars_structure, reads URIs from where Formwork can (objects of the
// simulated OBS and its own download links — never from the network) and keeps the result in
// the stored form: template files by path, and a vars JSON document.
//
// A template_uri names a .tf, a .tf.json or a .zip. A zip is unpacked with src/archive (its
// limits and RF codes), must hold no .tfvars (RF.10011025) and at least one .tf/.tf.json in its
// root directory (RF.10011157); every file of it is kept under its path ("main.tf",
// "modules/net/main.tf", "scripts/init.sh"): the root module is the files without a directory
// part, local module sources resolve against the others, and file() reads them.
//
// Thread-safety: ResolveTemplateInput is as safe as its reader; the rest is pure.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <memory>
#include <string>

#include "base/status.h"
#include "config/loader.h"
#include "hcl/value.h"
#include "stacks/stack_service.h"

namespace fw::stacks {

// What a TemplateInput resolves to.
struct ResolvedInput {
  std::map<std::string, std::string> files;  // empty when no template was given
  // {"vars_body"?, "vars_uri"?, "vars_uri_content"?, "vars_structure": [...]}; holds secrets.
  std::string vars_json = "{}";
};

// Reads a URL that names something inside Formwork. kNotFound / kInvalidArgument when it does
// not; the caller maps them to the field's RF. code.
using UrlReader = std::function<Result<TemplateDownload>(const std::string& url)>;

enum class TemplateRequirement { kRequired, kOptional };

// Resolves and checks `input`: RF codes as stack_service.h lists under TemplateInput. With
// kOptional and no template, vars are refused (RF.10011028). The template is loaded once to
// check it (RF.10011074 with the diagnostics).
Result<ResolvedInput> ResolveTemplateInput(const TemplateInput& input,
                                           TemplateRequirement requirement,
                                           const UrlReader& read_url);

// Loads stored template files (config::LoadConfigFromFiles). RF.10011074 when they do not load.
Result<std::unique_ptr<config::Config>> LoadTemplate(const std::map<std::string, std::string>& files);
// "main.tf:3: Unsupported block type: ..." lines of the errors.
std::string SummarizeErrors(const hcl::Diagnostics& diags);

// The variable values of stored vars: typed ones from vars_body / vars_uri_content (tfvars),
// raw strings from vars_structure (parsed per the variable's type by the engine).
struct VariableInputs {
  std::map<std::string, hcl::Value> typed;
  std::map<std::string, std::string> raw;
};
Result<VariableInputs> DecodeVariables(const std::string& vars_json);

// The vars for display: vars_structure / vars_body / vars_uri_content with the values of the
// variables in `sensitive` replaced by "<sensitive>".
struct DisplayVars {
  std::vector<VarStructure> vars_structure;
  std::optional<std::string> vars_body;
  std::optional<std::string> vars_uri_content;
};
DisplayVars VarsForDisplay(const std::string& vars_json, const std::set<std::string>& sensitive);

// JSON of template files ({"main.tf": "..."}) and back; a file that is not UTF-8 (a binary file
// of a zip) is stored as {"name": {"base64": "..."}}.
std::string FilesToJson(const std::map<std::string, std::string>& files);
std::map<std::string, std::string> FilesFromJson(const std::string& json);

}  // namespace fw::stacks
