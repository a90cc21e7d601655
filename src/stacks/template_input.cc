#include "stacks/template_input.h"

#include <boost/json.hpp>
#include <cctype>
#include <optional>
#include <set>

#include "archive/zip_reader.h"
#include "config/tfvars.h"
#include "crypto/crypto.h"
#include "hcl/value_json.h"
#include "stacks/names.h"

namespace fw::stacks {
namespace {

namespace json = boost::json;

constexpr size_t kMaxBody = 51200;
constexpr size_t kMaxUri = 2048;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsHttpUrl(std::string_view url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

// The file name of a template_body: JSON syntax when it starts with '{'.
std::string BodyFileName(std::string_view body) {
  for (char c : body) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' ? "main.tf.json" : "main.tf";
  }
  return "main.tf";
}

Status CheckTemplateText(const std::string& name, const std::string& text) {
  if (!IsValidUtf8(text)) return InvalidArgument("the template is not UTF-8", "RF.10011085");
  if (EndsWith(name, ".json") && text.rfind("\xEF\xBB\xBF", 0) == 0) {
    return InvalidArgument("a JSON template must not start with a byte order mark",
                           "RF.10011120");
  }
  return Status::Ok();
}

bool IsTemplateFile(std::string_view name) {
  return EndsWith(name, ".tf") || EndsWith(name, ".tf.json");
}

std::string Lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The kind of template a file name names: "zip", "tf.json", "tf", or "" for none.
std::string TemplateKind(std::string_view name) {
  if (EndsWith(name, ".zip")) return "zip";
  if (EndsWith(name, ".tf.json")) return "tf.json";
  if (EndsWith(name, ".tf")) return "tf";
  return "";
}

// The files of a template_uri zip (spec §1.8): the archive's own rules (src/archive, its RF
// codes), no .tfvars inside (RF.10011025), at least one .tf/.tf.json in the root directory
// (RF.10011157), and every .tf/.tf.json UTF-8. Every file is kept, scripts and data included.
Result<std::map<std::string, std::string>> UnpackTemplateZip(const std::string& bytes) {
  FW_ASSIGN_OR_RETURN(archive::ZipFiles files, archive::ReadZip(bytes));
  for (const auto& [path, content] : files) {
    std::string lower = Lowercase(path);
    if (EndsWith(lower, ".tfvars") || EndsWith(lower, ".tfvars.json")) {
      return InvalidArgument("the template zip contains the variable file " + path +
                                 "; give variables with vars_uri, vars_body or vars_structure",
                             "RF.10011025");
    }
  }
  bool root_template = false;
  for (const auto& [path, content] : files) {
    if (!IsTemplateFile(path)) continue;
    root_template |= path.find('/') == std::string::npos;
    Status text = CheckTemplateText(path, content);
    if (!text.ok()) return text.WithContext(path);
  }
  if (!root_template) {
    return InvalidArgument("the template zip has no .tf or .tf.json file in its root directory",
                           "RF.10011157");
  }
  return std::map<std::string, std::string>(files.begin(), files.end());
}

bool LooksLikeZip(std::string_view bytes) {
  return bytes.rfind("PK\x03\x04", 0) == 0 || bytes.rfind("PK\x05\x06", 0) == 0;
}

Result<TemplateDownload> ReadUrl(const UrlReader& read_url, const std::string& url,
                                 const std::string& field, const std::string& code) {
  if (!read_url) {
    return InvalidArgument(field + " cannot be read: no link reader is configured", code);
  }
  auto r = read_url(url);
  if (!r.ok()) {
    return InvalidArgument(field + " cannot be read: " + r.status().message(), code);
  }
  return r;
}

json::object VarToJson(const VarStructure& v) {
  json::object o{{"var_key", v.var_key}, {"var_value", v.var_value}};
  if (v.encryption) {
    o["encryption"] = json::object{
        {"kms", json::object{{"id", v.encryption->id}, {"cipher_text", v.encryption->cipher_text}}}};
  }
  return o;
}

std::vector<VarStructure> VarsFromJson(const json::object& vars) {
  std::vector<VarStructure> out;
  const json::value* list = vars.if_contains("vars_structure");
  if (!list || !list->is_array()) return out;
  for (const json::value& item : list->as_array()) {
    if (!item.is_object()) continue;
    const json::object& o = item.as_object();
    VarStructure v;
    if (auto* k = o.if_contains("var_key"); k && k->is_string()) v.var_key = k->as_string();
    if (auto* k = o.if_contains("var_value"); k && k->is_string()) v.var_value = k->as_string();
    if (auto* e = o.if_contains("encryption"); e && e->is_object()) {
      if (auto* kms = e->as_object().if_contains("kms"); kms && kms->is_object()) {
        KmsEncryption enc;
        if (auto* id = kms->as_object().if_contains("id"); id && id->is_string()) {
          enc.id = id->as_string();
        }
        if (auto* ct = kms->as_object().if_contains("cipher_text"); ct && ct->is_string()) {
          enc.cipher_text = ct->as_string();
        }
        v.encryption = enc;
      }
    }
    out.push_back(std::move(v));
  }
  return out;
}

std::optional<std::string> StringField(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

json::object ParseObject(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return {};
  return v.as_object();
}

// A tfvars text with the assignments of sensitive variables masked (verbatim when none).
std::string MaskTfvars(const std::string& text, std::string_view filename,
                       const std::set<std::string>& sensitive) {
  config::TfvarsResult parsed = config::ParseTfvars(text, filename);
  bool touches = false;
  for (const auto& [name, value] : parsed.values) touches |= sensitive.count(name) > 0;
  if (!touches) return text;
  std::string out;
  for (const auto& [name, value] : parsed.values) {
    std::string rendered = "\"<sensitive>\"";
    if (!sensitive.count(name)) {
      auto enc = hcl::EncodeJsonPlain(value, false);
      rendered = enc.ok() ? *enc : "null";
    }
    out += name + " = " + rendered + "\n";
  }
  return out;
}

}  // namespace

std::string SummarizeErrors(const hcl::Diagnostics& diags) {
  std::string out;
  for (const hcl::Diagnostic& d : diags) {
    if (d.severity != hcl::Severity::kError) continue;
    if (!out.empty()) out += "; ";
    if (d.subject) {
      out += std::string(d.subject->filename()) + ":" + std::to_string(d.subject->start.line) +
             ": ";
    }
    out += d.summary;
    if (!d.detail.empty()) out += ": " + d.detail;
    if (out.size() > 2000) break;
  }
  return out;
}

Result<std::unique_ptr<config::Config>> LoadTemplate(
    const std::map<std::string, std::string>& files) {
  config::LoadResult r = config::LoadConfigFromFiles(files);
  if (r.diags.HasErrors()) {
    return InvalidArgument("the template is invalid: " + SummarizeErrors(r.diags),
                           "RF.10011074");
  }
  return std::move(r.config);
}

Result<ResolvedInput> ResolveTemplateInput(const TemplateInput& input,
                                           TemplateRequirement requirement,
                                           const UrlReader& read_url) {
  ResolvedInput out;
  if (input.template_body && input.template_uri) {
    return InvalidArgument("give either template_body or template_uri, not both", "RF.10011003");
  }
  bool has_vars = input.vars_body || input.vars_uri || !input.vars_structure.empty();
  if (!input.template_body && !input.template_uri) {
    if (requirement == TemplateRequirement::kRequired) {
      return InvalidArgument("template_body or template_uri is required", "RF.10011056");
    }
    if (has_vars) {
      return InvalidArgument("variables need a template (template_body or template_uri)",
                             "RF.10011028");
    }
    return out;
  }
  if (input.template_body) {
    if (input.template_body->size() > kMaxBody) {
      return InvalidArgument("template_body is longer than 51200 characters", "RF.10011005");
    }
    if (input.template_body->empty()) {
      return InvalidArgument("template_body must not be empty", "RF.10011037");
    }
    std::string name = BodyFileName(*input.template_body);
    FW_RETURN_IF_ERROR(CheckTemplateText(name, *input.template_body));
    out.files[name] = *input.template_body;
  } else {
    const std::string& uri = *input.template_uri;
    if (uri.size() > kMaxUri) {
      return InvalidArgument("template_uri is longer than 2048 characters", "RF.10011005");
    }
    std::string path = uri.substr(0, uri.find_first_of("?#"));
    if (!IsHttpUrl(uri) ||
        !(EndsWith(path, ".tf") || EndsWith(path, ".tf.json") || EndsWith(path, ".zip"))) {
      return InvalidArgument("template_uri must start with http:// or https:// and end with .tf, "
                             ".tf.json or .zip", "RF.10011035");
    }
    const std::string kind = TemplateKind(path);
    FW_ASSIGN_OR_RETURN(TemplateDownload file,
                        ReadUrl(read_url, uri, "template_uri", "RF.10011035"));
    // The file behind the link (an OBS key, or the file a download link grants) must be a
    // template of the kind the link's path names.
    if (!file.file_name.empty() && TemplateKind(file.file_name) != kind) {
      return InvalidArgument("the file behind template_uri is " + file.file_name +
                                 "; a template file must end with .tf, .tf.json or .zip "
                                 "as the link does",
                             "RF.10011022");
    }
    if (kind == "zip") {
      FW_ASSIGN_OR_RETURN(out.files, UnpackTemplateZip(file.content));
    } else {
      if (file.content.size() > (size_t{1} << 20)) {
        return InvalidArgument("the file behind template_uri is larger than 1 MB", "RF.10011013");
      }
      if (LooksLikeZip(file.content)) {
        return InvalidArgument("the file behind template_uri is a zip archive; its link must "
                               "end with .zip", "RF.10011075");
      }
      std::string name = kind == "tf.json" ? "main.tf.json" : "main.tf";
      FW_RETURN_IF_ERROR(CheckTemplateText(name, file.content));
      out.files[name] = file.content;
    }
  }
  FW_ASSIGN_OR_RETURN(auto config, LoadTemplate(out.files));
  (void)config;

  // Variables.
  json::object vars;
  std::set<std::string> seen;
  auto claim = [&](const std::string& name, std::string_view where) -> Status {
    if (!seen.insert(name).second) {
      return InvalidArgument("the variable " + name + " is given more than once (" +
                                 std::string(where) + ")", "RF.10011093");
    }
    return Status::Ok();
  };
  if (input.vars_structure.size() > 100) {
    return InvalidArgument("vars_structure has more than 100 items", "RF.10011005");
  }
  json::array structure;
  for (const VarStructure& v : input.vars_structure) {
    bool key_ok = !v.var_key.empty() && v.var_key.size() <= 32 &&
                  std::isalpha(static_cast<unsigned char>(v.var_key[0]));
    for (char c : v.var_key) {
      key_ok &= std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    }
    if (!key_ok) {
      return InvalidArgument("var_key must have 1 to 32 characters, start with a letter and "
                             "contain only letters, digits, hyphens and underscores",
                             "RF.10011039");
    }
    if (CharacterCount(v.var_value) > 2048) {
      return InvalidArgument("var_value of " + v.var_key + " is longer than 2048 characters",
                             "RF.10011005");
    }
    FW_RETURN_IF_ERROR(claim(v.var_key, "vars_structure"));
    structure.push_back(VarToJson(v));
  }
  vars["vars_structure"] = std::move(structure);
  if (input.vars_body) {
    if (input.vars_body->size() > kMaxBody) {
      return InvalidArgument("vars_body is longer than 51200 characters", "RF.10011141");
    }
    config::TfvarsResult parsed = config::ParseTfvars(*input.vars_body, "vars_body.tfvars");
    if (parsed.diags.HasErrors()) {
      return InvalidArgument("vars_body is invalid: " + SummarizeErrors(parsed.diags),
                             "RF.10011051");
    }
    for (const auto& [name, value] : parsed.values) FW_RETURN_IF_ERROR(claim(name, "vars_body"));
    vars["vars_body"] = *input.vars_body;
  }
  if (input.vars_uri) {
    const std::string& uri = *input.vars_uri;
    if (uri.size() > kMaxUri) {
      return InvalidArgument("vars_uri is longer than 2048 characters", "RF.10011005");
    }
    std::string path = uri.substr(0, uri.find_first_of("?#"));
    if (!IsHttpUrl(uri) || !EndsWith(path, ".tfvars")) {
      return InvalidArgument("vars_uri must start with http:// or https:// and end with .tfvars",
                             "RF.10011034");
    }
    FW_ASSIGN_OR_RETURN(TemplateDownload file, ReadUrl(read_url, uri, "vars_uri", "RF.10011034"));
    if (file.content.size() > (size_t{1} << 20)) {
      return InvalidArgument("the file behind vars_uri is larger than 1 MB", "RF.10011014");
    }
    config::TfvarsResult parsed = config::ParseTfvars(file.content, "vars_uri.tfvars");
    if (parsed.diags.HasErrors()) {
      return InvalidArgument("the vars_uri content is invalid: " + SummarizeErrors(parsed.diags),
                             "RF.10011050");
    }
    for (const auto& [name, value] : parsed.values) FW_RETURN_IF_ERROR(claim(name, "vars_uri"));
    vars["vars_uri"] = uri;
    vars["vars_uri_content"] = file.content;
  }
  out.vars_json = json::serialize(vars);
  return out;
}

Result<VariableInputs> DecodeVariables(const std::string& vars_json) {
  VariableInputs out;
  json::object vars = ParseObject(vars_json);
  for (const VarStructure& v : VarsFromJson(vars)) out.raw[v.var_key] = v.var_value;
  for (const char* key : {"vars_body", "vars_uri_content"}) {
    std::optional<std::string> text = StringField(vars, key);
    if (!text) continue;
    config::TfvarsResult parsed = config::ParseTfvars(*text, std::string(key) + ".tfvars");
    if (parsed.diags.HasErrors()) {
      return InvalidArgument(std::string(key) + " is invalid: " + SummarizeErrors(parsed.diags),
                             "RF.10011051");
    }
    for (auto& [name, value] : parsed.values) out.typed[name] = std::move(value);
  }
  return out;
}

DisplayVars VarsForDisplay(const std::string& vars_json, const std::set<std::string>& sensitive) {
  DisplayVars out;
  json::object vars = ParseObject(vars_json);
  out.vars_structure = VarsFromJson(vars);
  for (VarStructure& v : out.vars_structure) {
    if (sensitive.count(v.var_key)) v.var_value = "<sensitive>";
  }
  if (auto body = StringField(vars, "vars_body")) {
    out.vars_body = MaskTfvars(*body, "vars_body.tfvars", sensitive);
  }
  if (auto content = StringField(vars, "vars_uri_content")) {
    out.vars_uri_content = MaskTfvars(*content, "vars_uri.tfvars", sensitive);
  }
  return out;
}

std::string FilesToJson(const std::map<std::string, std::string>& files) {
  json::object o;
  for (const auto& [name, content] : files) {
    if (IsValidUtf8(content)) {
      o[name] = content;
    } else {  // a binary file of a zip template: JSON strings hold UTF-8 only
      o[name] = json::object{{"base64", crypto::Base64Encode(content)}};
    }
  }
  return json::serialize(o);
}

std::map<std::string, std::string> FilesFromJson(const std::string& text) {
  std::map<std::string, std::string> out;
  for (const auto& [name, value] : ParseObject(text)) {
    if (value.is_string()) {
      out[std::string(name)] = std::string(value.as_string());
    } else if (value.is_object()) {
      const json::value* b64 = value.as_object().if_contains("base64");
      if (!b64 || !b64->is_string()) continue;
      if (auto bytes = crypto::Base64Decode(b64->as_string())) out[std::string(name)] = *std::move(bytes);
    }
  }
  return out;
}

}  // namespace fw::stacks
